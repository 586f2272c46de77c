// Package jsonstr writes JSON strings without reflection, byte for byte as
// encoding/json writes them with HTML escaping off: for the audit log's
// canonical records and for answers built by hand on hot paths.
package jsonstr

import "unicode/utf8"

const hexDigits = "0123456789abcdef"

// Append appends s to b as a JSON string, quoted as encoding/json quotes
// one with HTML escaping off: \" \\ \b \f \n \r \t, other control
// bytes as \u00XX, U+2028 and U+2029 escaped, and each byte of invalid
// UTF-8 written as invalid (encoding/json writes `\ufffd`).
func Append(b []byte, s, invalid string) []byte {
	b = append(b, '"')
	start := 0
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if c >= 0x20 && c != '"' && c != '\\' {
				i = plainRun(s, i+1)
				continue
			}
			b = append(b, s[start:i]...)
			switch c {
			case '"', '\\':
				b = append(b, '\\', c)
			case '\b':
				b = append(b, '\\', 'b')
			case '\f':
				b = append(b, '\\', 'f')
			case '\n':
				b = append(b, '\\', 'n')
			case '\r':
				b = append(b, '\\', 'r')
			case '\t':
				b = append(b, '\\', 't')
			default:
				b = append(b, '\\', 'u', '0', '0', hexDigits[c>>4], hexDigits[c&0xf])
			}
			i++
			start = i
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			b = append(b, s[start:i]...)
			b = append(b, invalid...)
		case r == '\u2028' || r == '\u2029':
			b = append(b, s[start:i]...)
			b = append(b, '\\', 'u', '2', '0', '2', hexDigits[r&0xf])
		default:
			i += size
			continue
		}
		i += size
		start = i
	}
	b = append(b, s[start:]...)
	return append(b, '"')
}

// plainRun returns the index of the first byte of s at or after i that
// is not written as it is (a byte at 0x80 or above, a control byte, a
// quote or a backslash), or len(s). It reads eight bytes at a time while
// a whole word is plain, then byte by byte.
//
// A word is plain when it is ASCII (w's high bits clear) and no byte is a
// control byte, a quote or a backslash. With the high bits clear,
// subtracting from every byte sets a byte's high bit exactly when some
// byte at or below it was below what was subtracted: so q-ones flags a
// quote, k-ones a backslash and w-0x20*ones a control byte, each test
// exact for the word as a whole.
func plainRun(s string, i int) int {
	const (
		ones  = 0x0101010101010101
		highs = 0x8080808080808080
	)
	for ; i+8 <= len(s); i += 8 {
		t := s[i : i+8]
		w := uint64(t[0]) | uint64(t[1])<<8 | uint64(t[2])<<16 | uint64(t[3])<<24 |
			uint64(t[4])<<32 | uint64(t[5])<<40 | uint64(t[6])<<48 | uint64(t[7])<<56
		q := w ^ ('"' * ones)
		k := w ^ ('\\' * ones)
		if (w|(q-ones)|(k-ones)|(w-0x20*ones))&highs != 0 {
			break
		}
	}
	for ; i < len(s); i++ {
		if c := s[i]; c >= utf8.RuneSelf || c < 0x20 || c == '"' || c == '\\' {
			return i
		}
	}
	return i
}
