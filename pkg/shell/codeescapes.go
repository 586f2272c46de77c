package shell

import (
	"strconv"
	"strings"
	"unicode/utf8"

	"rampart.dev/pkg/internal/table"
)

// Escapes in the string literals of code. A one-liner may spell a path or
// a command in numeric escapes ('\x2fhome\x2fdev', "\057etc", '\u002f',
// "\u{2f}", Lua's decimal "\47"): the language turns them into the
// characters they name before the call sees them, so the scanner reads
// them as those characters. The letters and their meaning are those the
// languages share (C's, with Python's \U and \N left out); Lua's digits
// are decimal, everyone else's octal.

// codeEscape decodes the escape whose letter is code[j] (the byte after a
// backslash) in a double-quoted (or Python or JavaScript) string of lang,
// giving the text it stands for and the index after it; ok is false for a
// letter that stands for itself (\" \\ \$) or is not decoded here.
func codeEscape(lang, code string, j int) (text string, next int, ok bool) {
	e := code[j]
	switch e {
	case 'n':
		return "\n", j + 1, true
	case 't':
		return "\t", j + 1, true
	case 'r':
		return "\r", j + 1, true
	case 'a':
		return "\a", j + 1, true
	case 'b':
		return "\b", j + 1, true
	case 'f':
		return "\f", j + 1, true
	case 'v':
		return "\v", j + 1, true
	case 'e':
		if lang == "ruby" || lang == "perl" || lang == "php" {
			return "\x1b", j + 1, true
		}
	case 'x':
		if j+1 < len(code) && code[j+1] == '{' && (lang == "perl" || lang == "php") {
			return braced(code, j+1) // "\x{2f}"
		}
		return numeric(code, j+1, 16, 2, 1)
	case 'u':
		if j+1 < len(code) && code[j+1] == '{' {
			if lang == "ruby" {
				return codepoints(code, j+1) // "\u{2f 68 6f}": several characters
			}
			return braced(code, j+1) // "\u{2f}": JavaScript, Ruby, PHP, Lua
		}
		if lang != "perl" && lang != "lua" && lang != "php" {
			return numeric(code, j+1, 16, 4, 4)
		}
	case 'U':
		if lang == "python" {
			return numeric(code, j+1, 16, 8, 8)
		}
	case 'o':
		if lang == "perl" && j+1 < len(code) && code[j+1] == '{' {
			return bracedBase(code, j+1, 8) // "\o{57}"
		}
	case 'N':
		if (lang == "python" || lang == "perl") && j+1 < len(code) && code[j+1] == '{' {
			return named(code, j+1) // "\N{SOLIDUS}", perl's "\N{U+2F}"
		}
	case 'z':
		if lang == "lua" {
			k := j + 1 // "\z" skips the blanks after it
			for k < len(code) && (code[k] == ' ' || code[k] == '\t' || code[k] == '\n' || code[k] == '\r') {
				k++
			}
			return "", k, true
		}
	}
	if e >= '0' && e <= '9' {
		if lang == "lua" {
			return numeric(code, j, 10, 3, 1) // "\47"
		}
		if e <= '7' {
			return numeric(code, j, 8, 3, 1) // "\057", "\0"
		}
	}
	return "", j, false
}

// numeric decodes between least and most digits of base from code[j:]
// as one character.
func numeric(code string, j, base, most, least int) (string, int, bool) {
	k := j
	for k < len(code) && k-j < most && digitOf(code[k], base) {
		k++
	}
	if k-j < least {
		return "", j, false
	}
	return character(code[j:k], base, k)
}

// braced decodes the hexadecimal digits inside {…} at code[j].
func braced(code string, j int) (string, int, bool) { return bracedBase(code, j, 16) }

// bracedBase decodes the digits of base inside {…} at code[j].
func bracedBase(code string, j, base int) (string, int, bool) {
	k := j + 1
	for k < len(code) && k-j <= 11 && digitOf(code[k], base) {
		k++
	}
	if k == j+1 || k >= len(code) || code[k] != '}' {
		return "", j, false
	}
	return character(code[j+1:k], base, k+1)
}

// codepoints decodes Ruby's "\u{…}", which may hold several hexadecimal
// code points separated by blanks ("\u{2f 68 6f 6d 65}").
func codepoints(code string, j int) (string, int, bool) {
	end := strings.IndexByte(code[j:], '}')
	if end < 0 || end > 80 {
		return "", j, false
	}
	var b strings.Builder
	for _, d := range strings.Fields(code[j+1 : j+end]) {
		t, _, ok := character(d, 16, 0)
		if !ok {
			return "", j, false
		}
		b.WriteString(t)
	}
	if b.Len() == 0 {
		return "", j, false
	}
	return b.String(), j + end + 1, true
}

// named decodes "\N{NAME}" at code[j] (the brace): Python's and Perl's
// Unicode character names, for the characters a command or a path is
// spelled with (charNames), and Perl's "\N{U+2F}".
func named(code string, j int) (string, int, bool) {
	end := strings.IndexByte(code[j:], '}')
	if end < 0 || end > 48 {
		return "", j, false
	}
	name := strings.ToUpper(strings.TrimSpace(code[j+1 : j+end]))
	next := j + end + 1
	if hex, ok := strings.CutPrefix(name, "U+"); ok {
		t, _, ok := character(hex, 16, 0)
		return t, next, ok
	}
	if r, ok := charNames.Lookup(name); ok {
		return string(r), next, true
	}
	for _, form := range [...]struct{ prefix, letters string }{
		{"LATIN SMALL LETTER ", "abcdefghijklmnopqrstuvwxyz"},
		{"LATIN CAPITAL LETTER ", "ABCDEFGHIJKLMNOPQRSTUVWXYZ"},
		{"DIGIT ", ""},
	} {
		rest, ok := strings.CutPrefix(name, form.prefix)
		if !ok {
			continue
		}
		if form.letters != "" && len(rest) == 1 && rest[0] >= 'A' && rest[0] <= 'Z' {
			return string(form.letters[rest[0]-'A']), next, true
		}
		if r, ok := digitNames.Lookup(rest); ok && form.letters == "" {
			return string(r), next, true
		}
	}
	return "", j, false
}

// charNames are the Unicode names of the punctuation a command line or a
// path is written with.
var charNames = table.Map[string, rune]{Build: func() map[string]rune {
	return map[string]rune{
		"SOLIDUS": '/', "REVERSE SOLIDUS": '\\', "TILDE": '~', "FULL STOP": '.', "PERIOD": '.',
		"SPACE": ' ', "HYPHEN-MINUS": '-', "DOLLAR SIGN": '$', "SEMICOLON": ';', "COLON": ':',
		"VERTICAL LINE": '|', "AMPERSAND": '&', "GREATER-THAN SIGN": '>', "LESS-THAN SIGN": '<',
		"APOSTROPHE": '\'', "QUOTATION MARK": '"', "GRAVE ACCENT": '`', "COMMERCIAL AT": '@',
		"NUMBER SIGN": '#', "ASTERISK": '*', "LEFT PARENTHESIS": '(', "RIGHT PARENTHESIS": ')',
		"LOW LINE": '_', "EQUALS SIGN": '=', "PERCENT SIGN": '%', "COMMA": ',', "PLUS SIGN": '+',
		"QUESTION MARK": '?', "EXCLAMATION MARK": '!', "LEFT CURLY BRACKET": '{', "RIGHT CURLY BRACKET": '}',
		"LEFT SQUARE BRACKET": '[', "RIGHT SQUARE BRACKET": ']', "LINE FEED": '\n', "LF": '\n',
		"CHARACTER TABULATION": '\t', "TAB": '\t', "NULL": 0,
	}
}}

// digitNames are the names of the ten digits after "DIGIT ".
var digitNames = table.Map[string, rune]{Build: func() map[string]rune {
	return map[string]rune{"ZERO": '0', "ONE": '1', "TWO": '2', "THREE": '3', "FOUR": '4',
		"FIVE": '5', "SIX": '6', "SEVEN": '7', "EIGHT": '8', "NINE": '9'}
}}

// escapingSingleQuotes are the languages whose single-quoted strings read
// escapes as their double-quoted ones do (Python, JavaScript, Lua, R);
// in Perl, Ruby, PHP and Vim script a single-quoted string keeps them.
var escapingSingleQuotes = table.Map[string, bool]{Words: "python node lua r"}

// character is the character the digits name, and next.
func character(digits string, base, next int) (string, int, bool) {
	n, err := strconv.ParseUint(digits, base, 32)
	if err != nil || n > utf8.MaxRune {
		return "", next, false
	}
	return string(rune(n)), next, true
}

// digitOf reports whether c is a digit of base (8, 10 or 16).
func digitOf(c byte, base int) bool {
	switch {
	case c >= '0' && c <= '9':
		return int(c-'0') < base
	case base == 16:
		return c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F'
	}
	return false
}
