package match

import (
	"strings"
	"testing"
)

// indexedNamesByParts is indexedNames as it was first written, one
// question at a time (less its slicing of a lone "{", which panicked): the
// one-pass reading must answer as it does.
func indexedNamesByParts(src string) (string, bool) {
	if strings.Contains(src, " | ") {
		return "", false
	}
	w := strings.TrimLeft(src, " \t")
	if i := strings.IndexAny(w, " \t"); i >= 0 {
		w = w[:i]
	}
	if w == "" || strings.ContainsAny(w, `'"/`) {
		return "", false
	}
	if !strings.ContainsAny(w, `*?[]{}\`) {
		return w, true
	}
	if len(w) >= 2 && strings.HasPrefix(w, "{") && strings.HasSuffix(w, "}") && !strings.ContainsAny(w[1:len(w)-1], `*?[]{}\`) {
		return w, true
	}
	return "", false
}

func TestIndexedNamesOnePass(t *testing.T) {
	srcs := []string{
		"git push *", "  \tgit status", "git", "", "   ", "{curl,wget} *", "{curl,w*get} *",
		"cu*rl *", "/bin/rm -rf *", "'rm' -rf *", `"rm" *`, "**/rm *", "rm\t-r *",
		"cat * | sh", "x|y *", "{a} b", "{} x", "{", "}", "a{b} c", `r\m *`, "[rm] x",
		"kubectl delete namespace *", "docker run --privileged *", "?m x",
	}
	for _, src := range srcs {
		w, ok := indexedNames(src)
		ww, wok := indexedNamesByParts(src)
		if w != ww || ok != wok {
			t.Errorf("indexedNames(%q) = %q, %v; want %q, %v", src, w, ok, ww, wok)
		}
	}
}

// A lazy set reads each source's program word once, however many names
// it is asked about.
func TestLazyProgramWordsOnce(t *testing.T) {
	s := LazyCommandSet([]string{"git push *", "rm -rf *", "*/rm *", "{curl,wget} *"})
	for _, name := range []string{"git", "rm", "curl", "ls"} {
		s.For(name)
	}
	if got := strings.Join(s.lazy.words, ","); got != "git,rm,,{curl,wget}" {
		t.Fatalf("program words = %q", got)
	}
}

func TestHasGlobMeta(t *testing.T) {
	for _, s := range []string{"", "a", "id_rsa", "*.pem", "a?b", "[x]", "{a,b}", `a\b`, "]", "}", "ünï", "a/b/c"} {
		if got, want := HasGlobMeta(s), strings.ContainsAny(s, `*?[]{}\`); got != want {
			t.Errorf("HasGlobMeta(%q) = %v, want %v", s, got, want)
		}
	}
}
