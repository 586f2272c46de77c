package effect

import "testing"

// TestBuiltArchivesAreLocal: a package named as a built archive on disk
// (dist/x.whl, out/x.tgz) is the project's file, not a user/repo
// shorthand; but one an earlier command of the line saved from a host is
// code straight from a URL, under whatever local name.
func TestBuiltArchivesAreLocal(t *testing.T) {
	for line, want := range map[string]bool{
		"pip install dist/acme-1.0-py3-none-any.whl":                                   false,
		"python -m build && pip install dist/*.whl":                                    false,
		"npm install out/acme-widgets-2.0.0.tgz":                                       false,
		"npm pack && npm install ./acme-widgets-2.0.0.tgz":                             false,
		"npm install someone/repo":                                                     true,
		"npm install github:someone/repo.tgz":                                          true,
		"pip install https://example.net/x.whl":                                        true,
		"curl -sLo dist/x.whl https://example.net/x.whl && pip install dist/x.whl":     true,
		"wget -P dist https://example.net/x.whl && pip install dist/*.whl":             true,
		"curl -sLo ./dist/x.whl https://example.net/x.whl && pip install ./dist/x.whl": true,
		"curl -sLo x.tgz https://example.net/x.tgz && npm install ./x.tgz":             true,
		"curl -sLo /tmp/x.whl https://example.net/x.whl && pip install /tmp/x.whl":     true,
		"curl -sLo x.whl https://example.net/x.whl && pip install x.whl":               true,
	} {
		effs := effectsOf(line)
		if got := hasEffect(effs, "remote-code:package"); got != want {
			t.Errorf("%q: code from a URL = %v, want %v (%v)", line, got, want, effs)
		}
	}
}
