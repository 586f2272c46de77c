package effect

import "testing"

// TestAuthStorePrinted checks that a login store printed by its own verb
// (crane auth get, an unknown tool's auth show, a registry's docker
// config) is a secret shown, while the accounts listed (auth list, auth
// status) and a login made are not.
func TestAuthStorePrinted(t *testing.T) {
	for cmd, want := range map[string]bool{
		"crane auth get ghcr.io":                         true,
		"doctl registry docker-config":                   true,
		"acmectl auth show":                              true,
		"acmectl auth list":                              false,
		"gh auth status":                                 false,
		"gcloud auth list":                               false,
		"crane auth login ghcr.io -u bob":                false,
		"gcloud auth configure-docker us-docker.pkg.dev": false,
	} {
		if got := hasEffect(effectsOf(cmd), "flow:secret->agent"); got != want {
			t.Errorf("%s: secret shown %v, want %v: %v", cmd, got, want, effectsOf(cmd))
		}
	}
}
