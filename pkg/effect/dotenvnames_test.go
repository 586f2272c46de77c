package effect

import "testing"

// TestDotenvNamesOnly checks that a project's environment file read for its
// names, a count or a status is no read of its values, while every reading
// that shows a value, and another file read the same way, stays a read.
func TestDotenvNamesOnly(t *testing.T) {
	for cmd, read := range map[string]bool{
		"cut -d= -f1 .env":                               false,
		"cut -d '=' -f 1 .env.local | sort":              false,
		"awk -F= '{print $1}' .env":                      false,
		"awk -F= '/^[A-Z]/ {print $1}' .env.local":       false,
		"awk -F= '!/^#/ {print $1}' .env":                false,
		"awk -F= 'NF {print $1}' .env":                   false,
		"awk -F= '/^[A-Z]/ {print $2}' .env":             true,
		"awk -F= '/x/ {print $1; print $2}' .env":        true,
		"sed 's/=.*//' .env":                             false,
		"grep -o '^[A-Z_]*=' .env":                       false,
		"grep -oE '^[A-Za-z_]+' .env.production":         false,
		"grep -c . .env":                                 false,
		"grep -q '^DATABASE_URL=' .env":                  false,
		"grep -v '^#' .env | cut -d= -f1":                false,
		"cat .env | sort | cut -d= -f1":                  false,
		"cut -d= -f2 .env":                               true,
		"cut -d= -f1 --complement .env":                  true,
		"awk -F= '{print $2}' .env":                      true,
		"grep -o '=.*' .env":                             true,
		"grep -o '^[A-Z_]*=[a-z0-9]*' .env":              true,
		"grep -l TOKEN .env":                             true,
		"grep TOKEN .env":                                true,
		"sed -n 's/=.*//p;p' .env":                       true,
		"grep -v '^#' .env | tee /tmp/x | cut -d= -f1":   true,
		"grep -v '^#' .env > /tmp/x; cut -d= -f1 /tmp/x": true,
	} {
		if got := hasEffect(effectsOf(cmd), "read /home/dev/project/.env"); got != read {
			t.Errorf("%s: read of .env %v, want %v: %v", cmd, got, read, effectsOf(cmd))
		}
	}
	if !hasEffect(effectsOf("cut -d= -f1 /home/dev/.secret/key"), "read /home/dev/.secret/key") {
		t.Error("a file that is no environment file, read for its first fields, lost its read")
	}
}

// TestDotenvNamesIntoFile: the names of an environment file written to a
// file carry no secret there; its lines, or its values, written there do.
func TestDotenvNamesIntoFile(t *testing.T) {
	for cmd, flow := range map[string]bool{
		"grep -v '^#' .env | cut -d= -f1 | sort > /tmp/env-keys": false,
		"cut -d= -f1 .env > /tmp/env-keys":                       false,
		"cut -d= -f1 < .env > /tmp/env-keys":                     false,
		"awk -F= '{print $1}' .env > /tmp/env-keys":              false,
		"grep -v '^#' .env | sort > /tmp/env-lines":              true,
		"cut -d= -f2- .env > /tmp/env-values":                    true,
		"cut -d= -f1 --complement .env > /tmp/env-values":        true,
		"cut -d= -f1,2 .env > /tmp/env-lines":                    true,
		"sort -o /tmp/sorted.env .env.production | cut -d= -f1":  true,
		"uniq .env.production public/env.txt | cut -d= -f1":      true,
	} {
		if got := hasEffect(effectsOf(cmd), "flow:credential->file"); got != flow {
			t.Errorf("%q: flow:credential->file = %v, want %v (%v)", cmd, got, flow, effectsOf(cmd))
		}
	}
}
