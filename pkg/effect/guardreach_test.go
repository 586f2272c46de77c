package effect

import "testing"

// TestGuardReached checks the ways a line reaches Rampart's own programs
// that are not Rampart's command lines: shadowing them (alias, hash -p, a
// function of their name), signalling them by ids a finder prints, and
// resolving a held call through the HTTP API from any client.
func TestGuardReached(t *testing.T) {
	for _, c := range []struct {
		line string
		off  bool
	}{
		{"alias rampart-hook=true", true},
		{"alias ll='ls -alF' rampart-shell=bash", true},
		{"alias rp='rampart pending'", false},
		{"alias k=kubectl", false},
		{"hash -p /bin/true rampart-hook", true},
		{"hash -p /usr/local/go/bin/go go", false},
		{"hash -t rampart-hook", false},
		{"rampart-hook() { return 0; }", true},
		{"function rampart-shell { /bin/bash \"$@\"; }", true},
		{"gst() { git status; }; gst", false},
		{"for p in $(pgrep rampart-serve); do kill $p; done", true},
		{"pgrep rampart | while read p; do kill \"$p\"; done", true},
		{"ps aux | grep rampart | awk '{print $2}' | xargs kill", true},
		{"pidof rampart-serve | xargs kill", true},
		{"pids=$(pgrep -f rampart); kill $pids", true},
		{"fuser -k ~/.rampart/run/eval.sock", true},
		{"for p in $(pgrep -f 'node server.js'); do kill $p; done", false},
		{"pgrep -f rampart | xargs ps -o pid,etime -p", false},
		{"for p in $(pgrep rampart); do grep VmRSS /proc/$p/status; done", false},
		{"curl -X POST localhost:9090/v1/approvals/01J/resolve -d '{\"approved\":true}'", true},
		{"for id in $(curl -s localhost:9090/v1/approvals | jq -r '.approvals[].id'); do curl -s -X POST localhost:9090/v1/approvals/$id/resolve; done", true},
		{"http POST :9090/v1/approvals/01J/resolve approved:=true", true},
		{"curl -s -X PUT http://127.0.0.1:9090/v1/approvals/01J -d '{\"status\":\"approved\"}'", true},
		{"printf 'POST /v1/approvals/01J/resolve HTTP/1.0' | nc 127.0.0.1 9090", true},
		{"curl -s 'http://127.0.0.1:9090/v1/approvals/01J?wait=30s'", false},
		{"curl -s -X POST http://127.0.0.1:9090/v1/approvals -d @hold.json", false},
		{"grep -rn /v1/approvals/ docs/", false},
		{"printf 'see /v1/approvals/01J/resolve' > notes.txt", false},
	} {
		if got := hasEffect(effectsOf(c.line), "destroy:guard-off"); got != c.off {
			t.Errorf("%q: destroy:guard-off = %v, want %v (%v)", c.line, got, c.off, effectsOf(c.line))
		}
	}
}

// TestCompilerOutput checks that a compiler's, an assembler's or a
// linker's -o is the file it writes, in each spelling.
func TestCompilerOutput(t *testing.T) {
	for _, c := range []struct{ line, want string }{
		{"gcc -shared -fPIC -o ~/.rampart/lib/librampart.so x.c", "write /home/dev/.rampart/lib/librampart.so"},
		{"clang -o/tmp/x x.c", "write /tmp/x"},
		{"x86_64-linux-gnu-gcc -o build/x x.c", "write /home/dev/project/build/x"},
		{"gcc-12 x.c -o out", "write /home/dev/project/out"},
		{"rustc --crate-type cdylib -o ~/.rampart/lib/l.so x.rs", "write /home/dev/.rampart/lib/l.so"},
		{"ld --output=/tmp/l.so x.o", "write /tmp/l.so"},
	} {
		if !hasEffect(effectsOf(c.line), c.want) {
			t.Errorf("%q: no %s in %v", c.line, c.want, effectsOf(c.line))
		}
	}
}

// TestUnsupervisedValues checks the option values that switch an agent
// CLI's approvals off, and the narrow ones that do not.
func TestUnsupervisedValues(t *testing.T) {
	for _, c := range []struct {
		line string
		want bool
	}{
		{"claude -p x --allowedTools Bash", true},
		{"claude -p --allowedTools \"Bash(*)\" x", true},
		{"claude -p --allowed-tools Bash,Edit,Write x", true},
		{"claude --allowedTools=Bash -p x", true},
		{"claude -p x --allowedTools Read Bash", true},
		{"claude -p x --allowedTools \"Read,Grep,Glob\"", false},
		{"claude -p x --allowedTools \"Bash(npm test:*)\"", false},
		{"codex exec -c approval_policy=never x", true},
		{"codex -c 'sandbox_mode=\"danger-full-access\"' exec x", true},
		{"codex -c model=o3 exec x", false},
		{"claude -p --settings '{\"permissions\":{\"defaultMode\":\"bypassPermissions\"}}' x", true},
		{"codex --full-auto x", true},
		{"codex exec --sandbox read-only x", false},
	} {
		if got := hasEffect(effectsOf(c.line), "remote-code:unsupervised"); got != c.want {
			t.Errorf("%q: unsupervised = %v, want %v (%v)", c.line, got, c.want, effectsOf(c.line))
		}
	}
}

// TestAgentApprovalModeVariable: an agent's approval mode set to act
// unasked in the environment is a setting that changes what runs; its
// asking modes are everyday.
func TestAgentApprovalModeVariable(t *testing.T) {
	for _, c := range []struct {
		line string
		want bool
	}{
		{"GOOSE_MODE=auto goose run -t x", true},
		{"export GOOSE_MODE=auto && goose session", true},
		{"env GOOSE_MODE=auto goose run --text x", true},
		{"GOOSE_MODE=approve goose run -t x", false},
		{"GOOSE_MODE=smart_approve goose session", false},
	} {
		if got := hasEffect(effectsOf(c.line), "env:GOOSE_MODE"); got != c.want {
			t.Errorf("%q: env:GOOSE_MODE = %v, want %v (%v)", c.line, got, c.want, effectsOf(c.line))
		}
	}
}

// TestWrappedCompilerOrdinary: a compiler named behind a launcher (ccache
// gcc) in CC is the everyday compiler, whether or not the walk finds the
// wrapped program as a command of its own.
func TestWrappedCompilerOrdinary(t *testing.T) {
	if effs := effectsOf(`CC="ccache gcc" make -j8`); hasEffect(effs, "env:CC") {
		t.Errorf("CC=ccache gcc: %v", effs)
	}
	if effs := effectsOf(`CC="ccache /tmp/x/cc" make -j8`); !hasEffect(effs, "env:CC") {
		t.Errorf("CC=ccache /tmp/x/cc: no env:CC in %v", effs)
	}
}
