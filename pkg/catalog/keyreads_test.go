package catalog

import "testing"

// TestKeyLooksAreNotReads: openssl x509 and crl take only a certificate or
// a revocation list from -in, and age-keygen -y prints the public half of
// the identity it is given: neither reads a secret out. openssl rsa and
// pkey, which print what -in holds, and pkcs12 -export, which copies the
// key into its bundle, still read it; a key req or x509 signs with is used.
func TestKeyLooksAreNotReads(t *testing.T) {
	c := Default()
	for _, tc := range []struct {
		name string
		args []string
		word string
		read bool
	}{
		{"openssl", []string{"x509", "-in", "certs/dev.pem", "-noout", "-text"}, "certs/dev.pem", false},
		{"openssl", []string{"crl", "-in", "ca.crl", "-noout"}, "ca.crl", false},
		// a key that signs is used here, never printed (everyday18)
		{"openssl", []string{"x509", "-req", "-in", "a.csr", "-signkey", "a.key"}, "a.key", false},
		{"openssl", []string{"req", "-new", "-key", "certs/server.key", "-out", "server.csr"}, "certs/server.key", false},
		{"openssl", []string{"x509", "-req", "-in", "a.csr", "-CA", "ca.pem", "-CAkey", "ca.key", "-out", "a.pem"}, "ca.key", false},
		{"openssl", []string{"pkcs12", "-export", "-inkey", "k.pem", "-in", "c.pem", "-out", "b.p12"}, "k.pem", true},
		{"openssl", []string{"rsa", "-in", "certs/dev-key.pem", "-text"}, "certs/dev-key.pem", true},
		{"openssl", []string{"pkey", "-in", "k.pem"}, "k.pem", true},
		{"age-keygen", []string{"-y", "/tmp/id.key"}, "/tmp/id.key", false},
		{"age-keygen", []string{"-o", "/tmp/id.key"}, "/tmp/id.key", false},
	} {
		cl := c.Classify(tc.name, tc.args)
		found, read := false, false
		for _, w := range cl.Words {
			if w.Text == tc.word {
				found = true
				read = read || w.Role == Read
			}
		}
		if !found || read != tc.read {
			t.Errorf("%s %v: %s found=%v read=%v, want read=%v", tc.name, tc.args, tc.word, found, read, tc.read)
		}
	}
}
