package shell

import (
	"strings"

	"rampart.dev/pkg/internal/table"
)

// What an interpreter one-liner that only prints literal strings prints.
//
// python3 -c 'print("TEXT")', node -e 'console.log("TEXT")', perl -e
// 'print "TEXT\n"', ruby -e 'puts "TEXT"' and php -r 'echo "TEXT";' are
// text carriers as echo is: what they print into a file or a pipe is
// that text, and a shell reading it runs it (python3 -c 'print("make")' |
// sh). The code must be nothing but such calls, each of one quoted
// literal with no interpolation ("$x" in Perl, "#{x}" in Ruby, a template
// in Node, an f-string in Python), separated by ";" or new lines; any
// other code (a variable, a second argument, a keyword, another call)
// is not read, and the output stays unknown.

// printCall is one language's call that prints its argument.
type printCall struct {
	name   string
	nl     bool // adds a new line (print, puts, console.log, say)
	parens bool // the argument is in parentheses, which cannot be left out
}

// printCalls are the literal-printing calls of each one-liner language,
// longest first where one name starts another.
var printCalls = table.Map[string, []printCall]{Build: func() map[string][]printCall {
	return map[string][]printCall{
		"python": {{"sys.stdout.write", false, true}, {"print", true, true}},
		"node":   {{"process.stdout.write", false, true}, {"console.log", true, true}, {"console.info", true, true}},
		"perl":   {{"print", false, false}, {"say", true, false}},
		"ruby":   {{"$stdout.puts", true, false}, {"STDOUT.puts", true, false}, {"$stdout.write", false, false}, {"puts", true, false}, {"print", false, false}},
		"php":    {{"echo", false, false}, {"print", false, false}},
	}
}}

// codePrintText is what an interpreter one-liner (words) prints when its
// code only prints literal strings; ok is false otherwise.
func codePrintText(words []string) (string, bool) {
	lang := scriptLang(progName(words[0]))
	calls := printCalls.Get(lang)
	if calls == nil {
		return "", false
	}
	_, code, ok := interpCode(words)
	if !ok || !carrierOptions(lang, words, code) {
		return "", false
	}
	var out strings.Builder
	rest := strings.TrimSpace(code)
	if lang == "php" {
		rest = strings.TrimSpace(strings.TrimPrefix(rest, "<?php"))
	}
	for rest != "" {
		if lang == "python" && strings.HasPrefix(rest, "import sys") && (len(rest) == 10 || strings.ContainsRune(" \t\r\n;", rune(rest[10]))) {
			rest = strings.TrimLeft(rest[10:], " \t\r\n;") // for sys.stdout.write
			continue
		}
		n, text, ok := literalPrint(lang, calls, rest)
		if !ok {
			return "", false
		}
		out.WriteString(text)
		rest = strings.TrimLeft(rest[n:], " \t\r\n;")
	}
	return out.String(), out.Len() > 0
}

// literalPrint reads one call of calls at the start of code: the bytes it
// takes and what it prints.
func literalPrint(lang string, calls []printCall, code string) (int, string, bool) {
	for _, pc := range calls {
		rest, found := strings.CutPrefix(code, pc.name)
		if !found {
			continue
		}
		i := len(code) - len(rest)
		i += len(rest) - len(strings.TrimLeft(rest, " \t"))
		open := i < len(code) && code[i] == '('
		if open {
			i++
			for i < len(code) && (code[i] == ' ' || code[i] == '\t') {
				i++
			}
		} else if pc.parens || i == len(code)-len(rest) {
			return 0, "", false // print_x, or a call without its parentheses
		}
		n, text, ok := adjacentLiterals(lang, code[i:])
		if !ok {
			return 0, "", false
		}
		i += n
		end, hasEnd := "", false
		if open && lang == "python" {
			n, end, hasEnd, ok = pythonPrintKeywords(code[i:])
			if !ok {
				return 0, "", false
			}
			i += n
		}
		if open {
			if i >= len(code) || code[i] != ')' {
				return 0, "", false // a second argument (print("a", "b"))
			}
			i++
		}
		if hasEnd && pc.nl {
			text += end // print("a", end="")
			pc.nl = false
		}
		if i < len(code) && !strings.ContainsRune(" \t\r\n;", rune(code[i])) {
			return 0, "", false // "a" . $x, "a".upcase, ("a") + b
		}
		if pc.nl && !(lang == "ruby" && strings.HasSuffix(text, "\n")) {
			text += "\n"
		}
		return i, text, true
	}
	return 0, "", false
}

// adjacentLiterals reads the quoted string at the start of s and those
// right after it that the language joins to it ("go " "test" in Python
// and Ruby), and the blanks after them: the bytes taken and the text.
func adjacentLiterals(lang, s string) (int, string, bool) {
	n, text, ok := quotedLiteral(lang, s)
	if !ok {
		return 0, "", false
	}
	for {
		j := n
		for j < len(s) && (s[j] == ' ' || s[j] == '\t') {
			j++
		}
		if lang != "python" && lang != "ruby" || j == n || j >= len(s) {
			return j, text, true
		}
		m, more, ok := quotedLiteral(lang, s[j:])
		if !ok {
			return j, text, true
		}
		n, text = j+m, text+more
	}
}

// pythonPrintKeywords reads print's keyword arguments after its literal:
// end= (a literal, printed instead of the new line), sep= (a literal; one
// value has nothing to separate) and flush= (True or False). It reports
// the bytes taken, end's text and whether end was given.
func pythonPrintKeywords(s string) (n int, end string, hasEnd, ok bool) {
	for {
		rest := strings.TrimLeft(s[n:], " \t")
		if !strings.HasPrefix(rest, ",") {
			return n, end, hasEnd, true
		}
		rest = strings.TrimLeft(rest[1:], " \t")
		key, val, found := strings.Cut(rest, "=")
		if !found {
			return 0, "", false, false
		}
		key = strings.TrimSpace(key)
		val = strings.TrimLeft(val, " \t")
		at := len(s) - len(val)
		switch key {
		case "end", "sep":
			m, text, ok := adjacentLiterals("python", val)
			if !ok {
				return 0, "", false, false
			}
			if key == "end" {
				end, hasEnd = text, true
			}
			n = at + m
		case "flush":
			b, found := "", false
			for _, w := range []string{"True", "False"} {
				if strings.HasPrefix(val, w) {
					b, found = w, true
				}
			}
			if !found {
				return 0, "", false, false
			}
			n = at + len(b)
		default:
			return 0, "", false, false // file=sys.stderr, a second value
		}
	}
}

// quotedLiteral reads the quoted string at the start of s: its length and
// its text. Double quotes decode escapes, and interpolation is refused;
// Perl's, Ruby's and PHP's single quotes keep their text but \\ and \'.
func quotedLiteral(lang, s string) (int, string, bool) {
	if lang == "python" && len(s) > 2 && (s[0] == 'r' || s[0] == 'R') && (s[1] == '"' || s[1] == '\'') {
		return rawLiteral(s[1:])
	}
	if len(s) < 2 || s[0] != '"' && s[0] != '\'' {
		return 0, "", false
	}
	q := s[0]
	end := -1
	for i := 1; i < len(s); i++ {
		if s[i] == '\\' {
			i++
			continue
		}
		if s[i] == q {
			end = i
			break
		}
	}
	if end < 0 {
		return 0, "", false
	}
	raw := s[1:end]
	interpolating := q == '"' || lang == "python" || lang == "node"
	if !interpolating {
		return end + 1, strings.NewReplacer(`\\`, `\`, `\'`, `'`).Replace(raw), true
	}
	switch lang {
	case "perl", "php":
		if strings.ContainsAny(raw, "$@") {
			return 0, "", false
		}
	case "ruby":
		if strings.Contains(raw, "#{") || strings.Contains(raw, "#$") || strings.Contains(raw, "#@") {
			return 0, "", false
		}
	}
	if lang == "perl" && strings.ContainsAny(raw, "ULulEQ") {
		text, ok := perlCaseEscapes(raw)
		return end + 1, text, ok
	}
	text, ok := decodeEscapes(raw)
	return end + 1, text, ok
}

// perlCaseEscapes decodes a Perl double-quoted string's text with its
// case escapes: \U and \L change the case of what follows up to \E, \u
// and \l of the next letter. \Q (quotemeta) is not read.
func perlCaseEscapes(raw string) (string, bool) {
	var out strings.Builder
	mode, next := byte(0), byte(0) // 'U' or 'L' until \E; 'u' or 'l' for one letter
	start := 0
	flush := func(seg string) bool {
		text, ok := decodeEscapes(seg)
		if !ok {
			return false
		}
		if next != 0 && text != "" {
			first := text[:1]
			if next == 'u' {
				first = strings.ToUpper(first)
			} else {
				first = strings.ToLower(first)
			}
			text, next = first+text[1:], 0
		}
		switch mode {
		case 'U':
			text = strings.ToUpper(text)
		case 'L':
			text = strings.ToLower(text)
		}
		out.WriteString(text)
		return true
	}
	for i := 0; i < len(raw); i++ {
		if raw[i] != '\\' || i+1 >= len(raw) {
			continue
		}
		c := raw[i+1]
		if !strings.ContainsRune("ULulEQ", rune(c)) {
			i++ // another escape, decoded with its segment
			continue
		}
		if c == 'Q' || !flush(raw[start:i]) {
			return "", false
		}
		switch c {
		case 'U', 'L':
			mode = c
		case 'E':
			mode = 0
		default:
			next = c
		}
		start = i + 2
		i++
	}
	if !flush(raw[start:]) {
		return "", false
	}
	return out.String(), true
}

// loopOrLoadLetters are the one-letter options of Perl and Ruby that make
// the one-liner print more than its literals or run other code: -n and -p
// loop over the input (-p printing each line), -a and -F imply -n, -i
// edits files in place, -M, -m and -r load modules, -I adds where they
// are found, -x reads the program from a file.
var loopOrLoadLetters = table.Map[string, string]{Build: func() map[string]string {
	return map[string]string{"perl": "npaFiMmIx", "ruby": "npaFirIx"}
}}

// loadOptions are options of Node and PHP that run other code or read the
// input: node -r/--require/--import/--loader, php -d (auto_prepend_file),
// -B/-R/-E/-F (code per input line).
var loadOptions = table.Map[string, []string]{Build: func() map[string][]string {
	return map[string][]string{
		"node": {"-r", "--require", "--import", "--loader", "--experimental-loader"},
		"php":  {"-d", "-B", "-R", "-E", "-F"},
	}
}}

// carrierOptions reports whether the options of a one-liner (words, whose
// code is code) leave it printing only its code's literals.
func carrierOptions(lang string, words []string, code string) bool {
	letters := loopOrLoadLetters.Get(lang)
	opts := loadOptions.Get(lang)
	for _, w := range words[1:] {
		if w == code || w == "--" || !strings.HasPrefix(w, "-") {
			continue
		}
		for _, o := range opts {
			if w == o || strings.HasPrefix(w, o+"=") || len(o) == 2 && strings.HasPrefix(w, o) {
				return false
			}
		}
		if letters != "" && !strings.HasPrefix(w, "--") {
			for _, c := range w[1:] {
				if c == 'e' || c == 'E' {
					break // the code follows
				}
				if strings.ContainsRune(letters, c) {
					return false
				}
			}
		}
	}
	return true
}

// rawLiteral reads a Python raw string (r"…") from its quote: backslashes
// are kept as text, and one before the quote keeps the quote in it. It
// reports the bytes taken with the prefix.
func rawLiteral(s string) (int, string, bool) {
	q := s[0]
	for i := 1; i < len(s); i++ {
		if s[i] == '\\' {
			i++
			continue
		}
		if s[i] == q {
			return i + 2, s[1:i], true
		}
	}
	return 0, "", false
}
