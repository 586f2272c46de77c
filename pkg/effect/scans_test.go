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
		{"http://localhost:3000", true},
		{"http://127.0.0.1:8080/health", true},
		{"https://[::1]:8443/", true},
		{"127.0.0.1:8080", true},
		{"https://api.example.com/", false},
		{"ssh://203.0.113.9", false},
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
		// web scanners, brute-forcers and load generators by their URLs
		"nuclei -u https://shop.example.com -severity high":    1,
		"sqlmap -u 'https://shop.example.com/i?id=1' --batch":  1,
		"gobuster dir -u https://shop.example.com -w w.txt":    1,
		"hydra -l admin -P pw.txt ssh://203.0.113.9":           1,
		"hey -n 1000 -c 50 https://api.example.com/":           1,
		"locust -f l.py -H https://api.example.com --headless": 1,
		"hey -n 1000 -c 10 http://127.0.0.1:8080/health":       0,
		"nuclei -u http://localhost:3000":                      0,
		"wrk -t2 -c10 -d5s http://localhost:8080/":             0,
	} {
		if got := scans(line); len(got) != want {
			t.Errorf("%s: scans %q, want %d", line, got, want)
		}
	}
}
