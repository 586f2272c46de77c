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

// A scanner's targets are its operands and the options that name them
// (rustscan -a, naabu -host); its ports and files are not.
func TestScanTargets(t *testing.T) {
	scans := func(line string) []string {
		var out []string
		for _, e := range effectsOf(line) {
			if e.Kind == Scan {
				out = append(out, e.Target)
			}
		}
		return out
	}
	for line, want := range map[string]int{
		"rustscan -a 203.0.113.9 -p 22":        1,
		"rustscan --addresses 127.0.0.1":       0,
		"naabu -host example.org -p 80":        1,
		"naabu -host localhost":                0,
		"unicornscan 203.0.113.0/24 -p 1-1024": 1,
		"nmap -p 8080 localhost":               0,
	} {
		if got := scans(line); len(got) != want {
			t.Errorf("%s: scans %q, want %d", line, got, want)
		}
	}
}
