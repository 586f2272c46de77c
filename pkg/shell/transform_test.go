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

// TestAwkText holds what awk prints for a plain program (plainAwkProgram):
// the line, its fields split on blanks, joined by a blank after a comma
// and by nothing otherwise, NR and NF; any other program or an option is
// not followed.
func TestAwkText(t *testing.T) {
	for _, tc := range []struct {
		args     []string
		in, want string
		ok       bool
	}{
		{[]string{"{print}"}, "a b\nc\n", "a b\nc\n", true},
		{[]string{"1"}, "a b\nc\n", "a b\nc\n", true},
		{[]string{"{print $0}"}, "  a  b\n", "  a  b\n", true},
		{[]string{"{print $2, $1}"}, "a b c\nd e\n", "b a\ne d\n", true},
		{[]string{"{print $1 $2}"}, "a b\n", "ab\n", true},
		{[]string{"{ print NR, $NF; }"}, "a b\nc\n", "1 b\n2 c\n", true},
		{[]string{"{print $3}"}, "a b\n", "\n", true},
		{[]string{"{print NF}"}, "a b c\n", "3\n", true},
		{[]string{"-F:", "{print $1}"}, "a:b\n", "", false},
		{[]string{"{print $1}", "f.txt"}, "a\n", "", false},
		{[]string{`{system($0)}`}, "id\n", "", false},
	} {
		got, ok := transform("awk", append([]string{"awk"}, tc.args...), tc.in)
		if ok != tc.ok || ok && got != tc.want {
			t.Errorf("awk %q on %q = %q, %v; want %q, %v", tc.args, tc.in, got, ok, tc.want, tc.ok)
		}
	}
}
