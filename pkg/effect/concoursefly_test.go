package effect

import "testing"

// TestConcourseFly checks that Concourse's fly (fly -t TARGET VERB) is
// read by its own verbs: setting, destroying, exposing and triggering
// pipelines and teams change a shared CI server, looking at them does
// not, whatever a pipeline is called (-p deploy), and flyctl's own verbs
// under the same name are still flyctl's.
func TestConcourseFly(t *testing.T) {
	for cmd, want := range map[string]bool{
		"fly -t ci set-pipeline -p web -c ci/pipeline.yml -n":  true,
		"fly -tprod sp -pdeploy -cci/pipeline.yml":             true,
		"fly --target prod destroy-pipeline --pipeline deploy": true,
		"fly -t ci trigger-job -j web/deploy-prod":             true,
		"fly -t ci set-team -n acme --local-user alice":        true,
		"fly deploy -a acme-api":                               true,
		"fly -t ci get-pipeline -p deploy":                     false,
		"fly -t ci jobs -p deploy":                             false,
		"fly -t ci builds -j web/test":                         false,
		"fly -t ci validate-pipeline -c ci/pipeline.yml":       false,
		"fly logs -a acme-api":                                 false,
	} {
		got := false
		for _, ef := range effectsOf(cmd) {
			got = got || ef.Kind == Destroy
		}
		if got != want {
			t.Errorf("%s: changes %v, want %v: %v", cmd, got, want, effectsOf(cmd))
		}
	}
}
