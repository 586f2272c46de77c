package effect

import "testing"

// socat told to bind every address (bind=0.0.0.0 written out) listens on
// every interface, as --bind 0.0.0.0 does; bound to loopback, or with no
// bind option (the program's own default), it is not read so.
func TestSocatBindsEvery(t *testing.T) {
	for cmd, want := range map[string]bool{
		"socat TCP-LISTEN:8080,bind=0.0.0.0,fork TCP:127.0.0.1:3000":       true,
		"socat TCP6-LISTEN:8080,bind=[::],fork TCP:127.0.0.1:3000":         true,
		"socat tcp-listen:9000,reuseaddr,BIND=0.0.0.0 STDOUT":              true,
		"socat TCP-LISTEN:8080,bind=127.0.0.1,fork TCP:127.0.0.1:3000":     false,
		"socat -d -d TCP-LISTEN:4444,bind=127.0.0.1,reuseaddr,fork STDOUT": false,
		"socat TCP-LISTEN:8080,fork TCP:127.0.0.1:3000":                    false,
	} {
		if got := hasEffect(effectsOf(cmd), "listen:every-interface"); got != want {
			t.Errorf("%q: listen:every-interface = %v, want %v", cmd, got, want)
		}
	}
}
