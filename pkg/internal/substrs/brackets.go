package substrs

import "strings"

// TopLevelEnd returns the index in code, from k on, of the first byte
// outside the brackets opened from k and outside quoted strings that is
// a closing bracket or one of stops, and that byte; -1 when there is none.
// A quoted string ends at its own quote; a backslash in it escapes the
// next byte (a call's arguments in most languages, SQL's values).
func TopLevelEnd(code string, k int, stops string) (int, byte) {
	depth := 0
	for i := k; i < len(code); i++ {
		switch c := code[i]; c {
		case '"', '\'':
			for i++; i < len(code) && code[i] != c; i++ {
				if code[i] == '\\' {
					i++
				}
			}
		case '(', '[', '{':
			depth++
		case ')', ']', '}':
			if depth == 0 {
				return i, c
			}
			depth--
		default:
			if depth == 0 && strings.IndexByte(stops, c) >= 0 {
				return i, c
			}
		}
	}
	return -1, 0
}
