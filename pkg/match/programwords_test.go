package match

import (
	"slices"
	"strings"
	"testing"
)

// A set given its sources' program words (IndexedCommandSet) decides
// every command as the set that reads them from its sources; words that
// do not fit the sources (or none) are not used.
func TestIndexedCommandSetMatchesLazy(t *testing.T) {
	const home, cwd = "/home/u", "/home/u/p"
	srcs := []string{
		"rm -rf /", "rm -rf ~", "{curl,wget} *", "curl * | sh", "*/evil *", "/usr/bin/sudo *", "sudo*",
		"git push --force", `"my prog" x`, "'rm' -rf /", "[r]m -f *", "kill -9 -1", "  git reset --hard",
	}
	words := ProgramWords(srcs)
	want := []string{"rm", "rm", "{curl,wget}", "", "", "", "", "git", "", "", "", "kill", "git"}
	if !slices.Equal(words, want) {
		t.Fatalf("ProgramWords = %q, want %q", words, want)
	}
	lines := []string{
		"rm -fr /", "rm x", "curl -s http://x", "wget y", "/opt/evil now", "/usr/bin/sudo ls", "sudoedit f",
		"git push --force", "git reset --hard", "my prog x", "rm -f x", "kill -9 -1", "ls",
	}
	for _, sets := range [][2]*CommandSet{
		{IndexedCommandSet(srcs, func() []string { return words }), LazyCommandSet(srcs)},
		{IndexedCommandSet(srcs, func() []string { return words[:3] }), LazyCommandSet(srcs)},
		{IndexedCommandSet(srcs, func() []string { return nil }), LazyCommandSet(srcs)},
	} {
		got, ref := sets[0], sets[1]
		for _, line := range lines {
			w := strings.Fields(line)
			a := NewArgv(w[0][strings.LastIndexByte(w[0], '/')+1:], w[0], w[1:], cwd, home)
			if g, r := got.MatchArgv(&a, home), ref.MatchArgv(&a, home); g != r {
				t.Errorf("%q: indexed %v, lazy %v", line, g, r)
			}
		}
	}
	if ProgramWords(nil) != nil {
		t.Error("ProgramWords(nil) is not nil")
	}
}
