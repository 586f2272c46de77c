package effect

import "testing"

// TestArgoSubmitDevNamespace checks that a workflow Argo submits into a
// namespace named for development is everyday work, as kubectl's change
// there is, while one submitted into production's, every namespace, or a
// context of its own is still a deploy.
func TestArgoSubmitDevNamespace(t *testing.T) {
	for line, want := range map[string]bool{ // a destroy effect
		"argo submit wf.yaml -n dev":                    false,
		"argo submit wf.yaml --namespace sandbox-alice": false,
		"argo submit wf.yaml -n prod":                   true,
		"argo submit wf.yaml -n dev --context prod-eu":  true,
		"argo submit wf.yaml":                           true,
		"argo resubmit my-wf -n preview-pr-42":          false,
		"argo retry my-wf -n production":                true,
		"kubectl -n dev delete deployment web":          false,
		"kubectl -n prod delete deployment web":         true,
	} {
		effs := effectsOf(line)
		got := false
		for _, e := range effs {
			if e.Kind == Destroy {
				got = true
			}
		}
		if got != want {
			t.Errorf("%q: destroys = %v, want %v (%v)", line, got, want, effs)
		}
	}
}
