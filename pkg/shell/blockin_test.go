package shell

import (
	"slices"
	"testing"
)

// TestBlockInput: a block's, subshell's or loop's standard input is the
// input of the commands inside that do not redirect their own, so a shell
// inside reads it as its script: a here-document's commands are walked, a
// file the line wrote with unknown text or a here-string nobody can read
// is unknown code. A later stage of a pipeline inside reads the pipe.
func TestBlockInput(t *testing.T) {
	walked := Parse("{ bash; } <<'EOF'\ntouch /tmp/blocked-marker\nEOF")
	found := false
	for _, c := range walked.Commands {
		found = found || c.Name == "touch" && slices.Equal(c.Args, []string{"/tmp/blocked-marker"})
	}
	if !found {
		t.Errorf("the here-document a block hands bash is not walked: %v", describeAll(walked))
	}
	for line, unknown := range map[string]bool{
		"pbpaste > s.sh; { bash; } < s.sh":                        true,
		"pbpaste > s.sh; (sh -s) < s.sh":                          true,
		`{ bash; } <<< "$(pbpaste)"`:                              true,
		"{ echo start; bash; } < <(pbpaste)":                      true,
		"pbpaste > s.sh; while true; do bash; break; done < s.sh": true,
		"{ bash; } < scripts/setup.sh":                            false,
		"(cd web && npm ci) < /dev/null":                          false,
		`while read -r l; do echo "$l"; done < list.txt`:          false,
		"{ bash < ok.sh; } < <(pbpaste)":                          false,
		"pbpaste > s.sh; f() { bash; }; f < s.sh":                 true,
		"pbpaste > s.sh; exec < s.sh; bash":                       true,
		"f() { bash; }; f < scripts/setup.sh":                     false,
		"exec < /dev/null; bash -c true":                          false,
		"pbpaste > s.sh; exec < s.sh; bash | tee run.log":         true,
		"exec < scripts/ok.sh; echo hi | bash":                    false,
		// a function's body reads its call's input, or its caller's block's
		"pbpaste > s.sh; f() { sh; }; { f; } < s.sh":    true,
		"f() { jq .; }; f < package.json":               false,
		"pbpaste > s.sh; f() { bash ok.sh; }; f < s.sh": false,
	} {
		got := false
		for _, c := range Parse(line).Commands {
			got = got || len(c.Unknown) > 0
		}
		if got != unknown {
			t.Errorf("Parse(%q): unknown %v, want %v", line, got, unknown)
		}
	}
}
