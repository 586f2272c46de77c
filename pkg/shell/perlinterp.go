package shell

import "strings"

// Perl interpolates variables into its double-quoted and qq strings: an
// array as its elements joined by $" (a blank unless the code sets it),
// a scalar as its value. system "@c" with @c = ("rm", "-rf", $home) runs
// rm -rf on the home, as system qq{rm -rf @d} with @d = ($home) does. A
// variable the code assigned once (codevars.go) is read as that value (an
// array assigned what is not a list literal is left as written); an
// array the code also changes (push, unshift, splice, an element set) or
// a separator set to anything but a blank is not known, and neither is an
// element, a slice, a hash or a dereference (@c[0..2], $h{k}, $r->[0]).

// perlInterpolated reads a variable interpolated at j of the code, in a
// string that interpolates: its text, whether that is known, and where it
// ends; end is j when no variable the code assigned starts there.
func (sc *scanner) perlInterpolated(j int) (text string, known bool, end int) {
	c := sc.code
	if sc.lang != "perl" || j+1 >= len(c) || c[j] != '@' && c[j] != '$' || !isIdent(c[j+1]) || c[j+1] >= '0' && c[j+1] <= '9' {
		return "", false, j
	}
	k := j + 1
	for k < len(c) && isIdent(c[k]) {
		k++
	}
	if k < len(c) && (c[k] == '[' || c[k] == '{' || c[k] == ':' || strings.HasPrefix(c[k:], "->")) {
		return "", false, j // an element, a slice, a hash, a package name, a dereference
	}
	v, ok := sc.assignments()[c[j:k]]
	if !ok {
		return "", false, j
	}
	if c[j] == '$' {
		if v.list {
			return "", false, j
		}
		return v.str, v.known, k
	}
	if !v.list {
		return "", false, j // @f = glob(…): a list the walk did not read, left as written
	}
	if perlArrayChanged(c, c[j+1:k]) {
		return "$_", false, k
	}
	sep, sepKnown := perlListSeparator(c)
	known = sepKnown
	for _, it := range v.items {
		known = known && it != "$_" && !strings.Contains(it, "$_")
	}
	return strings.Join(v.items, sep), known, k
}

// perlArrayChanged reports code that changes array name after assigning
// it: push, unshift or splice on it, or one of its elements set.
func perlArrayChanged(c, name string) bool {
	for _, op := range []string{"push", "unshift", "splice"} {
		for i := strings.Index(c, op); i >= 0; {
			rest := strings.TrimLeft(c[i+len(op):], " \t(")
			if strings.HasPrefix(rest, "@"+name) && (len(rest) == len(name)+1 || !isIdent(rest[len(name)+1])) {
				return true
			}
			n := strings.Index(c[i+1:], op)
			if n < 0 {
				break
			}
			i += 1 + n
		}
	}
	return strings.Contains(c, "$"+name+"[")
}

// perlListSeparator is $", what an interpolated array's elements are
// joined by: a blank unless the code sets it, then the quoted string it
// is set to when that is a literal, else not known.
func perlListSeparator(c string) (string, bool) {
	for _, name := range []string{`$"`, "$LIST_SEPARATOR"} {
		i := strings.Index(c, name)
		if i < 0 {
			continue
		}
		rest := strings.TrimLeft(c[i+len(name):], " \t")
		if !strings.HasPrefix(rest, "=") {
			return " ", false
		}
		rest = strings.TrimLeft(rest[1:], " \t")
		if len(rest) >= 2 && (rest[0] == '"' || rest[0] == '\'') {
			if e := strings.IndexByte(rest[1:], rest[0]); e >= 0 && !strings.ContainsAny(rest[1:1+e], `\$@`) {
				return rest[1 : 1+e], true
			}
		}
		return " ", false
	}
	return " ", true
}

// perlVar reports a variable the code assigned interpolated at j.
func (sc *scanner) perlVar(j int) bool {
	_, _, end := sc.perlInterpolated(j)
	return end > j
}

// perlInterpolate is the code from i to j, a command Perl runs from
// backquotes or qx, with the variables the code assigned interpolated
// (qx{@c}); the others are left as written, for the shell to expand.
func (sc *scanner) perlInterpolate(i, j int) string {
	c := sc.code
	if sc.lang != "perl" || !strings.ContainsAny(c[i:j], "@$") {
		return c[i:j]
	}
	var b strings.Builder
	for k := i; k < j; k++ {
		if t, _, end := sc.perlInterpolated(k); end > k && end <= j {
			b.WriteString(t)
			k = end - 1
			continue
		}
		b.WriteByte(c[k])
	}
	return b.String()
}
