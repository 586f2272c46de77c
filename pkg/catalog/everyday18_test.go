package catalog

import "testing"

// TestMadeKeysAreWrites: step certificate create and crypto keypair write
// the key they make, and a signing key handed to a tool (step's --ca-key,
// crx pack -p) is used here, as ssh -i uses one; step's other verbs, and
// chezmoi's, read the files they name.
func TestMadeKeysAreWrites(t *testing.T) {
	c := Default()
	for _, tc := range []struct {
		name string
		args []string
		word string
		role Role
	}{
		{"step", []string{"certificate", "create", "localhost", "certs/tls.crt", "certs/tls.key", "--profile", "self-signed", "--no-password", "--insecure"}, "certs/tls.key", Write},
		{"step", []string{"certificate", "create", "localhost", "certs/tls.crt", "certs/tls.key", "--profile", "self-signed", "--no-password", "--insecure"}, "certs/tls.crt", Write},
		{"step", []string{"certificate", "create", "api", "a.crt", "a.key", "--ca", "root.crt", "--ca-key", "root.key"}, "root.key", Data},
		{"step", []string{"crypto", "keypair", "out/k.pub", "out/k.key", "--no-password", "--insecure"}, "out/k.key", Write},
		{"step", []string{"certificate", "inspect", "certs/tls.crt"}, "certs/tls.crt", Read},
		{"step", []string{"crypto", "key", "format", "id.key"}, "id.key", Read},
		{"crx", []string{"pack", "extension", "-o", "dist/ext.crx", "-p", "keys/dev.pem"}, "keys/dev.pem", Data},
		{"crx", []string{"pack", "extension", "-o", "dist/ext.crx"}, "extension", Read},
		{"chezmoi", []string{"add", "/home/dev/.ssh/id_ed25519"}, "/home/dev/.ssh/id_ed25519", Read},
		{"chezmoi", []string{"cat", "/home/dev/.aws/credentials"}, "/home/dev/.aws/credentials", Read},
	} {
		cl := c.Classify(tc.name, tc.args)
		found, role := false, None
		for _, w := range cl.Words {
			if w.Text == tc.word {
				found, role = true, w.Role
			}
		}
		if !found || role != tc.role {
			t.Errorf("%s %v: %s found=%v role=%v, want %v", tc.name, tc.args, tc.word, found, role, tc.role)
		}
	}
}
