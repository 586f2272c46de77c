package shell

import (
	"strconv"
	"unicode/utf8"
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
			return braced(code, j+1) // "\u{2f}": JavaScript, Ruby, PHP, Lua
		}
		if lang != "perl" && lang != "lua" && lang != "php" {
			return numeric(code, j+1, 16, 4, 4)
		}
	case 'U':
		if lang == "python" {
			return numeric(code, j+1, 16, 8, 8)
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
func braced(code string, j int) (string, int, bool) {
	k := j + 1
	for k < len(code) && k-j <= 8 && digitOf(code[k], 16) {
		k++
	}
	if k == j+1 || k >= len(code) || code[k] != '}' {
		return "", j, false
	}
	return character(code[j+1:k], 16, k+1)
}

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
