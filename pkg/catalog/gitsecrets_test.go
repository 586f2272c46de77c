package catalog

import "testing"

// TestGitSecretsIsAScanner: git secrets (and git-secrets) is a secret
// scanner, whose output is what it finds, as gitleaks' is; what it is given
// to scan is read, so a credential file or the home named to it is read.
func TestGitSecretsIsAScanner(t *testing.T) {
	c := Default()
	for _, tc := range []struct {
		name string
		args []string
		read string
	}{
		{"git", []string{"secrets", "--scan", "-r", "."}, "."},
		{"git", []string{"secrets", "--scan", "/home/dev/.aws/credentials"}, "/home/dev/.aws/credentials"},
		{"git-secrets", []string{"--scan", "src/"}, "src/"},
	} {
		cl := c.Classify(tc.name, tc.args)
		if cl.Entry == nil || cl.Entry.Prop("source") != "output" {
			t.Errorf("%s %q: entry %v, want a scanner (source=output)", tc.name, tc.args, cl.Entry)
			continue
		}
		found := false
		for _, w := range cl.Words {
			found = found || w.Text == tc.read && w.Role == Read
		}
		if !found {
			t.Errorf("%s %q: %s is not read", tc.name, tc.args, tc.read)
		}
	}
	for _, args := range [][]string{{"secrets", "--list"}, {"secrets", "--install", "-f"}, {"secrets", "--register-aws"}} {
		if cl := c.Classify("git", args); cl.Entry == nil || cl.Entry.Name != "git secrets" {
			t.Errorf("git %q: entry %v, want git secrets", args, cl.Entry)
		}
	}
}
