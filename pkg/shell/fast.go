package shell

import (
	"strings"

	"rampart.dev/pkg/internal/table"
)

// safeByte marks the bytes a plain command may contain: they mean the same
// to the shell wherever they appear (no quoting, expansion, globbing,
// operators or comments). A tilde is handled apart.
var safeByte = func() (t [256]bool) {
	for c := 'a'; c <= 'z'; c++ {
		t[c] = true
	}
	for c := 'A'; c <= 'Z'; c++ {
		t[c] = true
	}
	for c := '0'; c <= '9'; c++ {
		t[c] = true
	}
	for _, c := range "-_./:=,+@%^" {
		t[c] = true
	}
	return t
}()

// leadWords are words that mean something else to the parser at the start
// of a command: reserved words and the bash builtins it parses as clauses.
var leadWords = table.Map[string, bool]{Words: `if then else elif fi
	do done case esac while
	until for in select function
	time coproc let declare local
	export readonly typeset nameref
	@test`}

// fastWords splits a plain command on blanks. ok is false when src holds
// anything the shell would treat specially, or starts with an assignment
// or a reserved word; then only the parser can tell what it means.
func fastWords(src string) (words []string, ok bool) {
	n, in := 0, false
	for i := 0; i < len(src); i++ {
		c := src[i]
		if c == ' ' || c == '\t' {
			in = false
			continue
		}
		if !safeByte[c] && c != '~' {
			return nil, false
		}
		if !in {
			n++
			in = true
		}
	}
	if n == 0 {
		return nil, true
	}
	words = make([]string, 0, n)
	for i := 0; i < len(src); {
		for i < len(src) && (src[i] == ' ' || src[i] == '\t') {
			i++
		}
		j := i
		for j < len(src) && src[j] != ' ' && src[j] != '\t' {
			j++
		}
		if j > i {
			w := src[i:j]
			// ~ and ~/x stay literal for the caller to expand, as in the
			// parser's result; ~user is another home (dynamic) and a ~
			// elsewhere in a word is an ordinary byte.
			if w[0] == '~' && len(w) > 1 && w[1] != '/' {
				return nil, false
			}
			words = append(words, w)
		}
		i = j
	}
	if strings.IndexByte(words[0], '=') >= 0 || leadWords.Get(words[0]) {
		return nil, false
	}
	return words, true
}

// fastParse is Parse for plain commands, without the parser.
func fastParse(src string, at Place) (Result, bool) {
	if len(src) > MaxSource {
		return Result{}, false
	}
	words, ok := fastWords(src)
	if !ok {
		return Result{}, false
	}
	if len(words) == 0 {
		return Result{}, true
	}
	if progName(words[0]) == "xargs" {
		// xargs -a FILE: what FILE holds reaches the command it builds,
		// which the walk of a statement reads (walk.go), not emitWords.
		return Result{}, false
	}
	// a word naming a temporary or downloaded file may be one the
	// program runs (open ~/Downloads/Tool.app): the walk's scratch
	// reading looks at it (scratch.go)
	if name := progName(words[0]); (plainWords(name, words) || embedsOnly(name) && len(embeddedScripts(name, words)) == 0) &&
		!settingRuns(name, words) && !hasCommandOption(words) && !namesScratch(words[1:]) {
		cmds := append(commandArray(1), Command{Name: name, Program: words[0], Args: words[1:len(words):len(words)], kinds: nameKinds.Get(name) | kindKnown})
		return Result{Commands: cmds}, true
	}
	s := newState()
	defer s.free()
	s.at = at
	s.out = commandArray(4)
	s.emitWords(frame{src: src, pl: s.newPipe()}, words, nil, nil, false)
	return s.result(), true
}

// split is the fallback for text the parser rejects: commands end at ";",
// "&", "|", newlines, parentheses and backquotes, words at blanks, and
// quotes and backslashes are dropped. It over-reports rather than hides.
func (s *state) split(src string, f frame) {
	f.pl = nil
	var words []string
	var rs []Redirect
	op := "" // a redirection whose target is the next word
	var b strings.Builder
	word := func() {
		if b.Len() == 0 {
			return
		}
		switch {
		case op == "<<":
			// a here-document's delimiter, not a file
		case op != "":
			rs = append(rs, Redirect{Op: op, Target: b.String()})
		default:
			words = append(words, b.String())
		}
		op = ""
		b.Reset()
	}
	end := func(samePipe bool) {
		word()
		op = ""
		if len(words) > 0 || len(rs) > 0 {
			if f.pl == nil {
				f.pl = s.newPipe()
			}
			s.emitWords(f, words, nil, rs, false)
			words, rs = nil, nil
		}
		if samePipe && f.pl != nil {
			f.pl.stage++
		} else {
			f.pl = nil
		}
	}
	for i := 0; i < len(src); i++ {
		if len(s.out) >= MaxCommands {
			s.truncated = true
			return
		}
		switch c := src[i]; c {
		case '\'', '"', '\\':
		case ' ', '\t', '\r':
			word()
		case '|':
			if i+1 < len(src) && src[i+1] == '|' {
				i++
				end(false)
			} else {
				end(true)
			}
		case '>', '<':
			// Redirections still name the files written and read: "cat >
			// ~/.bashrc <<EOF" with its here-document cut off.
			if b.String() == "1" || b.String() == "2" {
				b.Reset() // a file descriptor number
			}
			word()
			op = string(c)
			if i+1 < len(src) && src[i+1] == c {
				op += string(c)
				i++
			}
			if op == "<<" && i+1 < len(src) && src[i+1] == '<' {
				op = "<<<"
				i++
			}
		case ';', '&', '\n', '(', ')', '`':
			if c == '(' && b.Len() > 0 && strings.HasSuffix(b.String(), "$") {
				s := b.String()
				b.Reset()
				b.WriteString(s[:len(s)-1])
			}
			end(false)
		default:
			b.WriteByte(c)
		}
	}
	end(false)
}
