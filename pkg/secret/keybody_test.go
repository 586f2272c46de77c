package secret

import (
	"os"
	"strings"
	"testing"
)

// The keys in testdata were generated for these tests only (ssh-keygen -t
// ed25519, openssl genrsa 2048) and protect nothing.
func keyLines(t *testing.T, name string) []string {
	t.Helper()
	b, err := os.ReadFile("testdata/" + name)
	if err != nil {
		t.Fatal(err)
	}
	return strings.Split(strings.TrimRight(string(b), "\n"), "\n")
}

// A private key is found without its BEGIN line: the tail of the file, its
// head without the first line, or a slice of its body.
func TestKeyWithoutBeginLine(t *testing.T) {
	ed := keyLines(t, "test_ed25519_key")
	rsa := keyLines(t, "test_rsa_key.pem")
	for name, text := range map[string]string{
		"tail -n 3 of an OpenSSH key":    strings.Join(ed[len(ed)-3:], "\n") + "\n",
		"head without BEGIN, OpenSSH":    strings.Join(ed[1:3], "\n") + "\n",
		"tail -n 5 of an RSA key":        strings.Join(rsa[len(rsa)-5:], "\n") + "\n",
		"middle of an RSA key, in prose": "the file has:\n" + strings.Join(rsa[5:9], "\n") + "\nand more",
		"RSA body with CRLF":             strings.Join(rsa[3:8], "\r\n") + "\r\n",
	} {
		red, fs := Redact(text)
		if len(fs) == 0 || fs[0].Kind != "private_key" {
			t.Errorf("%s: findings %+v, want a private_key", name, fs)
			continue
		}
		for _, l := range append(append([]string(nil), ed[1:len(ed)-1]...), rsa[1:len(rsa)-1]...) {
			l = strings.TrimSpace(l)
			if len(l) > 20 && strings.Contains(red, l) {
				t.Errorf("%s: a body line survived redaction: %q\nredacted: %q", name, l, red)
			}
		}
	}
}

// Text that only looks a little like a key body is left alone.
func TestKeyBodyLookalikes(t *testing.T) {
	hex := strings.Repeat("0123456789abcdef", 4)
	for name, text := range map[string]string{
		"digests":        hex + "\n" + hex + "\n" + hex + "\n" + hex + "\n",
		"two full lines": strings.Repeat("QUJD", 16) + "\n" + strings.Repeat("QUJD", 16) + "\n",
		"prose":          "an -----END of a story----- with no key\n",
	} {
		if fs := Scan(text); len(fs) != 0 {
			t.Errorf("%s: findings %+v, want none", name, fs)
		}
	}
}
