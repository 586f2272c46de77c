package shell

import (
	"slices"
	"testing"
)

// TestPerlOpenWithoutBrackets checks Perl's open written without
// brackets, its filehandle a bareword or a declared scalar: the file it
// opens is read or written as with brackets.
func TestPerlOpenWithoutBrackets(t *testing.T) {
	for line, want := range map[string]string{
		`perl -e 'open F, "</etc/shadow"; print <F>'`:             "cat /etc/shadow @1.0 d=1 syn",
		`perl -e 'open my $f, "<", "/etc/shadow"; print <$f>'`:    "cat /etc/shadow @1.0 d=1 syn",
		`perl -e 'open(F, "/etc/hosts")'`:                         "cat /etc/hosts @1.0 d=1 syn",
		`perl -e 'open OUT,">/tmp/x"; print OUT 1'`:               "tee /tmp/x @1.0 d=1 syn",
		`perl -e 'open local $h, ">>", "/tmp/log"; print $h "x"'`: "tee /tmp/log @1.0 d=1 syn",
	} {
		if got := describeAll(Parse(line)); !slices.Contains(got, want) {
			t.Errorf("Parse(%q) = %q, want %q among them", line, got, want)
		}
	}
	for _, n := range []string{`STDERR "x"`, `1, 2`, `my @a, 1`, `F`} {
		if perlHandleFirst(n) != 0 {
			t.Errorf("perlHandleFirst(%q) found a filehandle", n)
		}
	}
}
