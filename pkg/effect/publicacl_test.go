package effect

import "testing"

// TestPublicACL checks that a cloud CLI's copy made public
// with a canned access list grants access, and that one without does not.
func TestPublicACL(t *testing.T) {
	for line, want := range map[string]bool{
		"aws s3 cp report.csv s3://acme-exports/ --acl public-read":               true,
		"aws s3 sync dist/ s3://acme-site --acl=public-read":                      true,
		"gsutil cp -a public-read model.pkl gs://acme-models/":                    true,
		"aws s3 cp report.csv s3://acme-exports/ --acl bucket-owner-full-control": false,
		"aws s3 cp report.csv s3://acme-exports/":                                 false,
		"gsutil cp model.pkl gs://acme-models/":                                   false,
	} {
		if got := hasEffect(effectsOf(line), "destroy:access"); got != want {
			t.Errorf("%q: destroy:access = %v, want %v (%v)", line, got, want, effectsOf(line))
		}
	}
}
