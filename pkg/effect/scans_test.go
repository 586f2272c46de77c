package effect

import "testing"

// A scan of this machine is debugging; of any other, a Scan.
func TestOwnMachine(t *testing.T) {
	for _, tc := range []struct {
		target string
		want   bool
	}{
		{"localhost", true},
		{"127.0.0.1", true},
		{"127.0.0.1/8", true},
		{"::1", true},
		{"[::1]", true},
		{"10.0.12.0/24", false},
		{"scanme.example.org", false},
		{"192.168.1.10", false},
	} {
		if got := ownMachine(tc.target); got != tc.want {
			t.Errorf("ownMachine(%q) = %v, want %v", tc.target, got, tc.want)
		}
	}
}
