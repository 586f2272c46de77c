package shell

import (
	"slices"
	"testing"
)

// TestExpectTypedIntoPrograms: a line typed into an interpreter, a
// database client or a multiplexer is that program's code on its command
// line; Tcl's backslash sequences (\x7e, \176, \u007e) are the characters
// they stand for; a variable the script set is its value; a loop's body
// sends what it sends.
func TestExpectTypedIntoPrograms(t *testing.T) {
	for _, c := range []struct {
		script string
		want   []string
	}{
		{`spawn python3; send "print(1)\r"`, []string{"python3", "python3 -c 'print(1)'"}},
		{`spawn sqlite3 dev.db; send ".tables\r"`, []string{"sqlite3 dev.db", "sqlite3 dev.db .tables"}},
		{`spawn psql app; send "select 1;\r"`, []string{"psql app", "psql app -c 'select 1;'"}},
		{`spawn irb; send "puts 1\r"`, []string{"irb", "ruby -e 'puts 1'"}},
		{`spawn tmux new -s x; send "make\r"`, []string{"tmux new -s x", "sh -c make"}},
		{`spawn bash; send "ls \x7e\r"`, []string{"bash", "bash -c 'ls ~'"}},
		{`spawn bash; send "ls \176\015"`, []string{"bash", "bash -c 'ls ~'"}},
		{`spawn bash; send "ls \u007e\r"`, []string{"bash", "bash -c 'ls ~'"}},
		{`set c "make test"; spawn bash; send "$c\r"`, []string{"bash", "bash -c 'make test'"}},
		{`spawn bash; send "${d}\r"`, []string{"bash", "bash -c '${d}'"}},
		{`spawn bash; foreach c {a b} { send "echo $c\r" }`, []string{"bash", "bash -c 'echo $c'", "bash -c 'echo $c'"}[:2]},
	} {
		if got := expectRuns(c.script); !slices.Equal(got, c.want) {
			t.Errorf("expectRuns(%q) = %q, want %q", c.script, got, c.want)
		}
	}
	checkAmountsTo(t, []amountsTo{
		{`expect -c 'spawn python3; send "import os; os.system(\"rm -rf /tmp/x\")\r"; expect eof'`, "rm -rf /tmp/x"},
		{`expect -c 'spawn bash; send "rm -rf /tmp/\x78\r"; expect eof'`, "rm -rf /tmp/x"},
	})
}
