package effect

import "testing"

// A tunnel to a directory (ngrok http file:///DIR) serves its files: the
// home or a credentials directory sent to the world.
func TestTunnelServes(t *testing.T) {
	for _, c := range []struct {
		line string
		want bool
	}{
		{"ngrok http file:///home/dev", true},
		{"ngrok http file:///home/dev/.secret", true},
		{"ngrok http file:///home/dev/project/dist", false},
		{"ngrok http 3000", false},
		{"ngrok http http://localhost:3000", false},
	} {
		got := false
		for _, e := range effectsOf(c.line) {
			got = got || e.Kind == Flow && e.Detail == "home-archive->network"
		}
		if got != c.want {
			t.Errorf("%q: serves %v, want %v", c.line, got, c.want)
		}
	}
}
