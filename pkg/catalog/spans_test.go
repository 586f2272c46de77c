package catalog

import "testing"

// A retention span's units are what they were in a table: s, h/H, d/D,
// w/W, m/M and y/Y, and no other byte.
func TestSpanUnits(t *testing.T) {
	want := map[byte]float64{
		's': 1.0 / 3600, 'h': 1, 'H': 1, 'd': 24, 'D': 24, 'w': 168, 'W': 168,
		'm': 720, 'M': 720, 'y': 8760, 'Y': 8760,
	}
	for c := 0; c < 256; c++ {
		got, ok := spanUnit(byte(c))
		w, wok := want[byte(c)]
		if ok != wok || got != w {
			t.Errorf("spanUnit(%q) = %v, %v; want %v, %v", c, got, ok, w, wok)
		}
	}
}
