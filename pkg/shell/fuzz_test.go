package shell

import (
	"os"
	"reflect"
	"strings"
	"testing"
)

// seeds are tricky commands from testdata/commands.txt (entries separated
// by lines of "----") and every command of the table tests.
func seeds(f *testing.F) {
	data, err := os.ReadFile("testdata/commands.txt")
	if err != nil {
		f.Fatal(err)
	}
	for _, s := range strings.Split(string(data), "\n----\n") {
		f.Add(s)
	}
	for _, tt := range parseTests {
		f.Add(tt.src)
	}
}

// FuzzParse checks that Parse never panics and stays within its bounds.
func FuzzParse(f *testing.F) {
	seeds(f)
	f.Fuzz(func(t *testing.T, src string) {
		r := Parse(src)
		if len(r.Commands) > MaxCommands {
			t.Fatalf("Parse(%q) gave %d commands, more than %d", src, len(r.Commands), MaxCommands)
		}
		for _, c := range r.Commands {
			if c.Depth > MaxDepth+MaxStringDepth {
				t.Fatalf("Parse(%q) reached depth %d", src, c.Depth)
			}
			if c.Name == "" && (c.Program != "" || len(c.Args) > 0) {
				t.Fatalf("Parse(%q): command %+v has words but no name", src, c)
			}
		}
	})
}

// FuzzFastPathMatchesParser checks that on every input the fast path
// accepts, it gives exactly what the parser gives.
func FuzzFastPathMatchesParser(f *testing.F) {
	seeds(f)
	for _, s := range []string{
		"git status", "sudo reboot", "find . -delete", "xargs rm", "a=b", "export a=b",
		"time ls", "if", "fi x", "env a=b rm", "bash -c ls", "bash -c a=b", "ls -la %1 ^x @y +z :w",
		"sudo -u root -- rm -rf /", "timeout 5 nice -n 10 rm -rf /", "find / -exec rm",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, src string) {
		fast, ok := fastParse(src)
		if !ok {
			return
		}
		slow := slowParse(src)
		if !reflect.DeepEqual(fast, slow) {
			t.Fatalf("fast path and parser differ on %q:\nfast:   %s\nparser: %s", src,
				strings.Join(describeAll(fast), " | "), strings.Join(describeAll(slow), " | "))
		}
	})
}
