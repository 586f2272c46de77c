package catalog

import "testing"

// TestHydraTwoPrograms: Ory Hydra's verbs (hydra create client, hydra
// perform authorization-code) are the OAuth server's own, which scans
// nothing; any other first operand is THC Hydra's target, a scan.
func TestHydraTwoPrograms(t *testing.T) {
	c := Default()
	for _, tc := range []struct {
		args  []string
		entry string
		scans bool
	}{
		{[]string{"create", "client", "--endpoint", "http://127.0.0.1:4445"}, "hydra create", false},
		{[]string{"perform", "authorization-code", "--client-id", "x"}, "hydra perform", false},
		{[]string{"-e", "http://127.0.0.1:4445", "list", "oauth2-clients"}, "hydra list", false},
		{[]string{"-l", "admin", "-P", "pw.txt", "ssh://10.0.0.5"}, "hydra -thc", true},
		{[]string{"-l", "admin", "-P", "pw.txt", "203.0.113.7", "ssh"}, "hydra -thc", true},
		{[]string{"-e", "nsr", "-l", "root", "198.51.100.9", "ftp"}, "hydra -thc", true},
	} {
		cl := c.Classify("hydra", tc.args)
		if cl.Entry == nil || cl.Entry.Name != tc.entry {
			t.Errorf("hydra %q: entry %v, want %s", tc.args, cl.Entry, tc.entry)
			continue
		}
		if got := cl.Entry.Prop("scans") != ""; got != tc.scans {
			t.Errorf("hydra %q: scans %v, want %v", tc.args, got, tc.scans)
		}
	}
}
