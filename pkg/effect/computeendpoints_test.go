package effect

import "testing"

// TestComputeEndpoints: a writing request to a shipping API's path that
// only computes an answer (GitHub's releases/generate-notes) changes
// nothing; the same API's other writing paths still ship. Nothing is run.
func TestComputeEndpoints(t *testing.T) {
	for line, want := range map[string]bool{
		"gh api repos/acme/widget/releases/generate-notes -f tag_name=v1.8.0 -f previous_tag_name=v1.7.0 --jq .body":                               false,
		"gh api -X POST repos/acme/widget/releases/generate-notes -f tag_name=v1.8.0":                                                              false,
		"curl -s -X POST -H 'Authorization: Bearer x' https://api.github.com/repos/acme/widget/releases/generate-notes -d '{\"tag_name\":\"v2\"}'": false,
		"gh api repos/acme/widget/releases -f tag_name=v1.8.0":                                                                                     true,
		"gh api -X PATCH repos/acme/widget/releases/123 -f draft=false":                                                                            true,
		"gh api -X POST repos/acme/widget/releases/generate-notes/../../hooks -f url=https://x.example":                                            true,
	} {
		if got := hasEffect(effectsOf(line), "destroy:deploy"); got != want {
			t.Errorf("%q: ships = %v, want %v (%v)", line, got, want, effectsOf(line))
		}
	}
}
