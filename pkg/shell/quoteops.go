package shell

import "strings"

// Strings quoted by an operator. Perl's q{…} and qq{…} and Ruby's %q(…),
// %Q[…] and %(…) quote a string between delimiters of the code's choice
// (a bracket pair, nested, or any other mark twice: qq|…|, q!…!), and
// system qq{rm -rf ~} runs it as a quoted one would. q and %q keep their
// text as it stands (Perl's and Ruby's single quotes); qq, %Q and %
// interpolate and read escapes (their double quotes).

// quoteOp reads a string quoted by an operator at i, in Perl or Ruby.
func (sc *scanner) quoteOp(i int) (value, int, bool) {
	c := sc.code
	if i > 0 && isIdent(c[i-1]) {
		return value{}, i, false
	}
	j, interp := i, false
	switch {
	case sc.lang == "perl" && strings.HasPrefix(c[i:], "qq"):
		j, interp = i+2, true
	case sc.lang == "perl" && c[i] == 'q':
		j = i + 1
	case sc.lang == "ruby" && strings.HasPrefix(c[i:], "%q"):
		j = i + 2
	case sc.lang == "ruby" && strings.HasPrefix(c[i:], "%Q"):
		j, interp = i+2, true
	case sc.lang == "ruby" && c[i] == '%':
		j, interp = i+1, true
	default:
		return value{}, i, false
	}
	if sc.lang == "perl" {
		for j < len(c) && (c[j] == ' ' || c[j] == '\t') {
			j++ // q {…}: a blank may stand before the delimiter
		}
	}
	if j >= len(c) || isIdent(c[j]) || c[j] == ' ' || c[j] == '\t' || c[j] == '\n' || c[j] == ',' || c[j] == ';' || c[j] == '=' || c[j] == ')' {
		return value{}, i, false // qw, quit, q => 1, %w: no quoting here
	}
	open := c[j]
	close := quoteCloser(open) // a bracket's pair, else the mark itself
	nests := close != open
	var b strings.Builder
	known, depth := true, 0
	for k := j + 1; k < len(c); k++ {
		ch := c[k]
		switch {
		case ch == '\\' && k+1 < len(c):
			if interp {
				if t, next, ok := codeEscape(sc.lang, c, k+1); ok {
					b.WriteString(t)
					k = next - 1
					continue
				}
			}
			if e := c[k+1]; e == '\\' || e == open || e == close {
				b.WriteByte(e)
			} else {
				b.WriteByte('\\')
				b.WriteByte(e)
			}
			k++
		case nests && ch == open:
			depth++
			b.WriteByte(ch)
		case ch == close && depth > 0:
			depth--
			b.WriteByte(ch)
		case ch == close:
			sc.work += k - j
			return value{str: b.String(), known: known}, k + 1, true
		case interp && sc.perlVar(k):
			t, ok, end := sc.perlInterpolated(k)
			b.WriteString(t) // perlinterp.go: system qq{rm -rf @d}
			known = known && ok
			k = end - 1
		case interp && quotedInterpolation(sc.lang, c, k) > k:
			b.WriteString("$_")
			known = false
			k = quotedInterpolation(sc.lang, c, k) - 1
		default:
			b.WriteByte(ch)
		}
	}
	return value{}, i, false // unterminated
}

// isQuoteOp reports whether a string quoted by an operator stands at i.
func (sc *scanner) isQuoteOp(i int) bool {
	_, _, ok := sc.quoteOp(i)
	return ok
}

// quotedInterpolation gives the end of a variable or #{…} interpolated at
// k in an operator's string, k when none starts there: Perl's $name,
// $pkg::name and ${…}, Ruby's #{…}. A name ends at any other byte, the
// closing delimiter too (qq{rm $d}).
func quotedInterpolation(lang, c string, k int) int {
	switch {
	case lang == "perl" && c[k] == '$' && k+1 < len(c) && c[k+1] == '{',
		lang == "ruby" && c[k] == '#' && k+1 < len(c) && c[k+1] == '{':
		if e := strings.IndexByte(c[k:], '}'); e > 0 {
			return k + e + 1
		}
	case lang == "perl" && c[k] == '$' && k+1 < len(c) && (isIdent(c[k+1]) || c[k+1] == ':'):
		j := k + 1
		for j < len(c) && (isIdent(c[j]) || c[j] == ':') {
			j++
		}
		return j
	}
	return k
}
