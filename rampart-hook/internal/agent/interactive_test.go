package agent

import "testing"

func TestInteractiveProgram(t *testing.T) {
	for _, tc := range []struct{ command, want string }{
		// Left waiting for typed input.
		{"bash", "bash"},
		{"/bin/bash -l", "bash"},
		{"bash -i", "bash"},
		{"sh -s", "sh"},
		{"zsh", "zsh"},
		{"python3", "python3"},
		{"python3 -i script.py", "python3"},
		{"python -i -c 'x = 1'", "python"},
		{"node", "node"},
		{"node -i", "node"},
		{"irb", "irb"},
		{"psql", "psql"},
		{"psql -h db.internal -U app appdb", "psql"},
		{"mysql -u root -p", "mysql"},
		{"sqlite3 app.db", "sqlite3"},
		{"redis-cli -h cache", "redis-cli"},
		{"mongosh mongodb://localhost/app", "mongosh"},
		{"ssh build-host", "ssh"},
		{"ssh -p 2222 -i key user@host", "ssh"},
		{"cd /srv && python3", "python3"},
		{"FOO=1 sudo -E bash", "bash"},
		{"env bash", "bash"},
		{"docker exec -it web bash", "bash"},
		{"kubectl exec -it pod-1 -- sh", "sh"},
		{"python3 | tee log.txt", "python3"},
		{"bash -c psql", "psql"},
		{"sh -c 'python3'", "python3"},
		{"bash -lc 'cd /srv && psql -h db'", "psql"},
		{"bash -c 'a; python3'", "python3"},
		// A script or a query is given, or input comes from elsewhere.
		{"bash -c 'ls'", ""},
		{"bash -lc 'make test'", ""},
		{"bash build.sh", ""},
		{"python3 -c 'print(1)'", ""},
		{"python3 -m pytest", ""},
		{"python3 manage.py migrate", ""},
		{"node server.js", ""},
		{"node -e 'console.log(1)'", ""},
		{"psql -c 'select 1' appdb", ""},
		{"psql -f schema.sql", ""},
		{"mysql -e 'show tables' app", ""},
		{"sqlite3 app.db '.tables'", ""},
		{"redis-cli -h cache ping", ""},
		{"mongosh --eval 'db.stats()'", ""},
		{"ssh build-host uptime", ""},
		{"python3 < script.py", ""},
		{"psql appdb <<'SQL'", ""},
		{"echo 'select 1' | psql", ""},
		{"docker exec web ls", ""},
		{"docker exec web bash", ""},
		{"git status", ""},
		{"ls -la", ""},
		{"", ""},
	} {
		if got := interactiveProgram(tc.command); got != tc.want {
			t.Errorf("interactiveProgram(%q) = %q, want %q", tc.command, got, tc.want)
		}
	}
}

// Only Codex has the unjudged write_stdin route; other agents' calls carry
// no ask reason.
func TestAskReasonIsCodexOnly(t *testing.T) {
	payload := []byte(`{"hook_event_name":"PreToolUse","turn_id":"t","tool_name":"Bash","tool_input":{"command":"python3"}}`)
	ev, err := Parse(Codex, payload)
	if err != nil || ev.AskReason == "" {
		t.Fatalf("codex: ask reason %q, err %v; want a reason", ev.AskReason, err)
	}
	ev, err = Parse(Claude, payload)
	if err != nil || ev.AskReason != "" {
		t.Fatalf("claude-code: ask reason %q, err %v; want none", ev.AskReason, err)
	}
}

func FuzzInteractiveProgram(f *testing.F) {
	for _, s := range []string{"bash", "psql -h db -c 'x'", "docker exec -it c -- sh", "ssh -p 1 h", "a && b || c; d | e < f"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, command string) {
		if p := interactiveProgram(command); p != "" {
			if _, ok := interpreters()[p]; !ok {
				t.Errorf("interactiveProgram(%q) = %q, not an interpreter", command, p)
			}
		}
	})
}
