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

// TestWorldWritable checks the modes that let every user write, and the
// recursive mode changes judged as making a tree world-writable.
func TestWorldWritable(t *testing.T) {
	for m, want := range map[string]bool{
		"777": true, "666": true, "1777": true, "0772": true, "o+w": true, "a+rwx": true, "u+x,o+w": true,
		"755": false, "775": false, "644": false, "+w": false, "g+w": false, "u+rwX,go-w": false, "o-w": false, "a+rX": false,
	} {
		if got := modeWorldWritable(m); got != want {
			t.Errorf("modeWorldWritable(%q) = %v, want %v", m, got, want)
		}
	}
	for line, want := range map[string]bool{
		"chmod -R 777 ./uploads":   true,
		"chmod -R a+w storage/":    true,
		"chmod 777 ./uploads":      false,
		"chmod -R 755 ./public":    false,
		"chmod -R g+w shared/data": false,
	} {
		if got := hasEffect(effectsOf(line), "chmod:world-writable"); got != want {
			t.Errorf("%q: chmod:world-writable = %v, want %v", line, got, want)
		}
	}
}
