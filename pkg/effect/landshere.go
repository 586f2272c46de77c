package effect

import (
	"strings"

	"rampart.dev/pkg/catalog"
)

// landsHere reports an image copy whose destination, its last operand, is
// on this machine: a transport the entry's "local-dests" names (skopeo
// copy docker://alpine oci:./alpine writes an OCI layout here, pulling,
// not publishing). A registry's reference there is a publish.
func landsHere(e *catalog.Entry, cl *catalog.Classified) bool {
	dests := e.Prop("local-dests")
	if dests == "" || cl.Positional < 2 {
		return false
	}
	last := strings.Trim(lastOperand(cl), `'"`)
	for d := range strings.SplitSeq(dests, ",") {
		if d != "" && strings.HasPrefix(last, d) {
			return true
		}
	}
	return false
}
