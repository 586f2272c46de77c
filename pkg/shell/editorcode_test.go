package shell

import (
	"strings"
	"testing"
)

// TestEditorEmbeddedInterpreters: vim's py3/python/pyx, lua, perl and ruby
// ex commands hand their code to the embedded interpreter, walked as that
// interpreter's one-liner (python3 -c, lua/perl/ruby -e), as gdb's python
// is; a word that only starts like one (pythonx is one, "pyfoo" is not) is
// not.
func TestEditorEmbeddedInterpreters(t *testing.T) {
	for _, c := range []struct{ src, name, flag string }{
		{`vim -es -c 'py3 print(1)' -c qa`, "python3", "-c"},
		{`nvim --headless -c 'python3 import os' -c qa`, "python3", "-c"},
		{`vim -c ':pyx print(2)' -c qa`, "python3", "-c"},
		{`nvim --headless -c 'lua print(vim.v.version)' -c qa`, "lua", "-e"},
		{`vim -es -c 'perl VIM::Msg("x")' -c qa`, "perl", "-e"},
		{`vim -es -c 'ruby puts 1' -c qa`, "ruby", "-e"},
		{`gdb -batch -ex 'python print(1)' ./app`, "python3", "-c"},
	} {
		found := false
		for _, cmd := range Parse(c.src).Commands {
			found = found || cmd.Name == c.name && len(cmd.Args) > 0 && cmd.Args[0] == c.flag
		}
		if !found {
			t.Errorf("Parse(%q) =\n\t%s\nwant %s %s CODE", c.src, strings.Join(describeAll(Parse(c.src)), "\n\t"), c.name, c.flag)
		}
	}
	for _, cmd := range Parse(`vim -es -c 'pyfoo x' -c qa`).Commands {
		if cmd.Name != "vim" {
			t.Errorf("vim -c 'pyfoo x': walked %s", describe(cmd))
		}
	}
}
