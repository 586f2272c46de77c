package catalog

import (
	"reflect"
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
