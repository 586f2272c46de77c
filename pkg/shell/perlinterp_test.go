package shell

import (
	"strings"
	"testing"
)

// TestPerlInterpolated checks that a Perl array or scalar the code assigned
// is read into the double-quoted, qq, backquoted and qx strings that
// interpolate it, joined by $", and that arrays changed later, separators
// set to what is not known, elements, slices and names never assigned are
// not.
func TestPerlInterpolated(t *testing.T) {
	for _, c := range []struct {
		code, str, want string
		known           bool
	}{
		{`@c = ("rm", "-rf", "/x"); system "@c"`, `"@c"`, "rm -rf /x", true},
		{`my @c = qw(make test); system "@c"`, `"@c"`, "make test", true},
		{`my @d = ("/x"); system qq{rm -rf @d}`, `qq{rm -rf @d}`, "rm -rf /x", true},
		{`my $d = "/x"; system "rm -rf $d"`, `"rm -rf $d"`, "rm -rf /x", true},
		{`local $" = ","; @c = ("a", "b"); print "@c"`, `"@c"`, "a,b", true},
		{`$" = $sep; @c = ("a", "b"); print "@c"`, `"@c"`, "a b", false},
		{`@c = qw(rm -rf); push @c, $h; system "@c"`, `"@c"`, "$_", false},
		{`@c = ("a"); $c[1] = "b"; print "@c"`, `"@c"`, "$_", false},
		{`@c = ("a", $x); print "@c"`, `"@c"`, "a $_", false},
		{`@c = ("a", "b"); print "@c[0..1]"`, `"@c[0..1]"`, "@c[0..1]", true},
		{`@f = glob("t/*.t"); system "prove @f"`, `"prove @f"`, "prove @f", true},
		{`print "dev@example.com"`, `"dev@example.com"`, "dev@example.com", true},
		{`@c = ("a"); print '@c'`, `'@c'`, "@c", true},
	} {
		sc := scanner{lang: "perl", code: c.code}
		i := strings.LastIndex(c.code, c.str)
		v, _, ok := sc.str(i)
		if !ok || v.str != c.want || v.known != c.known {
			t.Errorf("%s: %s = %q known %v (%v), want %q known %v", c.code, c.str, v.str, v.known, ok, c.want, c.known)
		}
	}
	for code, want := range map[string]string{
		"@c = (\"rm\", \"-rf\", \"/x\"); qx{@c}": "rm -rf /x",
		"@d = (\"/x\"); `rm -rf @d`":             "rm -rf /x",
		"@d = (\"/x\"); qx'rm -rf @d'":           "rm -rf @d",
		"`rm -rf $HOME`":                         "rm -rf $HOME",
	} {
		sc := scanner{lang: "perl", code: code}
		if got := sc.quotedCommands(); len(got) != 1 || got[0] != want {
			t.Errorf("%s: quotedCommands = %q, want %q", code, got, want)
		}
	}
}
