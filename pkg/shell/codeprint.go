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
		n, text, ok := quotedLiteral(lang, code[i:])
		if !ok {
			return 0, "", false
		}
		i += n
		for i < len(code) && (code[i] == ' ' || code[i] == '\t') {
			i++
		}
		if open {
			if i >= len(code) || code[i] != ')' {
				return 0, "", false // a second argument (print("a", end=""))
			}
			i++
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

// quotedLiteral reads the quoted string at the start of s: its length and
// its text. Double quotes decode escapes, and interpolation is refused;
// Perl's, Ruby's and PHP's single quotes keep their text but \\ and \'.
func quotedLiteral(lang, s string) (int, string, bool) {
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
	text, ok := decodeEscapes(raw)
	return end + 1, text, ok
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
