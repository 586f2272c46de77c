package shell

import (
	"slices"
	"testing"
)

// TestRunsFiles holds the files a command is seen to run as code, however
// the file reaches it: a script operand after options with values, its
// standard input, a descriptor opened on the file, a pipe from cat, xargs
// -a, a process substitution copying the file, an interpreter of a language
// no scanner reads, deno's run verb. The first command of each line only
// names the file, so that the line is walked whole.
func TestRunsFiles(t *testing.T) {
	cases := []struct {
		line, prog string
		want       []string
	}{
		{"true s.sh; bash s.sh", "bash", []string{"s.sh"}},
		{"true s.sh; bash -O extglob s.sh", "bash", []string{"s.sh"}},
		{"true s.sh; bash < s.sh", "bash", []string{"s.sh"}},
		{"true s.sh; sh -s < s.sh", "sh", []string{"s.sh"}},
		{"true s.sh; exec 3< s.sh; bash <&3", "bash", []string{"s.sh"}},
		{"true s.sh; cat s.sh | bash", "bash", []string{"s.sh"}},
		{"true s.sh; xargs -a s.sh -I{} sh -c {}", "xargs", []string{"s.sh"}},
		{"true s.sh; bash <(cat s.sh)", "bash", []string{"<(cat s.sh)", "s.sh"}},
		{"true s.sh; source <(< s.sh)", "source", []string{"<(< s.sh)", "s.sh"}},
		{"true s.py; python3 - < s.py", "python3", []string{"s.py"}},
		{"true s.tcl; tclsh s.tcl", "tclsh", []string{"s.tcl"}},
		{"true s.jl; julia --project=. s.jl", "julia", []string{"s.jl"}},
		{"true s.js; deno run -A s.js", "deno", []string{"s.js"}},
		{"true s.kts; kotlin s.kts", "kotlin", []string{"s.kts"}},
		{"true s.sh; parallel -a s.sh", "parallel", []string{"s.sh"}},
		{"true s.sh; parallel :::: s.sh", "parallel", []string{"s.sh"}},
		{"true l.txt; parallel -a l.txt echo", "parallel", nil},
		{"true s.swift; swift s.swift", "swift", []string{"s.swift"}},
		{"true s.ps1; pwsh s.ps1", "pwsh", []string{"s.ps1"}},
		{"true s.sh; bash -c 'echo hi'", "bash", nil},
		{"true s.sh; tclsh", "tclsh", nil},
		{"true; make", "make", nil}, // a runner's default file is no file it was handed
	}
	for _, c := range cases {
		checkRuns(t, c.line, c.prog, c.want)
	}
}

// TestUnknownOnce: a file found run by two readings (perl's script
// operand and the catalogue's exec role) gives its command one reason.
func TestUnknownOnce(t *testing.T) {
	for _, c := range Parse("pbpaste > s.pl; perl s.pl").Commands {
		if c.Name == "perl" && len(c.Unknown) != 1 {
			t.Errorf("perl s.pl: unknown %q, want one reason", c.Unknown)
		}
	}
}

// TestSubstitutionAsProgram: a process substitution is a pipe, which exec
// refuses to run, so one in a program's place (a guessed wrapper's first
// word, vimdiff <(git show …) a.go) runs nothing; a shell given it as its
// script runs what it prints.
func TestSubstitutionAsProgram(t *testing.T) {
	for line, unknown := range map[string]bool{
		"vimdiff <(git show HEAD~1:main.go) main.go": false,
		"nohup <(pbpaste)":                           false,
		"bash <(pbpaste)":                            true,
		"vimdiff <(pbpaste | sh) a.txt":              true,
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

// checkRuns checks the files the last command named prog on line runs.
func checkRuns(t *testing.T, line, prog string, want []string) {
	t.Helper()
	var got []string
	found := false
	for _, cmd := range Parse(line).Commands {
		if cmd.Name == prog {
			got, found = cmd.Runs, true
		}
	}
	if !found || !slices.Equal(got, want) {
		t.Errorf("Parse(%q): %s runs %q (found %v), want %q", line, prog, got, found, want)
	}
}
