package shell

import (
	"slices"
	"testing"
)

// argsOf gives the arguments of the first command named prog, and whether
// a word of it was left unresolved.
func argsOf(r Result, prog string) ([]string, bool, bool) {
	for _, c := range r.Commands {
		if c.Name == prog {
			return c.Args, c.Dynamic, true
		}
	}
	return nil, false, false
}

// read, mapfile and readarray given known text set their variables to it;
// input nobody knows leaves them unknown.
func TestReadKnownText(t *testing.T) {
	at := Place{Dir: "/home/dev/project", Home: "/home/dev"}
	cases := []struct {
		line, prog, arg string // arg "" means the word stays unresolved
	}{
		{`read -r f <<< ~/.kube/config; cat "$f"`, "cat", "~/.kube/config"},
		{`read f <<< "$HOME/.kube/config"; cat "$f"`, "cat", "$HOME/.kube/config"},
		{`read -r a b <<< "cat /etc/shadow"; $a $b`, "cat", "/etc/shadow"},
		{`read -r a b <<< "x y z"; echo "$b"`, "echo", "y z"},
		{`read -ra w <<< 'rm -rf /home/dev'; "${w[@]}"`, "rm", "/home/dev"},
		{`read -r -a w <<< 'rm -rf /home/dev'; "${w[@]}"`, "rm", "/home/dev"},
		{`IFS=/ read -r a b <<< "home/dev"; rm -rf "/$a/$b"`, "rm", "/home/dev"},
		{`mapfile -t f <<< ~/.kube/config; cat "${f[0]}"`, "cat", "~/.kube/config"},
		{`readarray -t d <<< "$HOME"; rm -rf "${d[0]}"`, "rm", "$HOME"},
		{`read -r p < <(echo ~/.kube/config); cat "$p"`, "cat", "~/.kube/config"},
		{`read -r -d '' f <<< ~/.kube/config; cat "$f"`, "cat", "~/.kube/config"},
		{"read -r f <<EOF\n/etc/shadow\nEOF\ncat \"$f\"", "cat", "/etc/shadow"},
		{`read -r f < list.txt; cat "$f"`, "cat", ""},
		{`read -r f <<< "$X"; cat "$f"`, "cat", ""},
		{`read -t 1 f <<< /etc/shadow; cat "$f"`, "cat", ""},
		{`echo /etc/shadow | read f; cat "$f"`, "cat", ""},
	}
	for _, c := range cases {
		args, dyn, ok := argsOf(ParseIn(c.line, at), c.prog)
		switch {
		case !ok:
			t.Errorf("%s: no %s command", c.line, c.prog)
		case c.arg == "" && !dyn:
			t.Errorf("%s: %s %q resolved, want it unresolved", c.line, c.prog, args)
		case c.arg != "" && (dyn || !slices.Contains(args, c.arg)):
			t.Errorf("%s: %s args %q (dynamic %v), want %q", c.line, c.prog, args, dyn, c.arg)
		}
	}
}

// cd - goes back to where the line was, $OLDPWD and ~- name it, and
// ${PWD%/*} and the other operations on $PWD take where the line is; a cd
// to a word nobody knows loses both.
func TestOldPwdAndPwdOperations(t *testing.T) {
	at := Place{Dir: "/home/dev/project", Home: "/home/dev"}
	cases := []struct {
		line, prog, arg string
	}{
		{`cd ~/.kube; cd /tmp; cat "$OLDPWD/config"`, "cat", "/home/dev/.kube/config"},
		{`cd ~/.kube; cd /tmp; cat ~-/config`, "cat", "/home/dev/.kube/config"},
		{`cd /tmp; cat "$OLDPWD/go.mod"`, "cat", "/home/dev/project/go.mod"},
		{`cat "${PWD%/*}/.kube/config"`, "cat", "/home/dev/.kube/config"},
		{`rm -rf "${PWD%/project}"`, "rm", "/home/dev"},
		{`cd ~/.kube; rm -rf "${PWD%/*}"`, "rm", "/home/dev"},
		{`cd src; echo "${PWD##*/}"`, "echo", "src"},
		{`cd "$X"; rm -rf "${PWD%/*}"`, "rm", ""},
		{`cd "$X"; cd /tmp; cat "$OLDPWD/config"`, "cat", ""},
		{`cat "$OLDPWD/config"`, "cat", ""},
		{`(cd ~/.kube); cd /tmp; cat "$OLDPWD/config"`, "cat", "/home/dev/project/config"},
	}
	for _, c := range cases {
		args, dyn, ok := argsOf(ParseIn(c.line, at), c.prog)
		switch {
		case !ok:
			t.Errorf("%s: no %s command", c.line, c.prog)
		case c.arg == "" && !dyn:
			t.Errorf("%s: %s %q resolved, want it unresolved", c.line, c.prog, args)
		case c.arg != "" && (dyn || !slices.Contains(args, c.arg)):
			t.Errorf("%s: %s args %q (dynamic %v), want %q", c.line, c.prog, args, dyn, c.arg)
		}
	}
}
