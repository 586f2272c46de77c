package shell

import (
	"strings"
	"testing"
)

// checkUnknown holds each line of unknown to a reason the walk could not
// read something, containing want, and each line of known to none.
func checkUnknown(t *testing.T, unknown, known []string, want string) {
	t.Helper()
	for _, src := range unknown {
		if got := unknownOf(Parse(src)); got == "" || !strings.Contains(got, want) {
			t.Errorf("Parse(%q): unknown %q, want a reason with %q", src, got, want)
		}
	}
	for _, src := range known {
		if got := unknownOf(Parse(src)); got != "" {
			t.Errorf("Parse(%q): unknown %q, want none", src, got)
		}
	}
}

// unknownOf gathers every reason the walk gave for something it could not
// read, over all commands.
func unknownOf(r Result) string {
	var b strings.Builder
	for _, c := range r.Commands {
		for _, u := range c.Unknown {
			b.WriteString(u)
			b.WriteByte('\n')
		}
	}
	return b.String()
}

// An interpreter reading a stage's output reads all of it: one producer
// whose output is unseen makes its code unknown, however many known lines
// are printed beside it; quiet commands and output sent elsewhere add
// nothing unseen.
func TestUnseenStageOutput(t *testing.T) {
	unknown := []string{
		"{ echo set -e; pbpaste; } | bash",
		"(echo ls; ./gen) | sh",
		"{ echo a; cat notes.txt | sort; } | sh",
		"{ pbpaste; cat setup.sh; } | sh",
		"{ echo a; xclip -o; } | python3",
		"{ echo ls; echo 'print(1)' | python3; } | sh",
	}
	known := []string{
		"{ echo ls; echo pwd; } | sh",
		"{ cd /tmp; echo ls; } | sh",
		"{ set -e; export A=1; echo ls; } | sh",
		"{ ./gen > out.txt; echo ls; } | sh",
		"{ ./gen >&2; echo ls; } | sh",
		"{ mkdir -p x && echo ls; } | bash",
	}
	checkUnknown(t, unknown, known, "standard input")
}

// A command reading a stage with unseen output is marked, so readings of
// what xargs builds from the part that was read do not stand for all.
func TestStdinUnseenMark(t *testing.T) {
	cases := map[string]bool{
		"{ echo build; cat list.txt; } | xargs rm -rf": true,
		"cat list.txt | xargs rm -rf":                  true,
		"git log | grep fix":                           true,
		"{ echo build; echo dist; } | xargs rm -rf":    false,
		"echo build | sort | xargs rm -rf":             false,
		"ls -d */dist | xargs rm -rf":                  false,
		"{ echo a; pbpaste >/dev/null; } | xargs rm":   false,
	}
	for src, want := range cases {
		r := Parse(src)
		last := r.Commands[len(r.Commands)-1]
		got := false
		for _, c := range r.Commands {
			if c.Pipeline == last.Pipeline && c.Stage == last.Stage && c.StdinUnseen {
				got = true
			}
		}
		if got != want {
			t.Errorf("Parse(%q): StdinUnseen = %v, want %v", src, got, want)
		}
	}
}

// parallel given lines the walk read runs the commands built from them,
// and an unknown argument only for what it could not read.
func TestParallelReadInput(t *testing.T) {
	hasUnknownArg := func(r Result) bool {
		for _, c := range r.Commands {
			for _, a := range c.Args {
				if strings.Contains(a, "PARALLEL_ARGUMENT") {
					return true
				}
			}
		}
		return false
	}
	cases := map[string]bool{
		"ls tests/*.sh | parallel bash {}":            false,
		"printf '%s\\n' a b | parallel rm -rf {}":     false,
		"cat list.txt | parallel bash {}":             true,
		"{ echo a; cat list.txt; } | parallel rm {}":  true,
		"parallel bash {} < list.txt":                 true,
		"echo 'rm -rf ~' | parallel --pipe bash":      true,
		"seq 1 40 | sed 's/^/f/' | parallel touch {}": true,
	}
	for src, want := range cases {
		if got := hasUnknownArg(Parse(src)); got != want {
			t.Errorf("Parse(%q): an unknown argument = %v, want %v", src, got, want)
		}
	}
}

func TestPrintsOutput(t *testing.T) {
	cases := map[string]bool{
		"set -e": false, "set -o pipefail": false, "set": true, "set -o": true,
		"export A=1": false, "export": true, "export -p": true, "declare -f": true,
		"declare -a xs": false, "cd /tmp": false, "rm -rf build": false, "rm -rfv build": true,
		"cp -v a b": true, "mkdir -p x": false, "alias": true, "alias ll=ls": false,
		"ls": true, "grep x f": true, "umask 022": false, "umask": true,
	}
	for src, want := range cases {
		words := strings.Fields(src)
		if got := printsOutput(words[0], words); got != want {
			t.Errorf("printsOutput(%q) = %v, want %v", src, got, want)
		}
	}
}

func TestStdoutAway(t *testing.T) {
	cases := []struct {
		rs   []Redirect
		want bool
	}{
		{nil, false},
		{[]Redirect{{Op: ">", Target: "out.txt"}}, true},
		{[]Redirect{{Op: ">>", Target: "log", FD: "1"}}, true},
		{[]Redirect{{Op: ">", Target: "err", FD: "2"}}, false},
		{[]Redirect{{Op: ">&", Target: "2"}}, true},
		{[]Redirect{{Op: ">&", Target: "1", FD: "2"}}, false},
		{[]Redirect{{Op: "&>", Target: "/dev/null"}}, true},
		{[]Redirect{{Op: ">", Target: "/dev/stdout"}}, false},
	}
	for _, c := range cases {
		if got := stdoutAway(c.rs, false); got != c.want {
			t.Errorf("stdoutAway(%+v) = %v, want %v", c.rs, got, c.want)
		}
	}
}

// What a filter writes to a file from partly unseen input is unknown
// text, and a copy of a file of unknown text is a program's output.
func TestUnseenWrittenAndCopied(t *testing.T) {
	for _, src := range []string{
		"{ echo ls; pbpaste; } | tee /tmp/run.sh >/dev/null; sh /tmp/run.sh",
		"echo ls | cat - <(pbpaste) | sh",
	} {
		if got := unknownOf(Parse(src)); got == "" {
			t.Errorf("Parse(%q): nothing unknown, want the unseen part unknown", src)
		}
	}
	if got := unknownOf(Parse("{ echo ls; echo pwd; } | tee /tmp/run.sh >/dev/null; sh /tmp/run.sh")); got != "" {
		t.Errorf("known text written by tee and run: unknown %q", got)
	}
}

func TestStdoutAwayDescriptors(t *testing.T) {
	cases := []struct {
		rs    []Redirect
		errIn bool
		want  bool
	}{
		{[]Redirect{{Op: ">&", Target: "3"}}, false, false},
		{[]Redirect{{Op: ">", Target: "/proc/self/fd/1"}}, false, false},
		{[]Redirect{{Op: ">>", Target: "/dev/fd/3"}}, false, false},
		{[]Redirect{{Op: ">", Target: "/proc/123/fd/1"}}, false, false},
		{[]Redirect{{Op: ">&", Target: "2"}}, true, false},
		{[]Redirect{{Op: ">", Target: "/dev/stderr"}}, true, false},
		{[]Redirect{{Op: ">", Target: "/dev/stderr"}}, false, true},
		{[]Redirect{{Op: ">&", Target: "1", FD: "2"}, {Op: ">", Target: "/dev/null"}}, false, false},
		{[]Redirect{{Op: ">", Target: "/dev/null"}, {Op: ">&", Target: "1", FD: "2"}}, false, true},
		{[]Redirect{{Op: ">&", Target: "-"}}, false, true},
	}
	for _, c := range cases {
		if got := stdoutAway(c.rs, c.errIn); got != c.want {
			t.Errorf("stdoutAway(%+v, %v) = %v, want %v", c.rs, c.errIn, got, c.want)
		}
	}
	for _, line := range []string{"cp /tmp/p /dev/stdout", "mv p /proc/self/fd/1", "ln -sf p /dev/fd/1"} {
		words := strings.Fields(line)
		if !printsOutput(words[0], words) {
			t.Errorf("printsOutput(%q) = false, want true", line)
		}
	}
}

func TestTeesToDescriptor(t *testing.T) {
	if !teesToDescriptor("tee", []string{"tee", "/dev/stderr"}, true) || !teesToDescriptor("tee", []string{"tee", "-a", "/proc/self/fd/1"}, false) {
		t.Error("tee onto a descriptor that is the pipe should pass its input on")
	}
	if teesToDescriptor("tee", []string{"tee", "/dev/stderr"}, false) || teesToDescriptor("tee", []string{"tee", "out.log"}, true) {
		t.Error("tee onto a file or a standard error apart from the pipe passes nothing on")
	}
}

func TestTrapPrints(t *testing.T) {
	for words, want := range map[string]bool{"trap pbpaste EXIT": true, "trap - EXIT": false, "trap": true} {
		w := strings.Fields(words)
		if got := printsOutput(w[0], w); got != want {
			t.Errorf("printsOutput(%q) = %v, want %v", words, got, want)
		}
	}
	if printsOutput("trap", []string{"trap", "", "INT"}) {
		t.Error("trap '' INT prints nothing")
	}
}
