package effect

import (
	"strings"
	"testing"
)

// TestStdinCommands: a console that reads its commands on standard input
// does what the lines piped or written into it say, each judged as the
// program given that line; lines that only look change nothing.
func TestStdinCommands(t *testing.T) {
	for line, want := range map[string]string{
		`echo "delete volume=Full-0001 yes" | bconsole`:                         "destroy:remote",
		`printf 'status dir\npurge volume=Full-0002 yes\n' | bconsole`:          "destroy:remote",
		`echo "restore client=web01-fd where=/ select all done yes" | bconsole`: "destroy:deploy",
		`bconsole <<< 'cancel jobid=4411'`:                                      "destroy:deploy",
		`echo "list jobs" | bconsole`:                                           "",
		`bconsole <<< 'status director'`:                                        "",
	} {
		effs := effectsOf(line)
		if want == "" {
			for _, e := range effs {
				if strings.HasPrefix(e.Descriptor(), "destroy:") {
					t.Errorf("%q: want no change, got %v", line, effs)
				}
			}
			continue
		}
		if !hasEffect(effs, want) {
			t.Errorf("%q: want %s, got %v", line, want, effs)
		}
	}
}
