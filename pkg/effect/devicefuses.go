package effect

import (
	"strings"

	"rampart.dev/pkg/internal/table"
	"rampart.dev/pkg/shell"
)

// A device's fuses and lock bits written (avrdude -U lfuse:w:0xE2:m, -U
// lock:w:0x3C:m, in any memory's spelling of a fuse): a wrong fuse stops
// the chip's clock, its reset pin or its programming interface, and the
// board is bricked for a programmer without high voltage. A change of the
// device's own working that a person confirms (destroy:system), where
// writing the project's firmware to its flash (-U flash:w:build/x.hex),
// reading (:r:) or verifying (:v:) is everyday.

// fuseMemories are the memories of a device that hold its fuses and lock
// bits, as avrdude names them.
var fuseMemories = table.Map[string, bool]{Words: "fuse lfuse hfuse efuse fuse0 fuse1 fuse2 fuse3 fuse4 fuse5 fuse6 fuse7 fuse8 fuses lock lockbits lockbyte"}

// fusesWritten adds destroy:system for an avrdude that writes a fuse or
// lock memory.
func (a *analysis) fusesWritten(i int, c *shell.Command) {
	if c.Name != "avrdude" {
		return
	}
	for _, op := range shortValues(c.Args, "-U") {
		mem, rest, ok := strings.Cut(op, ":")
		if !ok || !fuseMemories.Get(strings.ToLower(mem)) {
			continue
		}
		if mode, _, _ := strings.Cut(rest, ":"); mode == "w" {
			a.add(Effect{Kind: Destroy, Cmd: i, Detail: "system", Word: "avrdude writes the device's " + mem})
			return
		}
	}
}
