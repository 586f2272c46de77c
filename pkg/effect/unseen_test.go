package effect

import "testing"

// TestKnownGoPackage: go reads a word ending in .go as a source file on
// disk (go run main.go), and a path whose first element has no dot as the
// standard library's or the module's own; a module on a host, or a
// module query (@latest) ending in .go, is a package to fetch.
func TestKnownGoPackage(t *testing.T) {
	for _, tc := range []struct {
		name string
		want bool
	}{
		{"main.go", true},
		{"cmd/tool/main.go", true},
		{"server_test.go", true},
		{"./cmd/server", true},
		{"fmt", true},
		{"github.com/someone/tool", false},
		{"github.com/someone/tool.go@latest", false},
		{"example.com/x.go@v1.0.0", false},
	} {
		if got := KnownPackage("go", tc.name); got != tc.want {
			t.Errorf("KnownPackage(go, %q) = %v, want %v", tc.name, got, tc.want)
		}
	}
}
