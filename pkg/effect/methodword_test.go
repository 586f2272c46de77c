package effect

import (
	"strings"
	"testing"
	"unicode"
)

// hasMethodWord's rejection is exact: no rune outside ASCII lowers to a
// letter of "method", so a word whose lowered form holds "method" holds it
// in ASCII letters of some case.
func TestHasMethodWord(t *testing.T) {
	for r := rune(0x80); r <= unicode.MaxRune; r++ {
		if l := unicode.ToLower(r); l < 0x80 && strings.ContainsRune("method", l) {
			t.Fatalf("%U lowers to %q: hasMethodWord would miss it", r, l)
		}
	}
	for w, want := range map[string]bool{
		"": false, "method": true, "METHOD": true, "x-http-Method-override": true, "_MeThOd=DELETE": true,
		"metho": false, "m\u0435thod": false, "/api/console/proxy?path=x&method=DELETE": true,
	} {
		if got := hasMethodWord(w); got != want {
			t.Errorf("hasMethodWord(%q) = %v, want %v", w, got, want)
		}
	}
}

// FuzzHasMethodWord checks hasMethodWord against lowering the word.
func FuzzHasMethodWord(f *testing.F) {
	for _, w := range []string{"X-HTTP-Method-Override: DELETE", "_method=put", "\u212a", "meth\xffod"} {
		f.Add(w)
	}
	f.Fuzz(func(t *testing.T, w string) {
		if got, want := hasMethodWord(w), strings.Contains(strings.ToLower(w), "method"); got != want {
			t.Errorf("hasMethodWord(%q) = %v, want %v", w, got, want)
		}
	})
}
