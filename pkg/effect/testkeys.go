package effect

import (
	"path"
	"strings"

	"rampart.dev/pkg/internal/table"
	"rampart.dev/pkg/material"
)

// A key the project keeps for its tests (certs/dev.key,
// keys/id_rsa_test; package material reads where it is and what it is
// named) read by a command is a source of its own for the flow pass,
// "test-key": copied into another file of the machine (openssl pkcs12
// -export -inkey certs/dev.key -out certs/dev.p12, base64 certs/dev.key >
// dev.b64) it is no credential written, but sent off the machine
// (flow:test-key->network) it is still a key leaving. A key the line
// writes, links, copies or moves onto (or a directory above it), before or
// after, is read as a credential, as the policy does: the name may lead to
// another's key.

// testKey is the flow source of a key the project keeps for its tests.
const testKey = "test-key"

// testKey reports whether p, a sensitive path the line reads, is a key the
// project keeps for its tests (the flow pass then asks keyRewritten).
func (a *analysis) testKey(p string) bool {
	return material.Of(p, a.env.Cwd, a.env.Home).Reading == material.Test
}

// keptTestKey reports a key the project keeps for its tests that the
// profile lets be read, outside a fixtures directory (test/keys/id_rsa_test;
// a fixture's key, tests/fixtures/key.pem, is sample data the older rows
// let be sent).
func (a *analysis) keptTestKey(p string) bool {
	v := material.Of(p, a.env.Cwd, a.env.Home)
	return v.Reading == material.Test && !v.Fixture
}

// anySensitive reports a sensitive path among reads.
func (a *analysis) anySensitive(reads []string) bool {
	for _, p := range reads {
		if a.sensitive(p) {
			return true
		}
	}
	return false
}

// keyDirs are the names of the directories a project keeps its keys and
// certificates in.
var keyDirs = table.Map[string, bool]{Words: "certs cert certificates keys tls ssl pki"}

// keyDir reports a directory of the project named for the keys it keeps
// (certs/, test/keys, tls/): read whole, its keys are read.
func (a *analysis) keyDir(p string) bool {
	cwd := strings.TrimSuffix(a.env.Cwd, "/")
	if cwd == "" || !strings.HasPrefix(p, cwd+"/") {
		return false
	}
	return keyDirs.Get(strings.ToLower(path.Base(strings.TrimSuffix(p, "/"))))
}

// keyRewritten reports whether a command of the line writes one of the
// paths read, or a directory above one, or makes a link or mount onto
// it: what the name holds may then be another's key.
func (a *analysis) keyRewritten(reads []string) bool {
	for j := range a.per {
		for _, w := range a.per[j].writes {
			w = strings.TrimSuffix(w, "/")
			for _, p := range reads {
				if p == w || strings.HasPrefix(p, w+"/") {
					return true
				}
			}
		}
	}
	for i := range a.res.Commands {
		switch a.res.Commands[i].Name {
		case "ln", "link", "mount", "bindfs":
			return true // a link's or mount's name the classification may not write
		}
	}
	return false
}
