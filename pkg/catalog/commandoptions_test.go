package catalog

import (
	"strings"
	"testing"
)

// TestOptionsThatRunCommands: options whose value is a command line the
// program runs (split --filter, mysql --pager, man -H, nano's speller) and
// telnetd's login program are read as such, not as data; ed's -s, which
// nano's speller once shared a line with, stays a flag.
func TestOptionsThatRunCommands(t *testing.T) {
	cat := Default()
	for _, tc := range []struct{ line, want string }{
		{"split -n 1 --filter=CMD in.txt", "data:1 shell:CMD read:in.txt"},
		{"mysql --pager=CMD -e select_1", "shell:CMD sql:select_1"},
		{"man -HCMD ls", "shell:CMD data:ls"},
		{"man --html=CMD ls", "shell:CMD data:ls"},
		{"nano -s CMD notes.txt", "shell:CMD write:notes.txt"},
		{"nano --speller=CMD notes.txt", "shell:CMD write:notes.txt"},
		{"telnetd -l /bin/sh -p 2323", "exec:/bin/sh data:2323"},
		{"ed -s notes.txt", "write:notes.txt"},
	} {
		f := strings.Fields(tc.line)
		if got := roles(cat.Classify(f[0], f[1:])); got != tc.want {
			t.Errorf("%s:\n got %s\nwant %s", tc.line, got, tc.want)
		}
	}
	if e, _ := cat.Lookup("split", nil); e == nil || e.Prop("feeds-shell") == "" {
		t.Errorf("split: want feeds-shell (its filter reads each piece on standard input)")
	}
	if c := cat.Classify("telnetd", []string{"-l", "/bin/sh"}); !c.Mark("runs") {
		t.Errorf("telnetd -l: want the runs mark (its connection is handed to the program)")
	}
}
