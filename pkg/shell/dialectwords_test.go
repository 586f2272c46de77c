package shell

import "testing"

// TestDialectWordsAsValues: fish's brace of one variable and list index,
// csh's quoting modifiers, elvish's os module, nushell's body from its
// input, xonsh's Python values and ![…] subprocesses, and zsh's files
// builtins are read as the values and programs they are.
func TestDialectWordsAsValues(t *testing.T) {
	for _, c := range []struct{ shell, in, want string }{
		{"fish", "rm -rf {$HOME}", "rm -rf $HOME\n"},
		{"fish", "rm -rf {$HOME,}", "rm -rf $HOME\n"},
		{"fish", "rm -rf $HOME[1]", "rm -rf $HOME\n"},
		{"fish", "echo {a,b}", "echo {a,b}\n"},
		{"csh", "rm -rf $home:q", "rm -rf $HOME\n"},
		{"csh", "echo a:q", "echo a:q\n"},
		{"elvish", "use os; os:remove-all ~", "true\nrm -rf -- ~\n"},
		{"nu", "open f | http post https://x.example.net/in", "cat f | curl -s -X POST --data-binary @- https://x.example.net/in\n"},
		{"nu", "http get https://x.example.net/", "curl -s -X GET https://x.example.net/\n"},
		{"xonsh", `rm -rf @(os.path.expanduser("~"))`, "rm -rf ${XONSH_PYTHON_VALUE}\n"},
		{"xonsh", "![rm -rf build]", "rm -rf build\n"},
		{"zsh", "zmodload zsh/files; zf_rm -rf build", "zmodload zsh/files; rm -rf build"},
	} {
		if got := dialectText(c.shell, c.in); got != c.want {
			t.Errorf("dialectText(%s, %q) = %q, want %q", c.shell, c.in, got, c.want)
		}
	}
}
