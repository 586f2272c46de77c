package effect

import "testing"

// TestRemovesEveryImage checks that an image removal fed every image ID by
// a substitution destroys, and a filtered or named list does not.
func TestRemovesEveryImage(t *testing.T) {
	for line, want := range map[string]bool{
		"docker rmi -f $(docker images -aq)":                    true,
		"podman image rm $(podman image ls --quiet)":            true,
		"docker rmi $(docker images -q --filter dangling=true)": false,
		"docker rmi $(docker images -q acme/api)":               false,
		"docker rmi acme/api:old":                               false,
		"docker ps -q":                                          false,
	} {
		if got := hasEffect(effectsOf(line), "destroy:remote"); got != want {
			t.Errorf("%q: destroy:remote = %v, want %v (%v)", line, got, want, effectsOf(line))
		}
	}
}
