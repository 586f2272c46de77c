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
	lazy, err := lazyParse(table)
	if err != nil {
		t.Fatal(err)
	}
	for name, want := range whole.programs {
		got := lazy.entry(name)
		if got == nil || got.Name != want.Name || !reflect.DeepEqual(got.Props, want.Props) ||
			!reflect.DeepEqual(got.Nth, want.Nth) || got.Rest != want.Rest || got.Last != want.Last ||
			len(got.subs) != len(want.subs) || len(got.Options) != len(want.Options) || got.wrapper != want.wraps() {
			t.Errorf("%s: lazy entry differs from the whole parse", name)
		}
	}
	if !lazy.Known("rm") || lazy.Known("no-such-program") {
		t.Error("Known disagrees with the table")
	}
}

// BenchmarkLoad is what a one-shot process pays to index the embedded
// table, against BenchmarkParseWhole for parsing all of it.
func BenchmarkLoad(b *testing.B) {
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		c, _ := lazyParse(table)
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
	lazy, err := lazyParse(table)
	if err != nil {
		t.Fatal(err)
	}
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
		want := whole.programs[name]
		for w := 0; w < workers; w++ {
			e := got[w][i]
			if (e == nil) != (want == nil) || e != got[0][i] || e != nil && e.Name != want.Name {
				t.Errorf("%s: goroutine %d got %v, want the entry the others got", name, w, e)
			}
		}
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
	lazy, err := lazyParse(table)
	if err != nil {
		t.Fatal(err)
	}
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
			got, want := lazy.entry(name), whole.programs[name]
			if (got == nil) != (want == nil) || got != nil && (got.Name != want.Name || got.line != want.line) {
				t.Fatalf("round %d: entry(%q) = %v, want %v", round, name, got, want)
			}
			if a := lazy.answer(name); a.e != got || a.name != name {
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
