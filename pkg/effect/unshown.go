package effect

import (
	"strings"

	"rampart.dev/pkg/catalog"
)

// unshown reads a catalogue's "unshown-if=MARK,NOT": true when the command
// sets the mark MARK and not the mark NOT, so that it prints nothing of the
// files it reads.
func unshown(spec string, cl *catalog.Classified) bool {
	if spec == "" {
		return false
	}
	mark, not, _ := strings.Cut(spec, ",")
	return cl.Mark(mark) && (not == "" || !cl.Mark(not))
}
