package effect

import "testing"

// TestRemoteScriptProduction: a script fed to a remote shell on stdin (a
// here-document to ssh with no command, or to bash -s or sudo sh there)
// is judged as the command words are: changing a production host is
// destroy:production, looking at it or changing a host whose name says
// nothing is not, and data fed to a remote command that is no shell is
// not read as a script.
func TestRemoteScriptProduction(t *testing.T) {
	for line, want := range map[string]bool{
		"ssh deploy@prod-api-2.example.com <<'EOF'\ncd /srv/app && git pull && docker compose up -d --build\nEOF": true,
		"ssh prod-web-1 bash -s <<'EOF'\nsystemctl restart app\nEOF":                                              true,
		"ssh prod-web-1 sudo -u app sh <<'EOF'\nsupervisorctl restart worker\nEOF":                                true,
		"ssh deploy@api.prod.acme.io <<< 'docker compose down'":                                                   true,
		"ssh prod-web-1 <<'EOF'\ntail -n 100 /var/log/app.log\nsystemctl status app\nEOF":                         false,
		"ssh staging-app-1 <<'EOF'\ndocker compose up -d\nEOF":                                                    false,
		"ssh prod-web-1 'cat > /tmp/notes.txt' <<'EOF'\nrestart the worker after lunch\nEOF":                      false,
		"ssh prod-web-1 bash -c 'uptime' <<'EOF'\nstop\nEOF":                                                      false,
	} {
		if got := hasEffect(effectsOf(line), "destroy:production"); got != want {
			t.Errorf("%q: destroy:production = %v, want %v (%v)", line, got, want, effectsOf(line))
		}
	}
}

// TestRemoteScript: which remote commands read their script from stdin.
func TestRemoteScript(t *testing.T) {
	for _, c := range []struct {
		words []string
		want  bool
	}{
		{nil, true},
		{[]string{"bash", "-s"}, true},
		{[]string{"bash -s"}, true},
		{[]string{"sudo", "-u", "postgres", "bash"}, true},
		{[]string{"/bin/sh"}, true},
		{[]string{"bash", "-c", "uptime"}, false},
		{[]string{"bash", "deploy.sh"}, false},
		{[]string{"cat > f"}, false},
		{[]string{"sudo"}, false},
	} {
		if got := remoteScript(c.words); got != c.want {
			t.Errorf("remoteScript(%q) = %v, want %v", c.words, got, c.want)
		}
	}
}

// TestRemoteActs checks that a remote command's action word is found as
// the remote shell reads it: split by quotes, escaped, or held in a
// variable of the remote text; and the verbs of more service managers.
func TestRemoteActs(t *testing.T) {
	for text, want := range map[string]bool{
		"sudo systemctl restart api":             true,
		"sudo systemctl re''load nginx":          true,
		`sudo systemctl rest\art api`:            true,
		"a=restart; sudo systemctl $a api":       true,
		"sudo systemctl try-reload-or-restart x": true,
		"sudo apachectl graceful":                true,
		"docker rm -f api":                       true,
		"sudo systemctl status api":              false,
		"tail -n 100 /var/log/app.log":           false,
		"uptime; df -h":                          false,
	} {
		if got := remoteActs(text); got != want {
			t.Errorf("remoteActs(%q) = %v, want %v", text, got, want)
		}
	}
}
