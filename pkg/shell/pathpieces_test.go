package shell

import (
	"slices"
	"testing"
)

// A substitution printing a piece of a known path is that path: dirname,
// basename, realpath and readlink -f/-e/-m, nested, in a variable, after
// cd; and forms that print something else stay unresolved.
func TestPathPieceSubstitutions(t *testing.T) {
	at := Place{Dir: "/home/dev/project", Home: "/home/dev"}
	cases := []struct {
		line, prog, arg string // arg "" means the word stays unresolved
	}{
		{`cat "$(dirname ~/.kube/x)/config"`, "cat", "~/.kube/config"},
		{`d=$(dirname ~/.config/gh/hosts.yml); cat "$d/hosts.yml"`, "cat", "~/.config/gh/hosts.yml"},
		{`cat "$(dirname "$HOME/.kube/x")/config"`, "cat", "$HOME/.kube/config"},
		{`rm -rf "$(dirname ~)"`, "rm", "~/.."},
		{`rm -rf "$(dirname "$(pwd)")"`, "rm", "$PWD/.."},
		{`rm -rf "$(dirname ~/.ssh/..)"`, "rm", "~/.ssh"},
		{`rm -rf "$(dirname build/out/app.js)"`, "rm", "build/out"},
		{`cat "$(realpath ../.aws)/credentials"`, "cat", "$PWD/../.aws/credentials"},
		{`cat "$(readlink -f ~/.kube)/config"`, "cat", "~/.kube/config"},
		{`cat "$(readlink -e -- ~/.docker)/config.json"`, "cat", "~/.docker/config.json"},
		{`cat "$(realpath -m -s /etc/../etc)/shadow"`, "cat", "/etc/../etc/shadow"},
		{`cat "$(dirname "$(realpath ~/.kube/config)")/config"`, "cat", "~/.kube/config"},
		{`cat "$(basename /x/README.md)"`, "cat", "README.md"},
		{`cat "$(readlink ~/.kube)/config"`, "cat", ""},
		{`cat "$(realpath --relative-to=/ ~/.kube)/config"`, "cat", ""},
		{`cat "$(dirname $X)/config"`, "cat", ""},
		{`cat "$(basename ~)"`, "cat", ""},
		{`cat "$(dirname a b)"`, "cat", ""},
	}
	for _, c := range cases {
		r := ParseIn(c.line, at)
		found := false
		for _, cmd := range r.Commands {
			if cmd.Name != c.prog {
				continue
			}
			found = true
			if c.arg == "" {
				if !cmd.Dynamic {
					t.Errorf("%s: %s %q resolved, want it unresolved", c.line, c.prog, cmd.Args)
				}
				continue
			}
			if cmd.Dynamic || !slices.Contains(cmd.Args, c.arg) {
				t.Errorf("%s: %s args %q (dynamic %v), want %q", c.line, c.prog, cmd.Args, cmd.Dynamic, c.arg)
			}
		}
		if !found {
			t.Errorf("%s: no %s command", c.line, c.prog)
		}
	}
}
