package effect

import (
	"rampart.dev/pkg/catalog"
	"rampart.dev/pkg/material"
)

// A project's test fixtures (testdata/, fixtures/, __fixtures__/, a JVM
// build's src/test/resources/) hold keys, tokens and encrypted files made
// for its tests, committed with it: what a decrypting tool prints from
// them is the tests' data, no secret of anyone's (sops -d
// testdata/example.enc.yaml, age -d -i testdata/key.txt testdata/s.age).
// The read tool's rules (the standard profile's credential and secrets
// file rules) read the same directories so.

// fixturePath reports a path written relative to the working directory,
// without "..", a home or an expansion, inside one of a project's fixture
// directories (material.Fixture: one table of them).
func fixturePath(p string) bool { return material.Fixture(p) }

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
