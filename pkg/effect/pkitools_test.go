package effect

import "testing"

// Keys handed to PKI tools that sign or serve with them are used, as ssh
// -i uses one (openssl s_server -key, cfssl gencert -ca-key); the
// certificate and key step ca certificate is issued are its outputs;
// openssl passwd hashes a password and changes no account; visudo -c
// checks, clustered or not.
func TestPKIToolsUseKeys(t *testing.T) {
	for _, tc := range []struct {
		line, eff string
		want      bool
	}{
		{"openssl s_server -accept 127.0.0.1:8443 -cert certs/dev.crt -key certs/dev.key -www", "read /home/dev/project/certs/dev.key", false},
		{"openssl rsa -in certs/dev.key", "read /home/dev/project/certs/dev.key", true},
		{"cfssl gencert -ca pki/ca.pem -ca-key pki/ca-key.pem pki/csr.json", "read /home/dev/project/pki/ca-key.pem", false},
		{"cfssl gencert -ca pki/ca.pem -ca-key pki/ca-key.pem pki/csr.json", "read /home/dev/project/pki/csr.json", true},
		{"cfssl certinfo -cert pki/server.pem", "read /home/dev/project/pki/server.pem", false},
		{"step ca certificate api.acme.test certs/api.crt certs/api.key --ca-url https://127.0.0.1:9000", "read /home/dev/project/certs/api.key", false},
		{"step ca certificate api.acme.test certs/api.crt certs/api.key --ca-url https://127.0.0.1:9000", "write /home/dev/project/certs/api.key", true},
	} {
		if got := hasEffect(effectsOf(tc.line), tc.eff); got != tc.want {
			t.Errorf("%q: %s = %v, want %v (%v)", tc.line, tc.eff, got, tc.want, effectsOf(tc.line))
		}
	}
	for line, want := range map[string]bool{
		"openssl passwd -6 -salt labsalt labpassword": false,
		"visudo -cf /etc/sudoers.d/90-dev":            false,
		"visudo -c":                                   false,
		"visudo -f /etc/sudoers.d/90-dev":             true,
	} {
		got := false
		for _, e := range effectsOf(line) {
			got = got || e.Kind == Admin || e.Kind == Destroy || e.Kind == Flow
		}
		if got != want {
			t.Errorf("%q: a change or flow = %v, want %v (%v)", line, got, want, effectsOf(line))
		}
	}
}
