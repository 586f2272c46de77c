package effect

import (
	"testing"

	"rampart.dev/pkg/shell"
)

// TestFreshKeys holds the read of a key a generator wrote earlier on the
// line (or keytool's own keystore) to a "generated" read, and a read of a
// key the line did not make, one made after the read, or one behind a
// link or copy made on the line, to an ordinary read.
func TestFreshKeys(t *testing.T) {
	const project, home = "/home/dev/project", "/home/dev"
	reads := func(line string) map[string]string {
		res := shell.ParseIn(line, shell.Place{Dir: project, Home: home})
		cwds := make([]string, len(res.Commands))
		for i := range cwds {
			cwds[i] = project
		}
		out := map[string]string{}
		for _, e := range Of(&res, cwds, Env{Home: home, Cwd: project}) {
			if e.Kind == Read {
				out[e.Path] = e.Detail
			}
		}
		return out
	}
	for _, tc := range []struct {
		line, path string
		generated  bool
	}{
		{"openssl genpkey -algorithm ed25519 -out /tmp/jwt.key && openssl pkey -in /tmp/jwt.key -pubout -out /tmp/jwt.pub", "/tmp/jwt.key", true},
		{"openssl genrsa -out testkeys/signing.key 2048 && openssl rsa -in testkeys/signing.key -pubout", project + "/testkeys/signing.key", true},
		{"ssh-keygen -t ed25519 -N '' -f /tmp/t_key && cat /tmp/t_key.pub", "/tmp/t_key.pub", true},
		{"keytool -genkeypair -alias t -keystore build/test.jks -storepass changeit -dname CN=x", project + "/build/test.jks", true},
		{"openssl genpkey -out /tmp/x.key && cat /tmp/k.key", "/tmp/k.key", false},                                           // another file
		{"cat /tmp/k.key && openssl genpkey -out /tmp/k.key", "/tmp/k.key", false},                                           // read before it is made
		{"ln -sf ~/.ssh/id_rsa /tmp/k.key; openssl genpkey -out /tmp/k.key && cat /tmp/k.key", home + "/.ssh/id_rsa", false}, // a link made first
		{"ssh-keygen -y -f /tmp/k.key > /tmp/k.pub && cat /tmp/k.key", "/tmp/k.key", false},                                  // -y reads an existing key
		{"keytool -list -rfc -keystore build/test.jks -storepass changeit", project + "/build/test.jks", false},
		// the generator may not have run, or may have refused to overwrite
		// a key that was there: only a read gated on its success is fresh
		{"[ -f /tmp/k.key ] || ssh-keygen -N '' -f /tmp/k.key; cat /tmp/k.key", "/tmp/k.key", false},
		{"ssh-keygen -N '' -f /tmp/k.key < /dev/null; cat /tmp/k.key", "/tmp/k.key", false},
		{"ssh-keygen -N '' -f /tmp/k.key & cat /tmp/k.key", "/tmp/k.key", false},
		{"! ssh-keygen -N '' -f /tmp/k.key && cat /tmp/k.key", "/tmp/k.key", false},
		{"openssl genrsa -help -out /tmp/k.key && cat /tmp/k.key", "/tmp/k.key", false},
		{"mkdir -p /tmp/kd && ssh-keygen -N '' -f /tmp/kd/k && cat /tmp/kd/k | base64 && rm /tmp/kd/k", "/tmp/kd/k", true},
		// keytool adds to a keystore that may hold older keys
		{"keytool -genkeypair -alias t -keystore build/r.jks -storepass x -dname CN=x && base64 build/r.jks", project + "/build/r.jks", false},
	} {
		got, ok := reads(tc.line)[tc.path]
		if !ok {
			t.Errorf("%q: no read of %s", tc.line, tc.path)
			continue
		}
		if (got == "generated") != tc.generated {
			t.Errorf("%q: read of %s has detail %q, want generated %v", tc.line, tc.path, got, tc.generated)
		}
	}
}
