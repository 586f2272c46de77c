package shell

import (
	"strings"
	"testing"
)

// TestTrText holds what tr writes for its input: sets mapped in order
// (a later mapping of a rune wins), a short second set padded with its
// last rune, deletion, escapes and runes past ASCII.
func TestTrText(t *testing.T) {
	for _, tc := range []struct {
		args []string
		in   string
		want string
		ok   bool
	}{
		{[]string{"a-z", "A-Z"}, "hello, World 1", "HELLO, WORLD 1", true},
		{[]string{"a-c", "x"}, "abcd", "xxxd", true},
		{[]string{"aa", "xy"}, "a", "y", true},
		{[]string{"-d", "a-c"}, "abcdcba", "d", true},
		{[]string{"--delete", `\n`}, "a\nb\n", "ab", true},
		{[]string{`\t`, " "}, "a\tb", "a b", true},
		{[]string{"é", "e"}, "café", "cafe", true},
		{[]string{"a", "é"}, "banana", "bénéné", true},
		{[]string{"-d", "é"}, "café", "caf", true},
		{[]string{"a-z", ""}, "x", "", false},
		{[]string{"-s", "a", "b"}, "x", "", false},
		{[]string{"a"}, "x", "", false},
		{[]string{"-d", "a", "b"}, "x", "", false},
	} {
		got, ok := trText(tc.args, tc.in)
		if got != tc.want || ok != tc.ok {
			t.Errorf("tr %q on %q = %q, %v; want %q, %v", tc.args, tc.in, got, ok, tc.want, tc.ok)
		}
	}
}

// TestSedReplacementDollar checks that a $ in a sed replacement is kept
// as text (the shell reading the result expands it), and that groups, &
// and escapes still read as sed reads them.
func TestSedReplacementDollar(t *testing.T) {
	for _, tc := range []struct{ script, in, want string }{
		{"s|HOME|$HOME|", "rm -rf HOME\n", "rm -rf $HOME\n"},
		{`s/\(a\)b/\1&\&/`, "ab\n", "aab&\n"},
		{"s/x/${X}/g", "x x\n", "${X} ${X}\n"},
	} {
		out, ok := transform("sed", []string{"sed", tc.script}, tc.in)
		if !ok || out != tc.want {
			t.Errorf("sed %q on %q = %q, %v; want %q", tc.script, tc.in, out, ok, tc.want)
		}
	}
	found := false
	for _, c := range Parse(`echo 'rm -rf HOME' | sed "s|HOME|$HOME|" | sh`).Commands {
		found = found || c.Name == "rm" && strings.Join(c.Args, " ") == "-rf $HOME"
	}
	if !found {
		t.Error(`sed "s|HOME|$HOME|" | sh: no rm -rf $HOME`)
	}
}

// TestSedLinesAndQuiet checks sed's anchors read per line (s/^x$/…/ on
// "a\nx\n") and sed -n p printing each line once; sed -n with another
// script is not read.
func TestSedLinesAndQuiet(t *testing.T) {
	for _, tc := range []struct {
		args     []string
		in, want string
		ok       bool
	}{
		{[]string{"sed", "s/^x$/y/"}, "a\nx\n", "a\ny\n", true},
		{[]string{"sed", "-n", "p"}, "a\nb\n", "a\nb\n", true},
		{[]string{"sed", "-n", "1,$p"}, "a\n", "a\n", true},
		{[]string{"sed", "-n", "2p"}, "a\nb\n", "", false},
	} {
		out, ok := transform("sed", tc.args, tc.in)
		if out != tc.want || ok != tc.ok {
			t.Errorf("%q on %q = %q, %v; want %q, %v", tc.args, tc.in, out, ok, tc.want, tc.ok)
		}
	}
}
