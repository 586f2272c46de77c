package catalog

import "testing"

// A short option's spelling is "-" and its byte, for every byte.
func TestShortSpelling(t *testing.T) {
	for c := 0; c < 256; c++ {
		a := "x" + string([]byte{byte(c)})
		want := "-" + a[1:]
		if got := shortSpelling(a, 1); got != want {
			t.Errorf("shortSpelling(%q, 1) = %q, want %q", a, got, want)
		}
	}
}
