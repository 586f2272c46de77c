package shell

import (
	"strings"
	"testing"
)

// nestBashC wraps cmd in n levels of bash -c, quoting each level.
func nestBashC(cmd string, n int) string {
	for range n {
		cmd = "bash -c " + quoteWord(cmd)
	}
	return cmd
}

func TestBounds(t *testing.T) {
	doubling := "X=a" + strings.Repeat("; X=$X$X", 40) + "; echo $X"
	tests := []struct {
		name      string
		src       string
		truncated bool
		check     func(r Result) bool
	}{
		{"string depth within bound", nestBashC("rm -rf /", MaxStringDepth), false, func(r Result) bool {
			last := r.Commands[len(r.Commands)-1]
			return last.Name == "rm" && last.Depth == MaxStringDepth
		}},
		{"string depth beyond bound", nestBashC("rm -rf /", MaxStringDepth+1), true, nil},
		{"substitution depth", strings.Repeat("$(", MaxDepth+2) + "rm" + strings.Repeat(")", MaxDepth+2), true, nil},
		{"commands", strings.Repeat("true;", MaxCommands+10), true, func(r Result) bool {
			return len(r.Commands) == MaxCommands
		}},
		{"split commands", strings.Repeat("true;", MaxCommands+10) + "'", true, func(r Result) bool {
			return len(r.Commands) == MaxCommands && r.Unparsed
		}},
		{"wrappers", strings.Repeat("sudo ", 2*MaxDepth) + "rm", true, nil},
		{"expansion", doubling, true, func(r Result) bool {
			return len(r.Commands) == 1 && r.Commands[0].Dynamic
		}},
		{"source size", "echo " + strings.Repeat("a", MaxSource), true, func(r Result) bool {
			return r.Unparsed
		}},
		{"eval of a doubled variable", "X=" + strings.Repeat("a", 1<<16) + strings.Repeat("; X=\"$X $X\"", 8) + "; eval $X $X", true, nil},
	}
	for _, tt := range tests {
		r := Parse(tt.src)
		if r.Truncated != tt.truncated {
			t.Errorf("%s: Parse(...).Truncated = %v, want %v", tt.name, r.Truncated, tt.truncated)
		}
		if len(r.Commands) > MaxCommands {
			t.Errorf("%s: %d commands, more than MaxCommands", tt.name, len(r.Commands))
		}
		if tt.check != nil && !tt.check(r) {
			d := strings.Join(describeAll(r)[:min(5, len(r.Commands))], " | ")
			t.Errorf("%s: unexpected result %.300s", tt.name, d)
		}
	}
}
