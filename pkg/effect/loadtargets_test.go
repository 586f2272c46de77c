package effect

import "testing"

// TestLoadTargets checks that a load generator's target is found where it
// is named: an option holding NAME=URL, a variable set or exported, the
// lines on its standard input, a production environment, a cloud run;
// this machine's own, and the scripts it runs, are no targets.
func TestLoadTargets(t *testing.T) {
	for line, want := range map[string]bool{
		"k6 run -e BASE_URL=https://api.acme.io load.js":                 true,
		"k6 run --env=TARGET=https://www.acme.io load.js":                true,
		"BASE_URL=https://shop.acme.io k6 run load.js":                   true,
		"export BASE_URL=https://api.acme.io; k6 run load.js":            true,
		"LOCUST_HOST=https://api.acme.io locust --headless -u 5":         true,
		"jmeter -n -t plan.jmx -Jhost=shop.acme.io":                      true,
		"echo 'GET https://api.acme.io/x' | vegeta attack -duration=5m":  true,
		"artillery run -e production flows.yml":                          true,
		"k6 cloud load.js":                                               true,
		"k6 run load.js":                                                 false,
		"k6 run -e BASE_URL=http://localhost:8080 load.js":               false,
		"echo 'GET http://localhost:8080/' | vegeta attack -duration=5s": false,
		"jmeter -n -t plan.jmx -Jhost=localhost -Jthreads=10":            false,
		"artillery run flows.yml":                                        false,
		"k6 run -e VUS=10 load.js":                                       false,
	} {
		got := false
		for _, e := range effectsOf(line) {
			got = got || e.Kind == Scan
		}
		if got != want {
			t.Errorf("%q: scan = %v, want %v (%v)", line, got, want, effectsOf(line))
		}
	}
}
