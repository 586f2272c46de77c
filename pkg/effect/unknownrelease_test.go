package effect

import "testing"

// TestUnknownRelease checks that an unknown program's release given a
// registry or a credential publishes, and that a release alone, its help
// and a build given a registry do not.
func TestUnknownRelease(t *testing.T) {
	for line, want := range map[string]bool{
		`mytool release --registry https://registry.acme.dev`: true,
		`galaxyctl release --api-key "$GALAXY_API_KEY"`:       true,
		`./bin/relctl release v2 --token=$T`:                  true,
		`mytool release notes --since v1.2.0`:                 false,
		`mytool release --help`:                               false,
		`mytool build --registry https://registry.acme.dev`:   false,
	} {
		if got := hasEffect(effectsOf(line), "destroy:publish"); got != want {
			t.Errorf("%q: destroy:publish = %v, want %v", line, got, want)
		}
	}
}
