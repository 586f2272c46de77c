package engine

import (
	"path"
	"strings"

	"rampart.dev/pkg/effect"
	"rampart.dev/pkg/material"
)

// Test keys against real ones.
//
// A key, keystore or certificate the project keeps for its tests
// (certs/dev.key, tls/dev-key.pem, keys/id_rsa_test; package
// material reads where the file is and what it is named) is read as the
// effect "read:test-material": the standard profile's credential policy
// lets such a read be, as it lets the project's fixture directories be.
// One reading serves the read tool, a command's reads, an MCP server's
// file tools and the write tool (writesFixture). The same file stays a
// sensitive source for the flow pass (Env.Sensitive asks without the
// effect): a test key sent off the machine is judged as a key leaving.
//
// What the line does to the file counts: a file the line writes, links,
// copies or moves onto (or a directory above it), before or after, is no
// test material for that line's reads — "cp ~/.ssh/id_rsa certs/dev.key
// && cat certs/dev.key" reads the user's key under a test name.

// effectTestMaterial is the descriptor of a read of the project's test
// material.
const effectTestMaterial = "read:test-material"

// testMaterial reports whether a read of the cleaned path p reads the
// project's test material (package material) that the line being judged
// does not write.
func (ev *evaluation) testMaterial(p string) bool {
	if material.Of(p, ev.c.Cwd, ev.e.env.Home).Reading != material.Test {
		return false
	}
	for _, ef := range ev.lineEffs {
		switch ef.Kind {
		case effect.Write, effect.Delete, effect.Unknown:
		default:
			continue
		}
		if ef.Kind == effect.Unknown && ef.Path == "" {
			continue
		}
		q := strings.TrimSuffix(ef.Path, "/")
		if q == p || strings.HasPrefix(p, q+"/") || hasGlob(q) {
			return false
		}
	}
	return true
}

// rewrittenTestKeyName returns the name the read of p is judged under
// when p is named as a test copy of an ssh key (keys/id_rsa_test) and the
// line writes it or a directory above it (unzip -d keys, cp X
// keys/id_rsa_test): ssh's own name for that key (keys/id_rsa), which the
// policy reads as a key wherever it is. "" otherwise.
func (ev *evaluation) rewrittenTestKeyName(p string) string {
	stem := material.SSHKeyStem(path.Base(p))
	if stem == "" || material.Of(p, ev.c.Cwd, ev.e.env.Home).Reading != material.Test || ev.testMaterial(p) {
		return ""
	}
	return path.Dir(p) + "/" + stem
}
