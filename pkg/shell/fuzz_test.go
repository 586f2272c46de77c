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
			if c.Name == "" && c.Program != "" {
				t.Fatalf("Parse(%q): command %+v has a program but no name", src, c)
			}
		}
	})
}

// programs are names the wrapper and recursion logic knows, and some it
// does not.
var programs = []string{
	"sudo", "doas", "pkexec", "command", "builtin", "nohup", "setsid", "unbuffer", "exec", "nice",
	"time", "timeout", "stdbuf", "ionice", "chroot", "xargs", "busybox", "flock", "runuser", "env",
	"eval", "su", "ssh", "watch", "find", "sh", "bash", "zsh", "dash", "ksh", "mksh", "fish",
	"python", "python3", "python3.12", "perl", "ruby", "node", "nodejs", "php", "awk", "gawk", "source", ".",
	"git", "rm", "ls", "cat", "curl", "grep", "echo", "printf", "/usr/bin/sudo", "./bash",
	"trap", "tmux", "screen", "parallel", "rsync", "tar", "strace", "ltrace",
	"autossh", "mosh", "salt", "salt-call", "set", "shift", "scp", "sftp",
}

// TestPlain checks that the fast path's shortcut for commands that are
// just themselves agrees with the full logic for every known program.
func TestPlain(t *testing.T) {
	for _, p := range programs {
		for _, rest := range []string{"", " rm -rf /", " -c ls", " -e x", " -u root -- rm", " 5 rm", " . -delete", " host ls", " -S rm"} {
			src := p + rest
			fast, ok := fastParse(src, Place{})
			if !ok {
				continue
			}
			if slow := slowParse(src, Place{}); !reflect.DeepEqual(fast, slow) {
				t.Errorf("fastParse(%q) = %s, parser gives %s", src,
					strings.Join(describeAll(fast), " | "), strings.Join(describeAll(slow), " | "))
			}
		}
	}
}

// FuzzFastPathMatchesParser checks that on every input the fast path
// accepts, it gives exactly what the parser gives.
func FuzzFastPathMatchesParser(f *testing.F) {
	seeds(f)
	for _, s := range []string{
		"git status", "sudo reboot", "find . -delete", "xargs rm", "a=b", "export a=b",
		"time ls", "if", "fi x", "env a=b rm", "bash -c ls", "bash -c a=b", "ls -la %1 ^x @y +z :w",
		"sudo -u root -- rm -rf /", "timeout 5 nice -n 10 rm -rf /", "find / -exec rm",
		"cat ~/.ssh/id_rsa", "ls ~ ~/x a~b ~~", "rm -rf ~root",
		"xargs -a /tmp/q -I@ bash -c @", // the fast path once skipped xargs -a FILE
	} {
		f.Add(s)
	}
	for _, p := range programs {
		f.Add(p + " -x y z")
	}
	f.Fuzz(func(t *testing.T, src string) {
		fast, ok := fastParse(src, Place{})
		if !ok {
			return
		}
		slow := walkLine(src, false, Place{}) // the parser's tree, not the light one
		if !reflect.DeepEqual(fast, slow) {
			t.Fatalf("fast path and parser differ on %q:\nfast:   %s\nparser: %s", src,
				strings.Join(describeAll(fast), " | "), strings.Join(describeAll(slow), " | "))
		}
	})
}

// TestKeyFilters checks that each table's filter holds every key of the
// table (a clear bit must mean "no key").
func TestKeyFilters(t *testing.T) {
	for _, tc := range []struct {
		f    keyFilter
		keys []string
	}{
		{recipeKeys.Get(), keysOf(recipeRunners.All())},
		{moduleKeys.Get(), keysOf(moduleLangs.Get())},
		{vimKeys.Get(), keysOf(vimNames.All())},
		{codeFileKeys.Get(), keysOf(codeFileOptions.All())},
	} {
		for _, k := range tc.keys {
			if !tc.f.mayHold(k) {
				t.Errorf("filter drops key %q", k)
			}
		}
	}
}

func keysOf[V any](m map[string]V) []string {
	var ks []string
	for k := range m {
		ks = append(ks, k)
	}
	return ks
}
