package shell

import "testing"

// TestQuoteOp checks Perl's q and qq and Ruby's %q, %Q and % strings:
// their delimiters (nested brackets, any other mark twice), escapes read
// only where the operator interpolates, and names that only start with q.
func TestQuoteOp(t *testing.T) {
	for _, c := range []struct {
		lang, code, want string
		ok, known        bool
	}{
		{"perl", `qq{a {b} c}`, "a {b} c", true, true},
		{"perl", `q|x\|y|`, "x|y", true, true},
		{"perl", `q{\x2f}`, `\x2f`, true, true},
		{"perl", `qq{\x2ftmp}`, "/tmp", true, true},
		{"perl", `qq{rm $d}`, "rm $_", true, false},
		{"perl", `q (a b)`, "a b", true, true},
		{"perl", `qw(a b)`, "", false, false},
		{"perl", `quit()`, "", false, false},
		{"perl", `q => 1`, "", false, false},
		{"ruby", `%Q(a #{x})`, "a $_", true, false},
		{"ruby", `%q[a]`, "a", true, true},
		{"ruby", `%(touch /tmp/m)`, "touch /tmp/m", true, true},
		{"ruby", `% 3`, "", false, false},
		{"ruby", `%w[a b]`, "", false, false},
		{"perl", `qq{unterminated`, "", false, false},
	} {
		sc := scanner{lang: c.lang, code: c.code}
		v, _, ok := sc.quoteOp(0)
		if ok != c.ok || ok && (v.str != c.want || v.known != c.known) {
			t.Errorf("quoteOp(%s, %q) = %q known %v, %v; want %q known %v, %v", c.lang, c.code, v.str, v.known, ok, c.want, c.known, c.ok)
		}
	}
}
