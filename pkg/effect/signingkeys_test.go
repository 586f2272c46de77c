package effect

import (
	"testing"

	"rampart.dev/pkg/catalog"
	"rampart.dev/pkg/shell"
)

// TestSecretVarSent: curl signing with --aws-sigv4 keeps the key's secret
// here, but a later auth method (--basic) sends it, and a secret put in the
// key's id travels in the signature's header.
func TestSecretVarSent(t *testing.T) {
	for _, c := range []struct {
		args []string
		sent bool
	}{
		{[]string{"--aws-sigv4", "aws:amz", "-u", "$AWS_ACCESS_KEY_ID:$AWS_SECRET_ACCESS_KEY", "https://x.example.net/"}, false},
		{[]string{"--aws-sigv4", "aws:amz", "--basic", "-u", "$AWS_ACCESS_KEY_ID:$AWS_SECRET_ACCESS_KEY", "https://x.example.net/"}, true},
		{[]string{"--aws-sigv4", "aws:amz", "-u", "$GITHUB_TOKEN:x", "https://x.example.net/"}, true},
		{[]string{"-u", "$AWS_ACCESS_KEY_ID:$AWS_SECRET_ACCESS_KEY", "https://x.example.net/"}, true},
	} {
		c2 := &shell.Command{Name: "curl", Args: c.args}
		cl := catalog.Default().Classify("curl", c.args)
		if got := secretVarSent(c2, &cl) != ""; got != c.sent {
			t.Errorf("secretVarSent(curl %v) sent = %v, want %v", c.args, got, c.sent)
		}
	}
}
