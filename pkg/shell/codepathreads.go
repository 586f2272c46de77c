package shell

import (
	"strings"

	"rampart.dev/pkg/internal/substrs"
)

// Code that logs in with a secret variable often reads other, plain
// variables beside it: an id in the path of the URL it calls
// ('https://api.cloudflare.com/client/v4/zones/' + os.environ['CF_ZONE'],
// f'…/repos/{os.environ["GITHUB_REPOSITORY"]}/issues', '…/zones/%s' %
// os.getenv('CF_ZONE_ID')), or a value it only prints. Such a read cannot
// move the host the secret goes to, so it does not keep the code from
// being read as a login (CodeSecretLogins). A read anywhere else (a URL
// of its own, a host joined in front of a path, a value handed on) may
// name the host, and still does.

// plainReadsHarmless reports whether every environment read in code that
// is not one of the secret reads at starts (their offsets) sits in the
// path or query of a URL literal whose host is closed before it, is a
// header's value, or is only printed.
func plainReadsHarmless(code string, starts map[int]bool) bool {
	spans := literalSpans(code)
	for _, r := range envReads {
		for at := 0; ; {
			k := strings.Index(code[at:], r)
			if k < 0 {
				break
			}
			p := at + k
			at = p + len(r)
			if r == "ENV[" && p >= 2 && code[p-2:p] == "$_" || starts[p] {
				continue // $_ENV[ is its own read; a secret's read is judged apart
			}
			if !inURLPath(code, p, spans) && !onlyPrinted(code, p) && !headerValue(code, p) && !pathOnlyName(code, p, spans) {
				return false
			}
		}
	}
	return true
}

// pathOnlyName reports an environment read at code[p:] assigned to a name
// (repo = os.environ['GITHUB_REPOSITORY']) that the code uses only in the
// paths of URLs whose hosts are closed before it (f'…/repos/{repo}/issues',
// 'https://api.github.com/repos/' + repo): the read itself, once removed.
func pathOnlyName(code string, p int, spans []litSpan) bool {
	j := p
	for j > 0 && (isIdent(code[j-1]) || code[j-1] == '.') {
		j--
	}
	before := strings.TrimRight(code[:j], " ")
	if !strings.HasSuffix(before, "=") || strings.HasSuffix(before, "==") {
		return false
	}
	before = strings.TrimRight(before[:len(before)-1], " ")
	if strings.HasSuffix(before, "!") || strings.HasSuffix(before, "<") || strings.HasSuffix(before, ">") {
		return false
	}
	n := len(before)
	for n > 0 && isIdent(before[n-1]) {
		n--
	}
	name := before[n:]
	if name == "" || n > 0 && strings.IndexByte(" \t;\n({,", before[n-1]) < 0 {
		return false // an attribute, a subscript or a keyword argument
	}
	uses := 0
	for k := range substrs.Occurrences(code, name) {
		at := k + len(name)
		if k == n || k > 0 && (isIdent(code[k-1]) || code[k-1] == '.') || at < len(code) && isIdent(code[at]) {
			continue // the assignment itself, or another name
		}
		if !inURLPath(code, k, spans) {
			return false
		}
		uses++
	}
	return uses > 0
}

// litSpan is a string literal's quotes, [start, end) with both quotes.
type litSpan struct{ start, end int }

// literalSpans returns code's string literals, quoted with ', " or `,
// with backslash escapes.
func literalSpans(code string) []litSpan {
	var out []litSpan
	LiteralSpans(code, "'\"`", func(start, end int) { out = append(out, litSpan{start, end}) })
	return out
}

// LiteralSpans calls each with the [start, end) span, both quotes
// included, of every string literal of code quoted with one of quotes; a
// backslash escapes the next byte, and an unclosed literal ends the scan.
func LiteralSpans(code, quotes string, each func(start, end int)) {
	for i := 0; i < len(code); i++ {
		q := code[i]
		if strings.IndexByte(quotes, q) < 0 {
			continue
		}
		j := i + 1
		for j < len(code) && code[j] != q {
			if code[j] == '\\' {
				j++
			}
			j++
		}
		if j >= len(code) {
			return
		}
		each(i, j+1)
		i = j
	}
}

// inURLPath reports an environment read at code[p:] inside a literal (an
// f-string's {…}, a template's ${…}) after a URL whose host is closed, or
// joined (+, %) behind such a literal through other literals and reads.
func inURLPath(code string, p int, spans []litSpan) bool {
	for _, s := range spans {
		if s.start < p && p < s.end {
			return closedHost(code[s.start+1 : p])
		}
	}
	j := p
	for j > 0 && (isIdent(code[j-1]) || code[j-1] == '.') {
		j-- // os.environ[, process.env.: from the reference's start
	}
	for n := 0; n < 16 && j > 0; n++ {
		switch c := code[j-1]; {
		case c == ' ' || c == '+' || c == '%' || c == '(':
			if c == '(' && j >= 2 && (isIdent(code[j-2]) || code[j-2] == '.') {
				return false // a call's argument: the read is what it is handed
			}
			j--
		case c == '\'' || c == '"' || c == '`':
			s, ok := spanEnding(spans, j)
			if !ok {
				return false
			}
			if closedHost(code[s.start+1 : s.end-1]) {
				return true
			}
			j = s.start
			for j > 0 && isIdent(code[j-1]) {
				j-- // f'…', r"…"
			}
		case c == ']' || c == ')':
			open := byte('[')
			if c == ')' {
				open = '('
			}
			d, k := 0, j-1
			for ; k >= 0; k-- {
				if code[k] == c {
					d++
				} else if code[k] == open {
					if d--; d == 0 {
						break
					}
				}
			}
			if k < 0 {
				return false
			}
			j = k
			for j > 0 && (isIdent(code[j-1]) || code[j-1] == '.') {
				j-- // another read, joined before this one
			}
		default:
			return false
		}
	}
	return false
}

// spanEnding finds the literal whose closing quote is at code[end-1].
func spanEnding(spans []litSpan, end int) (litSpan, bool) {
	for _, s := range spans {
		if s.end == end {
			return s, true
		}
	}
	return litSpan{}, false
}

// closedHost reports text holding a URL whose host ends ("/", "?" or
// "#" after it) with no expansion in it.
func closedHost(text string) bool {
	k := strings.Index(text, "://")
	if k < 0 {
		return false
	}
	rest := text[k+3:]
	e := strings.IndexAny(rest, "/?#")
	if e <= 0 {
		return false
	}
	return !strings.ContainsAny(rest[:e], "{}$%+ '\"`")
}

// onlyPrinted reports an environment read that is the first argument of a
// print (print(os.environ['USER'], …), console.log(process.env.NODE_ENV)):
// shown here, sent nowhere.
func onlyPrinted(code string, p int) bool {
	j := p
	for j > 0 && (isIdent(code[j-1]) || code[j-1] == '.') {
		j--
	}
	before := strings.TrimRight(code[:j], " ")
	for _, w := range []string{"print(", "console.log(", "puts(", "puts", "println(", "echo"} {
		if strings.HasSuffix(before, w) {
			return true
		}
	}
	return false
}

// headerValue reports an environment read that is a value in a mapping
// of request headers ({'X-Auth-Email': os.environ['CF_EMAIL']}): what a
// header says cannot move the host.
func headerValue(code string, p int) bool {
	j := p
	for j > 0 && (isIdent(code[j-1]) || code[j-1] == '.') {
		j--
	}
	before := strings.TrimRight(code[:j], " ")
	if !strings.HasSuffix(before, ":") {
		return false
	}
	h := strings.LastIndex(strings.ToLower(before), "headers")
	return h >= 0 && len(before)-h < 160 && !strings.ContainsAny(before[h:], ")}")
}
