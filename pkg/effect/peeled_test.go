package effect

import (
	"testing"

	"rampart.dev/pkg/shell"
)

// TestPeeledWrapperNotReadAsUnknown checks that a wrapper the walk reads
// itself is not read as an unknown program whose verbs are the wrapped
// command's words: the destroys and secrets found are the wrapped
// command's, and the wrapper carries none of them.
func TestPeeledWrapperNotReadAsUnknown(t *testing.T) {
	for _, line := range []string{
		"sudo borgctl delete repo",
		"nohup timeout 60 vendorctl destroy cluster-a",
		"env REGION=eu vaultctl secrets get api-token",
		"ls ids | xargs acmectl delete",
		"doas -u ops nice -n 5 acmectl deploy --env production",
	} {
		res := shell.Parse(line)
		found := false
		for _, e := range effectsOf(line) {
			if e.Kind != Destroy && e.Kind != Flow {
				continue
			}
			found = true
			if len(res.Commands[e.Cmd].Via) == 0 {
				t.Errorf("%q: %v is on the wrapper %q, not the wrapped command", line, e, res.Commands[e.Cmd].Name)
			}
		}
		if !found && line != "env REGION=eu vaultctl secrets get api-token" {
			t.Errorf("%q: no destroy found: %v", line, effectsOf(line))
		}
	}
}
