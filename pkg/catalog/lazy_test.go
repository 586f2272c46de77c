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
