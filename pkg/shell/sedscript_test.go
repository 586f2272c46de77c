package shell

import (
	"slices"
	"strings"
	"testing"
)

// TestSedCommands checks the split of a sed script line into commands:
// addresses and s texts holding ";" stay whole, and the commands whose
// argument is the rest of the line take it.
func TestSedCommands(t *testing.T) {
	for _, tc := range []struct {
		line string
		want []string
	}{
		{"s/a/b/g", []string{"s/a/b/g"}},
		{"s/a;b/c/;p", []string{"s/a;b/c/", "p"}},
		{"/x;y/d;p", []string{"/x;y/d", "p"}},
		{`\%x;y%e date`, []string{`\%x;y%e date`}},
		{"1,/end/e date; p", []string{"1,/end/e date; p"}},
		{"/x/!e date", []string{"/x/!e date"}},
		{"s/a/b/;/x/e date", []string{"s/a/b/", "/x/e date"}},
		{"$a text; more", []string{"$a text; more"}},
		{"r notes.txt;p", []string{"r notes.txt;p"}},
		{"s/a/b/w out;p", []string{"s/a/b/w out;p"}},
		{"/x/{p;d}", []string{"/x/{", "p", "d", "}"}},
		{":a;N;$!ba;s/\\n/ /g", []string{":a", "N", "$!ba", "s/\\n/ /g"}},
		{"0~2 d", []string{"0~2 d"}},
		{"/unclosed", []string{"/unclosed"}},
	} {
		if got := SedCommands(tc.line); !slices.Equal(got, tc.want) {
			t.Errorf("SedCommands(%q) = %q, want %q", tc.line, got, tc.want)
		}
	}
}

// TestSedSkipAddress checks each address form, and that a command with an
// address nobody can read is reported.
func TestSedSkipAddress(t *testing.T) {
	for _, tc := range []struct {
		in, want string
		ok       bool
	}{
		{"e date", "e date", true},
		{"12e date", "e date", true},
		{"/a\\/b/I,+3 !e date", "e date", true},
		{`\|x|,$e date`, "e date", true},
		{"1~3e date", "e date", true},
		{"1,e date", "", false},
		{"/open e date", "", false},
	} {
		got, ok := SedSkipAddress(tc.in)
		if got != tc.want || ok != tc.ok {
			t.Errorf("SedSkipAddress(%q) = %q, %v, want %q, %v", tc.in, got, ok, tc.want, tc.ok)
		}
	}
}

// FuzzSedCommands checks that the split never panics, and that its
// commands are pieces of the line in order, losing at most the ";"
// between them.
func FuzzSedCommands(f *testing.F) {
	for _, s := range []string{"s/a/b/;p", "/x/e date", `\%a%{p;d}`, "1,/e/!s/x/y/w f;p", "$a t;x", "y/abc/xyz/", "/", "s/a", ",,;;"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, line string) {
		rest := line
		for _, c := range SedCommands(line) {
			i := strings.Index(rest, c)
			if i < 0 || strings.Trim(rest[:i], ";") != "" {
				t.Fatalf("SedCommands(%q): %q is not the next piece of %q", line, c, rest)
			}
			rest = rest[i+len(c):]
			SedSkipAddress(c)
		}
		if strings.Trim(rest, ";") != "" {
			t.Fatalf("SedCommands(%q) left %q", line, rest)
		}
	})
}
