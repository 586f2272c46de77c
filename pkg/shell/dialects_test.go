package shell

import (
	"slices"
	"strings"
	"testing"
)

// TestDialectScript checks the rewriting of zsh's glob qualifiers and of
// fish's blocks into bash, and what is left as it was.
func TestDialectScript(t *testing.T) {
	for _, tc := range []struct {
		shell, code, want, unread string
	}{
		{"zsh", "rm -f build/**/*.o(N)", "rm -f build/**/*.o", ""},
		{"zsh", "print -l src/**/*.go(.om[1,5])", "print -l src/**/*.go", ""},
		{"zsh", "rm -rf -- *(/)", "rm -rf -- *", ""},
		{"zsh", "rm -rf -- dist(N) coverage(#qN)", "rm -rf -- dist coverage", ""},
		{"zsh", `ls *(e:'rm -rf x':)`, "ls *\nrm -rf x", ""},
		{"zsh", "ls *(e{touch y})", "ls *\ntouch y", ""},
		{"zsh", "ls *(+wipe)", "ls *\nwipe", ""},
		{"zsh", "rm *(P:-rf:)", "rm *", "a zsh glob qualifier that rewrites its words"},
		{"zsh", "f() { ls; }; a=(x y); echo $(pwd)", "f() { ls; }; a=(x y); echo $(pwd)", ""},
		{"zsh", "echo 'x(N)'", "echo 'x(N)'", ""},
		{"zsh", "cat ~/.ssh/id_*~*.pub(.)", "cat ~/.ssh/id_*", ""},
		{"zsh", "rm -rf build/*~build/keep(N) x", "rm -rf build/* x", ""},
		{"zsh", "git reset --hard HEAD~1", "git reset --hard HEAD~1", ""},
		{"fish", "for f in src/*.py; black $f; end", "for f in src/*.py; do  black $f; done", ""},
		{"fish", "if test -d x; rm -rf x; else; mkdir x; end", "if test -d x; then  rm -rf x; else  mkdir x; fi", ""},
		{"fish", "if test -d x; a; else if test -f y; b; end", "if test -d x; then  a; elif test -f y; then  b; fi", ""},
		{"fish", "test -d x; and rm -rf x; or echo no", "test -d x;  rm -rf x;  echo no", ""},
		{"fish", "begin; make; end > log", "{  make; } > log", ""},
		{"fish", "function f; rm -rf build; end; f", "f() {  rm -rf build; }; f", ""},
		{"fish", "echo (git rev-parse HEAD)", "echo $(git rev-parse HEAD)", ""},
		{"fish", "not test -f x; and touch x", "! test -f x;  touch x", ""},
		{"fish", "set -gx DB postgres://localhost/app; psql $DB", "export DB=postgres://localhost/app; psql $DB", ""},
		{"fish", "set d ~; rm -rf $d", "d=~; rm -rf $d", ""},
		{"fish", "switch $x; case a; ls; end", "switch $x; case a; ls; end", ""},
		{"fish", "echo 'it\\'s'", "echo 'it\\'s'", ""},
		{"fish", "for x in a; ls", "for x in a; ls", ""},
		{"bash", "ls *(N)", "ls *(N)", ""},
	} {
		got, unread := dialectScript(tc.shell, tc.code)
		if got != tc.want || unread != tc.unread {
			t.Errorf("%s %q: got %q, %q; want %q, %q", tc.shell, tc.code, got, unread, tc.want, tc.unread)
		}
	}
}

// TestDialectLines checks that zsh -c and fish -c lines parse and show the
// commands they run, the dangerous ones included.
func TestDialectLines(t *testing.T) {
	for _, tc := range []struct {
		line string
		want []string // "name arg…" of commands that must be found
	}{
		{`zsh -c 'setopt extendedglob; rm -f build/**/*.o(N)'`, []string{"rm -f build/**/*.o"}},
		{`zsh -c 'rm -rf -- *(/)'`, []string{"rm -rf -- *"}},
		{`zsh -c 'ls build/*(e:"rm -rf ~":)'`, []string{"rm -rf ~"}},
		{`fish -c 'for f in src/*.py; black $f; end'`, []string{"black src/*.py"}},
		{`fish -c 'if test -d node_modules; rm -rf node_modules; end; pnpm install'`, []string{"rm -rf node_modules", "pnpm install"}},
		{`fish -c 'test -d x; and rm -rf $HOME'`, []string{"rm -rf $HOME"}},
		{`fish -c 'echo (cat ~/.ssh/id_rsa)'`, []string{"cat ~/.ssh/id_rsa"}},
		{`fish -c 'set d ~; rm -rf $d'`, []string{"rm -rf ~"}},
	} {
		res := ParseIn(tc.line, Place{Home: "/home/dev"})
		if res.Unparsed {
			t.Errorf("%q: unparsed", tc.line)
		}
		var got []string
		for _, c := range res.Commands {
			got = append(got, strings.Join(append([]string{c.Name}, c.Args...), " "))
		}
		for _, w := range tc.want {
			if !slices.Contains(got, w) {
				t.Errorf("%q: commands %q, want %q among them", tc.line, got, w)
			}
		}
	}
}
