package shell

import (
	"strings"
	"testing"
)

// TestZshQualifiers checks the reading of zsh's glob qualifiers: removed
// where they only narrow the match, the code an e or + qualifier runs kept
// as a command, a qualifier that rewrites the words reported unread.
func TestZshQualifiers(t *testing.T) {
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
	} {
		got, _, unread := zshUnqualified(tc.code)
		if got != tc.want || unread != (tc.unread != "") {
			t.Errorf("%q: got %q, %v; want %q, %q", tc.code, got, unread, tc.want, tc.unread)
		}
	}
	if got, _ := dialectScript("bash", "ls *(N)"); !strings.Contains(got, "*(N)") {
		t.Errorf("bash's own text rewritten: %q", got)
	}
}
