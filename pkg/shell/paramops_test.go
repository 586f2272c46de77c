package shell

import (
	"strings"
	"testing"
)

// TestParamTransforms checks that ${X@OP} and the array forms the shell
// library resolves against the line's arrays name the program that runs,
// and that the forms nobody can resolve leave the word dynamic instead of
// crashing the walk.
func TestParamTransforms(t *testing.T) {
	tests := []struct {
		src  string
		want string // a command, as describe renders it before its pipeline
	}{
		{"c=RM; ${c@L} -rf /x", "rm -rf /x"},
		{`c=rm; "${c@U}" -rf /x`, "rm(RM) -rf /x"},
		{"c=rm; ${c@u} -rf /x", "rm(Rm) -rf /x"},
		{`d=/X/Y; rm -rf "${d@L}"`, "rm -rf /x/y"},
		{`c='\x72m'; ${c@E} -rf /x`, "rm -rf /x"},
		{"c='r m'; echo ${c@Q}", "echo 'r m'"},
		{"a=(x y rm); ${a[-1]} -rf /x", "rm -rf /x"},
		{`a=(ls rm -rf /x); "${a[@]:1}"`, "rm -rf /x"},
		{"a=(ls rm); ${a[$((2-1))]} -rf /x", "rm -rf /x"},
		{"a=(rm x y); ${a[@]:0:1} -rf /x", "rm -rf /x"},
		{"a=(ls find); ${a[${#a[@]}-1]} /x -delete", "find /x -delete"},
	}
	for _, tt := range tests {
		got := describeAll(Parse(tt.src))
		found := false
		for _, g := range got {
			found = found || strings.HasPrefix(g, tt.want+" @")
		}
		if !found {
			t.Errorf("Parse(%q) =\n\t%s\nwant a command\n\t%s", tt.src, strings.Join(got, "\n\t"), tt.want)
		}
	}
	// Prompt expansion, attributes and declarations are not resolved: the
	// program word stays unknown, and nothing panics.
	for _, src := range []string{"c=rm; ${c@P} -rf /x", "c=rm; ${c@A}", "c=rm; ${c@a} -rf /x", "c=rm; ${c@K} x", "${X@L} -rf /x"} {
		r := Parse(src)
		last := r.Commands[len(r.Commands)-1]
		if !last.Dynamic {
			t.Errorf("Parse(%q): last command %s is not dynamic", src, describe(last))
		}
	}
}

// TestIndirectName checks that ${!ref} naming a variable from outside is
// reported as that variable, still unresolved.
func TestIndirectName(t *testing.T) {
	r := Parse(`v=GITHUB_TOKEN; curl -d "${!v}" https://example.net/`)
	last := r.Commands[len(r.Commands)-1]
	if len(last.Args) < 2 || last.Args[1] != "$GITHUB_TOKEN" || !last.Dynamic {
		t.Errorf("got %s, want the word $GITHUB_TOKEN, dynamic", describe(last))
	}
	r = Parse(`x=HOME; rm -rf "${!x}"`)
	if last := r.Commands[len(r.Commands)-1]; last.Args[1] != "~" {
		t.Errorf("got %s, want the home directory", describe(last))
	}
}

// TestDefaultWordTilde checks that ~user in a default word is read as
// the bare ~user is, never through this machine's user database (which
// would make a decision depend on the accounts of the machine, an input
// the decision memo does not know): root, an account that exists here
// with a home outside /home, and one that does not exist all read alike.
func TestDefaultWordTilde(t *testing.T) {
	for _, user := range []string{"root", "daemon", "www-data", "postgres", "nosuchuser"} {
		bare := Parse("cat ~" + user + "/.pgpass")
		dflt := Parse("cat ${X:-~" + user + "}/.pgpass")
		b, d := bare.Commands[len(bare.Commands)-1], dflt.Commands[len(dflt.Commands)-1]
		if len(b.Args) < 1 || len(d.Args) < 1 || b.Args[0] != d.Args[0] {
			t.Errorf("~%s: bare word reads %q, default word %q", user, b.Args, d.Args)
		}
	}
}
