package engine

import (
	"strconv"
	"strings"
)

// A GraphQL request names what it does in its document, not in its method
// or path: every call is a POST to /graphql. A mutation's top-level fields
// are remote procedure calls, each with its arguments, as an MCP tool
// call is one: mutation { deleteApp(appId: "acme-api") { id } } is the
// tool deleteApp of the service fly with {appId: acme-api}, and is judged
// as that call (graphqlcalls.go), whichever tool sends it (a fetch's body,
// an MCP tool's query argument). The parser below reads just enough of
// the language for that: operations, their top-level fields (through
// aliases, inline fragments and fragment spreads), and the fields'
// arguments with variables put in.

// gqlField is one top-level field of an operation.
type gqlField struct {
	name string
	args map[string]any
	sub  []string // the names of the fields selected below it
}

// gqlOp is one operation of a document.
type gqlOp struct {
	kind   string // query, mutation or subscription
	fields []gqlField
}

// Bounds on what one document may make the parser do.
const (
	maxGQLDoc    = 1 << 16
	maxGQLFields = 64
	maxGQLDepth  = 24
)

type gqlToken struct {
	kind byte // 'n' name, 's' string, 'v' number, 'p' punctuator, 0 end
	text string
}

type gqlParser struct {
	toks      []gqlToken
	pos       int
	vars      map[string]any
	fragments map[string]int // fragment name → the token of its selection set
	depth     int
	work      int // selections read, bounded by maxGQLWork against spreads that spread themselves
}

// maxGQLWork bounds the selection sets one document may make the parser
// read (a fragment spread twice in itself doubles them at each level).
const maxGQLWork = 4096

// lexGraphQL splits a document into tokens; ok is false for text that is
// not GraphQL (an unterminated string, a byte the language does not use).
func lexGraphQL(s string) ([]gqlToken, bool) {
	if len(s) > maxGQLDoc {
		s = s[:maxGQLDoc]
	}
	var out []gqlToken
	for i := 0; i < len(s); {
		c := s[i]
		switch {
		case c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == ',' || c == 0xEF || c == 0xBB || c == 0xBF:
			i++
		case c == '#':
			for i < len(s) && s[i] != '\n' {
				i++
			}
		case c == '"':
			if strings.HasPrefix(s[i:], `"""`) {
				end := strings.Index(s[i+3:], `"""`)
				if end < 0 {
					return out, false
				}
				out = append(out, gqlToken{'s', s[i+3 : i+3+end]})
				i += end + 6
				continue
			}
			j := i + 1
			var b strings.Builder
			for j < len(s) && s[j] != '"' {
				if s[j] == '\\' && j+1 < len(s) {
					j++
					switch s[j] {
					case 'n':
						b.WriteByte('\n')
					case 't':
						b.WriteByte('\t')
					case 'u':
						if j+4 < len(s) {
							if r, err := strconv.ParseUint(s[j+1:j+5], 16, 32); err == nil {
								b.WriteRune(rune(r))
								j += 4
								break
							}
						}
						b.WriteByte('u')
					default:
						b.WriteByte(s[j])
					}
					j++
					continue
				}
				b.WriteByte(s[j])
				j++
			}
			if j >= len(s) {
				return out, false
			}
			out = append(out, gqlToken{'s', b.String()})
			i = j + 1
		case c == '_' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z':
			j := i
			for j < len(s) && (s[j] == '_' || s[j] >= 'a' && s[j] <= 'z' || s[j] >= 'A' && s[j] <= 'Z' || s[j] >= '0' && s[j] <= '9') {
				j++
			}
			out = append(out, gqlToken{'n', s[i:j]})
			i = j
		case c == '-' || c >= '0' && c <= '9':
			j := i + 1
			for j < len(s) && (s[j] >= '0' && s[j] <= '9' || s[j] == '.' || s[j] == 'e' || s[j] == 'E' || s[j] == '+' || s[j] == '-') {
				j++
			}
			out = append(out, gqlToken{'v', s[i:j]})
			i = j
		case strings.HasPrefix(s[i:], "..."):
			out = append(out, gqlToken{'p', "..."})
			i += 3
		case strings.IndexByte("{}()[]:!$=@|&", c) >= 0:
			out = append(out, gqlToken{'p', s[i : i+1]})
			i++
		default:
			return out, false
		}
	}
	return out, true
}

// parseGraphQL returns the operations of a document, with vars put in for
// its variables. A text that is not a GraphQL document has none.
func parseGraphQL(doc string, vars map[string]any) []gqlOp {
	toks, ok := lexGraphQL(doc)
	if !ok || len(toks) == 0 {
		return nil
	}
	p := &gqlParser{toks: toks, vars: vars}
	// fragments first: a spread may come before its definition
	for i := 0; i+3 < len(toks); i++ {
		if toks[i].kind == 'n' && toks[i].text == "fragment" && toks[i+1].kind == 'n' && (i == 0 || toks[i-1].text == "}") {
			for j := i + 2; j < len(toks); j++ {
				if toks[j].text == "{" {
					if p.fragments == nil {
						p.fragments = map[string]int{}
					}
					p.fragments[toks[i+1].text] = j
					break
				}
			}
		}
	}
	var ops []gqlOp
	for p.pos < len(p.toks) && len(ops) < maxGQLFields {
		t := p.toks[p.pos]
		switch {
		case t.text == "{":
			ops = append(ops, gqlOp{kind: "query", fields: p.selection(nil)})
		case t.kind == 'n' && (t.text == "query" || t.text == "mutation" || t.text == "subscription"):
			p.pos++
			for p.pos < len(p.toks) && p.toks[p.pos].text != "{" {
				if p.toks[p.pos].text == "(" {
					p.skipGroup("(", ")")
					continue
				}
				p.pos++
			}
			ops = append(ops, gqlOp{kind: t.text, fields: p.selection(nil)})
		case t.kind == 'n' && t.text == "fragment":
			for p.pos < len(p.toks) && p.toks[p.pos].text != "{" {
				p.pos++
			}
			p.skipGroup("{", "}")
		default:
			return ops // not a document
		}
	}
	return ops
}

// skipGroup skips a bracketed group starting at the current token.
func (p *gqlParser) skipGroup(open, close string) {
	n := 0
	for ; p.pos < len(p.toks); p.pos++ {
		switch p.toks[p.pos].text {
		case open:
			n++
		case close:
			n--
			if n == 0 {
				p.pos++
				return
			}
		}
	}
}

// selection reads a selection set at the current "{" and returns its
// fields, those of inline fragments and spreads included.
func (p *gqlParser) selection(out []gqlField) []gqlField {
	p.work++
	if p.pos >= len(p.toks) || p.toks[p.pos].text != "{" || p.depth > maxGQLDepth || p.work > maxGQLWork {
		p.skipGroup("{", "}")
		return out
	}
	p.depth++
	defer func() { p.depth-- }()
	p.pos++
	for p.pos < len(p.toks) && p.toks[p.pos].text != "}" && len(out) < maxGQLFields {
		t := p.toks[p.pos]
		switch {
		case t.text == "...":
			p.pos++
			if p.pos < len(p.toks) && p.toks[p.pos].kind == 'n' && p.toks[p.pos].text != "on" {
				// a spread: the fragment's fields, read where it is defined
				name := p.toks[p.pos].text
				p.pos++
				p.skipDirectives()
				if at, ok := p.fragments[name]; ok {
					saved := p.pos
					p.pos = at
					out = p.selection(out)
					p.pos = saved
				}
				continue
			}
			for p.pos < len(p.toks) && p.toks[p.pos].text != "{" {
				p.pos++
			}
			out = p.selection(out) // an inline fragment
		case t.kind == 'n':
			f := gqlField{name: t.text}
			p.pos++
			if p.pos+1 < len(p.toks) && p.toks[p.pos].text == ":" && p.toks[p.pos+1].kind == 'n' {
				f.name = p.toks[p.pos+1].text // alias: field
				p.pos += 2
			}
			if p.pos < len(p.toks) && p.toks[p.pos].text == "(" {
				f.args = p.arguments()
			}
			p.skipDirectives()
			if p.pos < len(p.toks) && p.toks[p.pos].text == "{" {
				for _, s := range p.selection(nil) {
					f.sub = append(f.sub, s.name)
				}
			}
			out = append(out, f)
		default:
			p.pos++ // a stray token: skipped
		}
	}
	p.pos++ // "}"
	return out
}

// skipDirectives skips @name(args) after a field or a spread.
func (p *gqlParser) skipDirectives() {
	for p.pos+1 < len(p.toks) && p.toks[p.pos].text == "@" {
		p.pos += 2
		if p.pos < len(p.toks) && p.toks[p.pos].text == "(" {
			p.skipGroup("(", ")")
		}
	}
}

// arguments reads (name: value ...) at the current "(".
func (p *gqlParser) arguments() map[string]any {
	args := map[string]any{}
	p.pos++
	for p.pos < len(p.toks) && p.toks[p.pos].text != ")" {
		if p.toks[p.pos].kind != 'n' || p.pos+1 >= len(p.toks) || p.toks[p.pos+1].text != ":" {
			p.pos++
			continue
		}
		name := p.toks[p.pos].text
		p.pos += 2
		args[name] = p.value(0)
	}
	p.pos++
	return args
}

// value reads one input value.
func (p *gqlParser) value(depth int) any {
	if p.pos >= len(p.toks) {
		return nil
	}
	t := p.toks[p.pos]
	p.pos++
	switch {
	case t.kind == 's':
		return t.text
	case t.kind == 'v':
		f, _ := strconv.ParseFloat(t.text, 64)
		return f
	case t.text == "$":
		if p.pos < len(p.toks) {
			name := p.toks[p.pos].text
			p.pos++
			return p.vars[name]
		}
		return nil
	case t.kind == 'n':
		switch t.text {
		case "true":
			return true
		case "false":
			return false
		case "null":
			return nil
		}
		return t.text // an enum value
	case t.text == "[":
		var list []any
		for p.pos < len(p.toks) && p.toks[p.pos].text != "]" && depth < maxGQLDepth {
			list = append(list, p.value(depth+1))
		}
		p.pos++
		return list
	case t.text == "{":
		obj := map[string]any{}
		for p.pos < len(p.toks) && p.toks[p.pos].text != "}" && depth < maxGQLDepth {
			if p.toks[p.pos].kind != 'n' || p.pos+1 >= len(p.toks) || p.toks[p.pos+1].text != ":" {
				p.pos++
				continue
			}
			k := p.toks[p.pos].text
			p.pos += 2
			obj[k] = p.value(depth + 1)
		}
		p.pos++
		return obj
	}
	return nil
}
