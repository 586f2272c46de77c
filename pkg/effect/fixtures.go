package effect

import (
	"strings"

	"rampart.dev/pkg/catalog"
)

// A project's test fixtures (testdata/, fixtures/, __fixtures__/, a JVM
// build's src/test/resources/) hold keys, tokens and encrypted files made
// for its tests, committed with it: what a decrypting tool prints from
// them is the tests' data, no secret of anyone's (sops -d
// testdata/example.enc.yaml, age -d -i testdata/key.txt testdata/s.age).
// The read tool's rules (the standard profile's credential and secrets
// file rules) read the same directories so.

// fixtureDirs are the directory names, and runs of names, that hold a
// project's test fixtures.
var fixtureDirs = [...]string{"/testdata/", "/fixtures/", "/__fixtures__/", "/src/test/resources/", "/src/testFixtures/resources/"}

// fixturePath reports a path written relative to the working directory,
// without "..", a home or an expansion, inside one of fixtureDirs.
func fixturePath(p string) bool {
	if p == "" || p[0] == '/' || p[0] == '~' || p[0] == '-' || strings.ContainsAny(p, "$`*?[{") {
		return false
	}
	q := "/" + strings.TrimPrefix(p, "./")
	if strings.Contains(q, "/../") || strings.HasSuffix(q, "/..") {
		return false
	}
	for _, d := range fixtureDirs {
		if strings.Contains(q, d) {
			return true
		}
	}
	return false
}

// FixturePath reports a path inside one of a project's test fixture
// directories (testdata/, fixtures/, __fixtures__/, src/test/resources/),
// given relative to the working directory as fixturePath reads it.
func FixturePath(rel string) bool { return fixturePath(rel) }

// decryptsFixturesOnly reports a decrypting command whose every input,
// one at least, is a test fixture: what it prints is no secret.
func decryptsFixturesOnly(cl *catalog.Classified) bool {
	n := 0
	for _, w := range cl.Words {
		if w.Role != catalog.Read || w.Option != "" {
			continue
		}
		if !fixturePath(w.Text) {
			return false
		}
		n++
	}
	return n > 0
}
