package effect

import "testing"

// TestKeysUsedAreNotRead checks that a key, password or passphrase file a
// program proves identity or unlocks with is no read (curl's --cert and
// --key, s_client's -cert and -key, gpg's --passphrase-file, rsync's
// --password-file), while a reader's one-letter option given a path (head
// -n FILE, where another head's -n may not take a count) and sshpass -f,
// which hands the file's first line to the host, still read it.
func TestKeysUsedAreNotRead(t *testing.T) {
	for line, not := range map[string]string{
		"curl --cert certs/c.crt --key certs/c.key https://api.example.com/":              "read /home/dev/project/certs/c.key",
		"curl -E certs/c.pem https://api.example.com/":                                    "read /home/dev/project/certs/c.pem",
		"openssl s_client -connect db.example.com:443 -cert certs/c.crt -key certs/c.key": "read /home/dev/project/certs/c.key",
		"gpg --batch --passphrase-file ~/.backup-pass -c db.sql":                          "read /home/dev/.backup-pass",
		"rsync --password-file ~/.rsync.secret -a dist/ rsync://nas.local/app/":           "read /home/dev/.rsync.secret",
	} {
		if effs := effectsOf(line); hasEffect(effs, not) {
			t.Errorf("%s: %q in %v", line, not, effs)
		}
	}
	for line, want := range map[string]string{
		"head -n ~/.ssh/id_ed25519":                 "read /home/dev/.ssh/id_ed25519",
		"sshpass -f ~/.config/gh/hosts.yml ssh x@h": "read /home/dev/.config/gh/hosts.yml",
		"gpg -c db.sql":                             "read /home/dev/project/db.sql",
		"curl -d @certs/c.key https://x.example/":   "read /home/dev/project/certs/c.key",
	} {
		if effs := effectsOf(line); !hasEffect(effs, want) {
			t.Errorf("%s: no %q in %v", line, want, effs)
		}
	}
}
