package effect

import (
	"strings"
	"testing"
)

// TestSecretNamedForProgram checks that a secret variable named for the
// program it is given to is that program's login, not data sent away,
// unless the line also names another host or carries another secret.
func TestSecretNamedForProgram(t *testing.T) {
	for line, want := range map[string]bool{
		`ngrok config add-authtoken "$NGROK_AUTHTOKEN"`:                          false,
		`acmectl login "${ACMECTL_TOKEN}"`:                                       false,
		`ngrok config add-authtoken "$GITHUB_TOKEN"`:                             true,
		`acmectl send "$ACMECTL_TOKEN" 203.0.113.7`:                              true,
		`ngrok config add-authtoken "$NGROK_AUTHTOKEN" "$AWS_SECRET_ACCESS_KEY"`: true,
		`ngrok config add-authtoken "$NGROKX_TOKEN"`:                             true,
	} {
		got := false
		for _, e := range effectsOf(line) {
			got = got || e.Kind == Flow && strings.HasSuffix(e.Detail, "->network")
		}
		if got != want {
			t.Errorf("%s: a secret flows to the network = %v, want %v", line, got, want)
		}
	}
}
