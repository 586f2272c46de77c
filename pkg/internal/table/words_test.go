package table

import "testing"

// Words holds each word once, whatever white space separates them, and
// nothing else.
func TestWords(t *testing.T) {
	m := Words("  rm\tunlink  shred\nrm ")
	if len(m) != 3 || !m["rm"] || !m["unlink"] || !m["shred"] || m[""] {
		t.Errorf("Words = %v, want rm unlink shred", m)
	}
	if len(Words("")) != 0 {
		t.Error("Words of nothing is not empty")
	}
}

// wordTable is a set declared by its words.
var wordTable = Map[string, bool]{Words: "  rm\tunlink  shred\nrm git python3 "}

// A Map declared by its words is built at its first lookup, holds what
// Words makes of them, and answers every string as that map does, the
// misses its summary rules out included.
func TestMapOfWords(t *testing.T) {
	if wordTable.m != nil {
		t.Fatal("a table declared by its words was built before its first use")
	}
	want := Words(wordTable.Words)
	for _, s := range []string{"rm", "unlink", "shred", "git", "python3", "", "r", "rmx", "gi", "python", "sh", "\xff"} {
		if got := wordTable.Get(s); got != want[s] {
			t.Errorf("Get(%q) = %v, want %v", s, got, want[s])
		}
		if _, ok := wordTable.Lookup(s); ok != want[s] {
			t.Errorf("Lookup(%q) found %v, want %v", s, ok, want[s])
		}
	}
	if wordTable.Len() != len(want) {
		t.Errorf("Len() = %d, want %d", wordTable.Len(), len(want))
	}
	for range wordScans {
		wordTable.Get("rm")
	}
	var built Map[string, bool]
	built.Build = func() map[string]bool { return Words(wordTable.Words) }
	built.load()
	if built.classes != wordTable.classes {
		t.Errorf("the summary made with the words is %x, the one made from the map %x", wordTable.classes, built.classes)
	}
}

// hasWord answers as the set Words makes, for words found inside other
// words, at either end, beside every kind of white space (multi-byte
// ones and invalid bytes included), and for strings holding white space.
func TestHasWord(t *testing.T) {
	lists := []string{
		"", " ", "rm", " rm ", "rm\tunlink\nshred\vgit\fpy\rsh", "rmx xrm rm-rf", "git\u00a0hub\u0085x\u2003y",
		"a\xc2 b\xc2\xa0c", "\xff \xffz z\xff", "python python3 python3.12 ython", "é è\u3000ü",
	}
	words := []string{
		"", "rm", "r", "m", "rmx", "xrm", "rm-rf", "unlink", "shred", "git", "py", "sh", "hub", "x", "y", "git\u00a0hub",
		"a", "a\xc2", "b\xc2", "b", "c", "\xff", "\xffz", "z\xff", "z", "python", "python3", "ython", "python3.12",
		"é", "è", "ü", "é è", "rm unlink", " ", "\t",
	}
	for _, s := range lists {
		m := Words(s)
		for _, w := range words {
			if got := hasWord(s, w); got != m[w] {
				t.Errorf("hasWord(%q, %q) = %v, want %v", s, w, got, m[w])
			}
		}
		for w := range m {
			if !hasWord(s, w) {
				t.Errorf("hasWord(%q, %q) = false for a word of the list", s, w)
			}
		}
	}
}

// A set declared by its words answers its first lookups from the words,
// unbuilt, then builds itself, answering the same throughout.
func TestMapOfWordsScansFirst(t *testing.T) {
	set := Map[string, bool]{Words: "rm unlink shred"}
	for i := range sharedScans + 2*wordScans {
		for _, s := range []string{"rm", "shred", "r", "rm unlink", ""} {
			want := s == "rm" || s == "shred"
			if got := set.Get(s); got != want {
				t.Fatalf("lookup %d: Get(%q) = %v, want %v", i, s, got, want)
			}
			if _, ok := set.Lookup(s); ok != want {
				t.Fatalf("lookup %d: Lookup(%q) found %v, want %v", i, s, ok, want)
			}
		}
		if i == 0 && set.built.Load() {
			t.Fatal("the set was built at its first lookup")
		}
	}
	if !set.built.Load() {
		t.Fatalf("the set was not built after %d lookups", (sharedScans+2*wordScans)*10)
	}
}

// The process's first sharedScans lookups answered from sets' words are
// counted once for all sets, writing nothing in the sets; past them each
// set counts its own and is built after wordScans more.
func TestSharedScansLeaveSetsUnwritten(t *testing.T) {
	freeScans.Store(0)
	defer freeScans.Store(sharedScans)
	a := Map[string, bool]{Words: "rm unlink shred"}
	b := Map[string, bool]{Words: "git hg"}
	for i := range sharedScans {
		set, s, want := &a, "shred", true
		if i%2 == 1 {
			set, s, want = &b, "svn", false
		}
		if got := set.Get(s); got != want {
			t.Fatalf("lookup %d: Get(%q) = %v, want %v", i, s, got, want)
		}
	}
	if a.scans.Load() != 0 || b.scans.Load() != 0 || a.built.Load() || b.built.Load() {
		t.Fatalf("after the shared lookups: scans %d and %d, built %v and %v, want 0, 0, false, false",
			a.scans.Load(), b.scans.Load(), a.built.Load(), b.built.Load())
	}
	for i := range wordScans {
		if !a.Get("rm") || a.built.Load() {
			t.Fatalf("lookup %d past the shared ones: Get(rm) false or the set built", i)
		}
	}
	if a.Get("unlink") != true || !a.built.Load() || b.built.Load() {
		t.Fatalf("after %d lookups of its own the set is built %v (want true), the other %v (want false)",
			wordScans+1, a.built.Load(), b.built.Load())
	}
}

// A map declared with Build and its keys (Words) answers a lookup of a string not
// among its keys unbuilt, builds itself for one of them, and answers as
// the map throughout; keys listed that are not exactly the map's keys panic at
// the build.
func TestMapKeysAnswerMissesUnbuilt(t *testing.T) {
	freeScans.Store(0)
	defer freeScans.Store(sharedScans)
	m := Map[string, string]{Words: "ssh autossh", Build: func() map[string]string {
		return map[string]string{"ssh": "bcD", "autossh": "bcDM"}
	}}
	for _, s := range []string{"git", "sshd", "", "ssh autossh", "auto"} {
		if got := m.Get(s); got != "" {
			t.Fatalf("Get(%q) = %q, want \"\"", s, got)
		}
		if _, ok := m.Lookup(s); ok {
			t.Fatalf("Lookup(%q) found it", s)
		}
	}
	if m.built.Load() || m.scans.Load() != 0 {
		t.Fatal("a miss built the map or wrote to it")
	}
	if got, ok := m.Lookup("autossh"); !ok || got != "bcDM" || !m.built.Load() {
		t.Fatalf("Lookup(autossh) = %q, %v, built %v; want bcDM, true, true", got, ok, m.built.Load())
	}
	if got := m.Get("ssh"); got != "bcD" {
		t.Fatalf("Get(ssh) = %q, want bcD", got)
	}
	for _, keys := range []string{"ssh", "ssh autossh mosh", "ssh autoss"} {
		bad := Map[string, int]{Words: keys, Build: func() map[string]int { return map[string]int{"ssh": 1, "autossh": 2} }}
		func() {
			defer func() {
				if recover() == nil {
					t.Errorf("Words %q for the keys ssh and autossh did not panic", keys)
				}
			}()
			bad.Get("ssh")
		}()
	}
}
