package shell

import (
	"strings"
	"testing"
)

// TestWrapperForms checks wrappers whose command comes as a shell string
// (sg GROUP -c CMD, sg GROUP CMD, entr -s CMD), on stdin (newgrp, expect)
// or after gdb's --args.
func TestWrapperForms(t *testing.T) {
	for _, src := range []string{
		"sg docker -c 'rm -rf /x'",
		"sg docker 'rm -rf /x'",
		"newgrp docker <<< 'rm -rf /x'",
		`expect <<< 'spawn sh -c "rm -rf /x"; expect eof'`,
		"gdb -batch -ex run --args rm -rf /x",
		"ls | entr -s 'rm -rf /x'",
		"sudo 'rm -rf /x'",
	} {
		found := false
		for _, c := range Parse(src).Commands {
			found = found || c.Name == "rm" && strings.Join(c.Args, " ") == "-rf /x"
		}
		if !found {
			t.Errorf("Parse(%q) =\n\t%s\nwant rm -rf /x", src, strings.Join(describeAll(Parse(src)), "\n\t"))
		}
	}
	for _, src := range []string{"sg docker -c 'docker ps'", "gdb -batch -ex bt --args ./app --selftest", "expect -v"} {
		for _, c := range Parse(src).Commands {
			if c.Name == "rm" || len(c.Unknown) > 0 {
				t.Errorf("Parse(%q): %s", src, describe(c))
			}
		}
	}
}
