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
		// the networks this machine hosts for its containers and VMs
		{"172.17.0.2", true},
		{"172.17.0.0/16", true},
		{"172.18.0.0/24", true},
		{"http://172.17.0.2/login.php", true},
		{"ssh://192.168.56.101", true},
		{"192.168.56.0/24", true},
		{"host.docker.internal", true},
		{"172.17.0.2:8080", true},
		{"http://172.17.0.2:8080/login.php", true},
		{"172.17.0.0/8", false},
		{"172.16.0.0/12", false},
		{"172.16.4.20", false},
		{"172.0.0.0/8", false},
		{"192.168.0.0/16", false},
		{"192.168.1.0/24", false},
		{"10.0.0.0/8", false},
		{"172.17.0.2.evil.example", false},
		{"docker.internal.example.com", false},
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
		// hydra's service and module options after its one target
		"hydra -l admin -P pw.txt 127.0.0.1 http-post-form '/login:u=^USER^&p=^PASS^:F=bad'": 0,
		"hydra -l admin -P pw.txt 203.0.113.9 ssh":                                           1,
		"crackmapexec smb 10.20.0.0/16 -u a -p b":                                            1,
		"crackmapexec smb 172.17.0.0/24 -u a -p b":                                           0,
		// nmap -6 and -4 are options, not targets
		"nmap -6 -sV ::1":         0,
		"nmap -6 -sV 2001:db8::1": 1,
		// the machine's container and lab VM networks, by address and range
		"nmap -sn 172.17.0.0/16":                         0,
		"masscan 172.18.0.0/24 -p80":                     0,
		"nmap -sV 192.168.56.101 10.1.2.3":               1,
		"feroxbuster -u http://localhost:8000 --depth 2": 0,
		"rustscan -a 172.17.0.3 -- -sV":                  0,
		"rustscan -a 203.0.113.9 -- -sV":                 1,
	} {
		if got := scans(line); len(got) != want {
			t.Errorf("%s: scans %q, want %d", line, got, want)
		}
	}
}
