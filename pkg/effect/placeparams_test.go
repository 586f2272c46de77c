package effect

import (
	"testing"

	"rampart.dev/pkg/shell"
)

// Every variable naming a credential file is one whose default word the
// walk does not take for it: ${KUBECONFIG:-x} is read as the file the
// variable names where it is set.
func TestCredentialFileVarsArePlaceParams(t *testing.T) {
	for name := range credentialFileVars.All() {
		if !shell.PlaceParam(name) {
			t.Errorf("%s is in credentialFileVars but not in shell's placeParams", name)
		}
	}
}
