package catalog

import (
	"reflect"
	"strings"
	"testing"
)

// TestLazyMatchesParse checks that the lazily parsed embedded catalogue
// gives every program the same entry as a whole parse of the table.
func TestLazyMatchesParse(t *testing.T) {
	whole, err := Parse(table)
	if err != nil {
		t.Fatal(err)
	}
	lazy := lazyCatalog(table)
	for name, want := range whole.programs {
		got := lazy.entry(name)
		if got == nil || got.wrapper != want.wraps() {
			t.Errorf("%s: lazy entry missing or differs in wrapper", name)
			continue
		}
		sameEntry(t, got, want)
	}
	if !lazy.Known("rm") || lazy.Known("no-such-program") {
		t.Error("Known disagrees with the table")
	}
}

// sameEntry checks that a lazily made entry and its subcommands, made as
// they are looked up, are those of the whole parse.
func sameEntry(t *testing.T, got, want *Entry) {
	t.Helper()
	if got == nil {
		t.Errorf("%s: no lazy entry", want.Name)
		return
	}
	if got.Name != want.Name || !reflect.DeepEqual(got.Props, want.Props) || got.props != want.props ||
		got.absent != want.absent || got.noLen != want.noLen ||
		!reflect.DeepEqual(got.Nth, want.Nth) || got.Rest != want.Rest || got.Last != want.Last || got.Sub != want.Sub ||
		got.line != want.line || !reflect.DeepEqual(got.options(), want.options()) ||
		got.hasSubs() != (len(want.subs) > 0) || got.wraps() != want.wraps() || got.hasSubWrapper() != want.hasSubWrapper() {
		t.Errorf("%s: lazy entry differs from the whole parse", want.Name)
	}
	if (got.parent == nil) != (want.parent == nil) || got.parent != nil && got.parent.Name != want.parent.Name {
		t.Errorf("%s: parent differs", want.Name)
	}
	for name, ws := range want.subs {
		sameEntry(t, got.sub(name), ws)
	}
	if got.sub("no-such-subcommand") != nil {
		t.Errorf("%s: a subcommand that is not in the table", want.Name)
	}
}

// BenchmarkLoad is what a one-shot process pays to index the embedded
// table, against BenchmarkParseWhole for parsing all of it.
func BenchmarkLoad(b *testing.B) {
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		c := lazyCatalog(table)
		c.entry("git")
	}
}

func BenchmarkParseWhole(b *testing.B) {
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		if _, err := Parse(table); err != nil {
			b.Fatal(err)
		}
	}
}

// TestLazyConcurrent looks programs up from several goroutines at once on
// a fresh lazy catalogue (run with -race): each gets the one entry a
// program has, the same pointer every time, and nil for a name not in
// the table.
func TestLazyConcurrent(t *testing.T) {
	whole, err := Parse(table)
	if err != nil {
		t.Fatal(err)
	}
	lazy := lazyCatalog(table)
	var names []string
	for name := range whole.programs {
		names = append(names, name, name+"-not-a-program")
	}
	const workers = 4
	got := make([][]*Entry, workers)
	done := make(chan int)
	for w := 0; w < workers; w++ {
		go func(w int) {
			out := make([]*Entry, len(names))
			for k := range names {
				i := (k + w*len(names)/workers) % len(names) // each starts elsewhere
				out[i] = lazy.entry(names[i])
			}
			got[w] = out
			done <- w
		}(w)
	}
	for w := 0; w < workers; w++ {
		<-done
	}
	for i, name := range names {
		want := whole.entry(name) // a family's, for docker-credential-*-not-a-program
		for w := 0; w < workers; w++ {
			e := got[w][i]
			if (e == nil) != (want == nil) || e != got[0][i] || e != nil && e.Name != want.Name {
				t.Errorf("%s: goroutine %d got %v, want the entry the others got", name, w, e)
			}
		}
	}
}

// TestOptionTableRuns checks that reading an OPTIONS field for a command
// or shell role without its map agrees with the map, for every entry of
// the table.
func TestOptionTableRuns(t *testing.T) {
	whole, err := Parse(table)
	if err != nil {
		t.Fatal(err)
	}
	var check func(e *Entry)
	check = func(e *Entry) {
		want := false
		for _, o := range e.options() {
			want = want || o.Role == Shell || o.Role == Command
		}
		if got := e.opts.runs(); got != want {
			t.Errorf("%s: runs() = %v, the option map says %v", e.Name, got, want)
		}
		for _, s := range e.subs {
			check(s)
		}
	}
	for _, e := range whole.programs {
		check(e)
	}
}

// TestLazyOptionsDeferred checks that looking a program up in the lazy
// catalogue makes the option maps of the subcommand it runs and its
// program only, not of the program's other lines.
func TestLazyOptionsDeferred(t *testing.T) {
	lazy := lazyCatalog(table)
	e, _ := lazy.Lookup("git", []string{"status"})
	if e == nil || e.Name != "git status" {
		t.Fatalf("Lookup(git status) = %v", e)
	}
	lazy.Classify("git", []string{"status", "-s"})
	made, lines := 0, map[*optionTable]bool{}
	for _, s := range lazy.entry("git").subs {
		lines[s.opts] = true
	}
	for o := range lines {
		if o.m != nil {
			made++
		}
	}
	if made != 1 {
		t.Errorf("%d of the option maps of git's %d subcommand lines made after one lookup, want 1", made, len(lines))
	}
}

// TestSubcommandNames checks that every subcommand, in a whole parse and
// in the lazy catalogue, is named "PROGRAM SUB" after its parent.
func TestSubcommandNames(t *testing.T) {
	whole, err := Parse(table)
	if err != nil {
		t.Fatal(err)
	}
	lazy := lazyCatalog(table)
	var check func(e *Entry)
	check = func(e *Entry) {
		for sub, s := range e.subs {
			if want := e.Name + " " + sub; s.Name != want {
				t.Errorf("subcommand %q of %q is named %q, want %q", sub, e.Name, s.Name, want)
			}
			check(s)
		}
	}
	for name, e := range whole.programs {
		check(e)
		check(lazy.entry(name))
	}
}

// TestMemo asks a lazy catalogue for every program of the table and for
// names not in it, three times over in different orders: the memo's slots
// are shared by many names, and each answer must still be the program's
// own entry (the whole parse's, by name and line) or nil.
func TestMemo(t *testing.T) {
	whole, err := Parse(table)
	if err != nil {
		t.Fatal(err)
	}
	lazy := lazyCatalog(table)
	names := []string{"", "no-such-program", "x", strings.Repeat("rm", 40)}
	for name := range whole.programs {
		names = append(names, name, name+"-not")
	}
	for round := 0; round < 3; round++ {
		for i := range names {
			name := names[i]
			if round == 1 {
				name = names[len(names)-1-i]
			}
			got, want := lazy.entry(name), whole.entry(name) // a family's, for git-credential-not
			if (got == nil) != (want == nil) || got != nil && (got.Name != want.Name || got.line != want.line) {
				t.Fatalf("round %d: entry(%q) = %v, want %v", round, name, got, want)
			}
			if a := lazy.answer(name); a.name != name || a.e != nil && a.e != got || a.e == nil && got != nil && !strings.HasSuffix(got.Name, "*") {
				t.Fatalf("round %d: entry(%q) is not its answer", round, name)
			}
		}
	}
}

// BenchmarkEntryLine looks up the programs of a 20-command pipeline five
// times each, as the walk, the effects and the rules do for a line.
func BenchmarkEntryLine(b *testing.B) {
	c := Default()
	names := strings.Fields("cat ls head grep sed awk sort uniq sort head tee wc xargs echo tr cut grep sed echo date cat rev fold tail")
	b.ReportAllocs()
	for b.Loop() {
		for range 5 {
			for _, n := range names {
				c.entry(n)
			}
		}
	}
}

// TestLinesNaming checks that the search for a name's lines gives the same
// lines, numbers and order as cutting every line, for every word of the
// table (names, parts of names, option and property words) and for names
// that are not there or sit across the table's punctuation.
func TestLinesNaming(t *testing.T) {
	words := map[string]bool{"": true, "it": true, "g": true, "#": true, "git ": true, "a,b": true, "git2": true, "gitx": true, "xgit": true, "zzz-not-a-program": true}
	for _, w := range strings.FieldsFunc(table, func(r rune) bool {
		return r == ' ' || r == '\n' || r == '\t' || r == '|' || r == ','
	}) {
		words[w] = true
		if len(w) > 2 {
			words[w[1:]] = true
			words[w[:len(w)-1]] = true
		}
	}
	type hit struct {
		n    int
		line string
	}
	// Indented, commented, CRLF and tab-separated lines, and a name twice.
	odd := "  git,g status | - | - | x\n# git commented|||\r\n\r\ngit2 y|||\n\tgit\tz|||\ngit,git again|||\n\u00a0git nbsp|||\u2003\nxgit,gitx|||\ngit"
	for _, src := range []string{table, odd} {
		idx := indexLines(src)
		for w := range words {
			var want, got []hit
			eachLine(src, func(n int, line string) bool {
				if names(line, w) {
					want = append(want, hit{n, line})
				}
				return true
			})
			linesNaming(src, w, func(n int, line string) { got = append(got, hit{n, line}) })
			if !reflect.DeepEqual(got, want) {
				t.Errorf("linesNaming(%q) = %v, want %v", w, got, want)
			}
			got = nil
			idx.naming(src, w, func(n int, line string) { got = append(got, hit{n, line}) })
			if !reflect.DeepEqual(got, want) {
				t.Errorf("indexLines(src).naming(%q) = %v, want %v", w, got, want)
			}
		}
	}
}
