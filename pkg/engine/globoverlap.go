package engine

// Two globs overlap when some path matches both: "~/.cursor/mcp.js?n" and
// a rule's "~/.*/mcp.json" both name ~/.cursor/mcp.json. A path glob in a
// read is judged against each read rule's pattern it overlaps
// (globSubjects), since the engine cannot list the file system.

// globToken is one position of a glob: a set of bytes it takes one of, or
// a star (a run of bytes other than '/', or any run for "**").
type globToken struct {
	star, deep bool
	set        [4]uint64 // the bytes a one-byte token takes, as a bit set
}

func (t *globToken) has(c byte) bool { return t.set[c>>6]&(1<<(c&63)) != 0 }
func (t *globToken) add(c byte)      { t.set[c>>6] |= 1 << (c & 63) }

// globTokens splits a glob without braces into tokens: a literal byte,
// '?' (any byte but '/'), a [set] or [!set] with ranges, '*' and '**'.
// A '[' with no closing ']' is a literal.
func globTokens(g string) []globToken {
	var out []globToken
	for i := 0; i < len(g); i++ {
		var t globToken
		switch c := g[i]; {
		case c == '*':
			t.star = true
			for i+1 < len(g) && g[i+1] == '*' {
				t.deep = true
				i++
			}
		case c == '?':
			for b := 0; b < 256; b++ {
				if b != '/' {
					t.add(byte(b))
				}
			}
		case c == '[' && classEnd(g, i) > 0:
			end := classEnd(g, i)
			body := g[i+1 : end]
			neg := body[0] == '!' || body[0] == '^'
			if neg {
				body = body[1:]
			}
			var in globToken
			for k := 0; k < len(body); k++ {
				if k+2 < len(body) && body[k+1] == '-' {
					for b := int(body[k]); b <= int(body[k+2]); b++ {
						in.add(byte(b))
					}
					k += 2
					continue
				}
				in.add(body[k])
			}
			for b := 0; b < 256; b++ {
				if in.has(byte(b)) != neg && b != '/' {
					t.add(byte(b))
				}
			}
			i = end
		case c == '\\' && i+1 < len(g):
			i++
			t.add(g[i])
		default:
			t.add(c)
		}
		out = append(out, t)
	}
	return out
}

// classEnd is the index of the ']' that closes a [set] at i, or 0.
func classEnd(g string, i int) int {
	j := i + 1
	if j < len(g) && (g[j] == '!' || g[j] == '^') {
		j++
	}
	if j < len(g) && g[j] == ']' {
		j++ // a leading ']' is a member
	}
	for ; j < len(g); j++ {
		if g[j] == ']' {
			return j
		}
	}
	return 0
}

// globsOverlap reports whether some path matches both globs, with {A,B}
// groups read as their alternatives.
func globsOverlap(a, b string) bool {
	for _, x := range braceAlternatives(a) {
		for _, y := range braceAlternatives(b) {
			if tokensOverlap(globTokens(x), globTokens(y)) {
				return true
			}
		}
	}
	return false
}

// tokensOverlap decides whether two token lists match a common string,
// by the pairs of positions reachable from their starts.
func tokensOverlap(a, b []globToken) bool {
	seen := make(map[[2]int]bool)
	var walk func(i, j int) bool
	walk = func(i, j int) bool {
		if i == len(a) && j == len(b) {
			return true
		}
		k := [2]int{i, j}
		if seen[k] {
			return false
		}
		seen[k] = true
		switch {
		case i < len(a) && a[i].star:
			// the star takes nothing, or one byte the other side makes
			return walk(i+1, j) || j < len(b) && eats(&a[i], &b[j]) && walk(i, j+1)
		case j < len(b) && b[j].star:
			return walk(i, j+1) || i < len(a) && eats(&b[j], &a[i]) && walk(i+1, j)
		case i == len(a) || j == len(b):
			return false
		}
		for c := 0; c < 4; c++ {
			if a[i].set[c]&b[j].set[c] != 0 {
				return walk(i+1, j+1)
			}
		}
		return false
	}
	return walk(0, 0)
}

// eats reports whether star s can take what token t makes: any star takes
// another's run (both may be bytes other than '/'), and a one-byte token
// unless its only byte is '/' and s is not "**".
func eats(s, t *globToken) bool {
	if t.star || s.deep {
		return true
	}
	for c := 0; c < 4; c++ {
		m := t.set[c]
		if c == 0 {
			m &^= 1 << '/'
		}
		if m != 0 {
			return true
		}
	}
	return false
}
