package effect

import "testing"

// TestModeOpens checks which chmod modes open a file to others.
func TestModeOpens(t *testing.T) {
	for m, want := range map[string]bool{
		"600": false, "0600": false, "400": false, "700": false, "644": true, "640": true, "604": true,
		"755": true, "7": true, "0": false, "go-rwx": false, "u+rw": false, "o+r": true, "g+w": true,
		"a+r": true, "+r": true, "u=rw,go=": false, "o=u": true, "o+x": false, "u+x,o+r": true, "bogus": true,
	} {
		if got := modeOpens(m); got != want {
			t.Errorf("modeOpens(%q) = %v, want %v", m, got, want)
		}
	}
}

// TestACLOpens checks which setfacl entries open a file to others.
func TestACLOpens(t *testing.T) {
	for spec, want := range map[string]bool{
		"u:bob:r": true, "o::r": true, "g::rw": true, "u::rw": false, "u::rw,o::-": false,
		"m::r": false, "d:o:r": true, "user:alice:rw": true, "g:dev:x": false,
	} {
		if got := aclOpens(spec); got != want {
			t.Errorf("aclOpens(%q) = %v, want %v", spec, got, want)
		}
	}
}
