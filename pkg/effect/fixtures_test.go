package effect

import "testing"

// TestFixtureDecryptPrintsNoSecret checks that decrypting a project's test
// fixtures prints no secret, and that any other input (a file outside the
// fixtures, one reached through "..", a home path, standard input, one
// fixture among other files) still does.
func TestFixtureDecryptPrintsNoSecret(t *testing.T) {
	for line, want := range map[string]bool{
		"sops -d testdata/sops/example.enc.yaml":                         false,
		"sops decrypt internal/config/testdata/app.enc.json":             false,
		"age -d -i testdata/age/key.txt testdata/age/secrets.age":        false,
		"sops -d src/test/resources/app.enc.yaml":                        false,
		"sops -d test/fixtures/creds.enc.env":                            false,
		"sops -d secrets/app.enc.yaml":                                   true,
		"sops -d testdata/../secrets/app.enc.yaml":                       true,
		"sops -d ~/testdata/app.enc.yaml":                                true,
		"sops -d testdata/a.enc.yaml secrets/b.enc.yaml":                 true,
		"age -d -i testdata/key.txt":                                     true,
		"sops -d $SECRETS/testdata/x.yaml":                               true,
		"cat secrets.age | age -d -i testdata/age/key.txt":               true,
		"sops decrypt testdata/a.enc.yaml && sops decrypt prod.enc.yaml": true,
	} {
		if got := hasEffect(effectsOf(line), "flow:secret->agent"); got != want {
			t.Errorf("%q: flow:secret->agent = %v, want %v (%v)", line, got, want, effectsOf(line))
		}
	}
}

// TestFixturePath checks which paths are a project's test fixtures.
func TestFixturePath(t *testing.T) {
	for p, want := range map[string]bool{
		"testdata/x.pem":                     true,
		"./pkg/a/testdata/k":                 true,
		"spec/fixtures/files/id_rsa":         true,
		"src/test/resources/keystore.jks":    true,
		"web/__fixtures__/token.json":        true,
		"testdata":                           false,
		"secrets/x":                          false,
		"testdata/../x":                      false,
		"/home/dev/project/testdata/x":       false,
		"~/.ssh/testdata/x":                  false,
		"testdata/*.pem":                     false,
		"$HOME/testdata/x":                   false,
		"src/main/resources/keystore.jks":    false,
		"node_modules/x/test/fixtures/k.pem": true,
	} {
		if got := fixturePath(p); got != want {
			t.Errorf("fixturePath(%q) = %v, want %v", p, got, want)
		}
	}
}
