package engine

import (
	"encoding/base64"
	"encoding/hex"
	"slices"
	"strconv"
	"strings"
)

// Dynamic SQL hides its statement in text the server decodes or rewrites
// before it runs it: a hex literal (SET @q = 0x44524f50…, X'…'), UNHEX,
// FROM_BASE64, PostgreSQL's decode(…, 'base64') under convert_from,
// characters by their codes (chr(68) || chr(82), CHAR(68,82,79,80)),
// REPLACE and REVERSE of a literal. Folded here as the server would, the
// statement reads as what it is (sqlconst.go calls these for each term).

// sqlBytesLiteral folds a literal that is not a quoted string: a hex
// literal (0x…, X'…') to the bytes it spells, and a number to its digits
// (CONCAT('v', 2) is 'v2'; CHAR(68) reads the digits as a code).
func sqlBytesLiteral(rest string) (string, string, bool) {
	if len(rest) > 2 && (rest[0] == 'X' || rest[0] == 'x') && rest[1] == '\'' {
		end := strings.IndexByte(rest[2:], '\'')
		if end < 0 {
			return "", rest, false
		}
		b, err := hex.DecodeString(rest[2 : 2+end])
		return string(b), rest[3+end:], err == nil
	}
	if rest == "" || rest[0] < '0' || rest[0] > '9' {
		return "", rest, false
	}
	if len(rest) > 2 && rest[0] == '0' && (rest[1] == 'x' || rest[1] == 'X') {
		i := 2
		for i < len(rest) && isHexDigit(rest[i]) {
			i++
		}
		if i < len(rest) && isSQLWord(rest[i]) {
			return "", rest, false
		}
		b, err := hex.DecodeString(rest[2:i])
		return string(b), rest[i:], err == nil
	}
	i := 0
	for i < len(rest) && rest[i] >= '0' && rest[i] <= '9' {
		i++
	}
	if i < len(rest) && isSQLWord(rest[i]) {
		return "", rest, false // 1st_table: a name, not a number
	}
	return rest[:i], rest[i:], true
}

// sqlTextFunction folds a call of a function that turns constant text into
// other text: REPLACE, REVERSE, CHR and CHAR, UNHEX, FROM_BASE64, decode
// with a base64, hex or escape format, and convert_from (bytes read as
// text). Its result is the text the server would compute.
func sqlTextFunction(name string, args []string) (string, bool) {
	switch {
	case name == "REPLACE" && len(args) == 3 && args[1] != "":
		return strings.ReplaceAll(args[0], args[1], args[2]), true
	case name == "REVERSE" && len(args) == 1:
		r := []rune(args[0])
		for i, j := 0, len(r)-1; i < j; i, j = i+1, j-1 {
			r[i], r[j] = r[j], r[i]
		}
		return string(r), true
	case (name == "CHR" || name == "CHAR" || name == "NCHAR") && len(args) > 0:
		var b strings.Builder
		for _, a := range args {
			n, err := strconv.Atoi(strings.TrimSpace(a))
			if err != nil || n <= 0 || n > 0x10ffff {
				return "", false
			}
			b.WriteRune(rune(n))
		}
		return b.String(), true
	case name == "UNHEX" && len(args) == 1:
		b, err := hex.DecodeString(args[0])
		return string(b), err == nil
	case name == "FROM_BASE64" && len(args) == 1:
		return decodeBase64Text(args[0])
	case name == "DECODE" && len(args) == 2:
		switch strings.ToLower(args[1]) {
		case "base64":
			return decodeBase64Text(args[0])
		case "hex":
			b, err := hex.DecodeString(args[0])
			return string(b), err == nil
		case "escape":
			return args[0], true
		}
	case name == "CONVERT_FROM" && len(args) == 2, name == "CAST" && len(args) == 1, name == "CONVERT" && len(args) <= 2 && len(args) > 0:
		// the same text as another type or character set; bytes of
		// UTF-16 (SQL Server's nvarchar) read as the text they spell
		if t, ok := utf16Text(args[0]); ok {
			return t, true
		}
		return args[0], true
	case name == "ENCODE" && len(args) == 2 && strings.EqualFold(args[1], "escape"):
		return args[0], true // bytes written back as the text they are
	case (name == "SUBSTRING" || name == "SUBSTR" || name == "MID") && (len(args) == 2 || len(args) == 3):
		return sqlSubstring(args)
	case (name == "LEFT" || name == "RIGHT") && len(args) == 2:
		n, err := strconv.Atoi(strings.TrimSpace(args[1]))
		r := []rune(args[0])
		if err != nil || n < 0 {
			return "", false
		}
		n = min(n, len(r))
		if name == "LEFT" {
			return string(r[:n]), true
		}
		return string(r[len(r)-n:]), true
	case name == "TRANSLATE" && len(args) == 3:
		return sqlTranslate(args[0], args[1], args[2]), true
	}
	return "", false
}

// sqlSubstring is SUBSTRING(s, pos[, len]): from the 1-based pos, len
// characters or the rest.
func sqlSubstring(args []string) (string, bool) {
	r := []rune(args[0])
	pos, err := strconv.Atoi(strings.TrimSpace(args[1]))
	if err != nil || pos < 1 || pos > len(r)+1 {
		return "", false
	}
	end := len(r)
	if len(args) == 3 {
		n, err := strconv.Atoi(strings.TrimSpace(args[2]))
		if err != nil || n < 0 {
			return "", false
		}
		end = min(end, pos-1+n)
	}
	return string(r[pos-1 : end]), true
}

// utf16Text reads bytes that are UTF-16 little-endian text of ASCII
// (D\x00R\x00…, a hex literal cast to nvarchar) as that text.
func utf16Text(s string) (string, bool) {
	if len(s) < 2 || len(s)%2 != 0 {
		return "", false
	}
	b := make([]byte, 0, len(s)/2)
	for i := 0; i < len(s); i += 2 {
		if s[i+1] != 0 || s[i] == 0 || s[i] >= 0x80 {
			return "", false
		}
		b = append(b, s[i])
	}
	return string(b), true
}

// sqlCast folds a PostgreSQL cast after a constant (text::type): a string
// in bytea's hex form ('\x4452…'::bytea) is the bytes it spells, any
// other cast the same text. It returns the text and what follows.
func sqlCast(text, next string) (string, string) {
	rest := strings.TrimLeft(next, " \t\n")
	if !strings.HasPrefix(rest, "::") {
		return text, next
	}
	rest = strings.TrimLeft(rest[2:], " \t\n")
	i := 0
	for i < len(rest) && (isSQLWord(rest[i]) || rest[i] == ' ' && i+1 < len(rest) && isSQLWord(rest[i+1]) && strings.HasPrefix(strings.ToLower(rest[:i]), "character")) {
		i++
	}
	if i == 0 {
		return text, next
	}
	typ := strings.ToLower(rest[:i])
	rest = rest[i:]
	if strings.HasPrefix(rest, "(") {
		if j := strings.IndexByte(rest, ')'); j > 0 {
			rest = rest[j+1:]
		}
	}
	if typ == "bytea" && strings.HasPrefix(text, `\x`) {
		if b, err := hex.DecodeString(text[2:]); err == nil {
			return string(b), rest
		}
	}
	return text, rest
}

// skipConvertType drops the text type SQL Server's CONVERT names first
// (CONVERT(nvarchar(100), x), CONVERT(varchar(max), x)), keeping the
// value it converts; any other first argument is kept.
func skipConvertType(args string) string {
	t := strings.TrimLeft(args, " \t\n")
	i := 0
	for i < len(t) && isSQLWord(t[i]) {
		i++
	}
	switch strings.ToLower(t[:i]) {
	case "nvarchar", "varchar", "nchar", "char", "ntext", "text", "sysname":
	default:
		return args
	}
	t = strings.TrimLeft(t[i:], " \t\n")
	if strings.HasPrefix(t, "(") {
		j := strings.IndexByte(t, ')')
		if j < 0 {
			return args
		}
		t = strings.TrimLeft(t[j+1:], " \t\n")
	}
	if !strings.HasPrefix(t, ",") {
		return args
	}
	return t[1:]
}

// decodeBase64Text decodes standard base64, padded or not.
func decodeBase64Text(s string) (string, bool) {
	s = strings.Join(strings.Fields(s), "")
	b, err := base64.StdEncoding.DecodeString(s)
	if err != nil {
		b, err = base64.RawStdEncoding.DecodeString(strings.TrimRight(s, "="))
	}
	return string(b), err == nil
}

// positionalArg returns how many bytes a format()'s argument position
// takes ("1$" of %1$I), or 0 when the placeholder has none.
func positionalArg(f string) int {
	if len(f) > 2 && f[0] >= '1' && f[0] <= '9' && f[1] == '$' {
		return 2
	}
	return 0
}

// sqlTranslate is PostgreSQL's translate(): each character of from
// replaced by the one at its place in to, or dropped when to is shorter.
func sqlTranslate(s, from, to string) string {
	f, t := []rune(from), []rune(to)
	var b strings.Builder
	for _, r := range s {
		k := slices.Index(f, r)
		switch {
		case k < 0:
			b.WriteRune(r)
		case k < len(t):
			b.WriteRune(t[k])
		}
	}
	return b.String()
}

// sqlEscapeString reads PostgreSQL's escape string (E'…', rest at its
// opening quote): \xHH, octal \NNN, \n, \t and an escaped character are
// what they stand for. It returns the text, what follows, and whether
// the string was closed.
func sqlEscapeString(rest string) (string, string, bool) {
	var b strings.Builder
	for i := 1; i < len(rest); i++ {
		c := rest[i]
		switch {
		case c == '\'' && i+1 < len(rest) && rest[i+1] == '\'':
			b.WriteByte('\'')
			i++
		case c == '\'':
			return b.String(), rest[i+1:], true
		case c == '\\' && i+1 < len(rest):
			i++
			switch d := rest[i]; {
			case d == 'x' && i+2 < len(rest) && isHexDigit(rest[i+1]) && isHexDigit(rest[i+2]):
				v, _ := hex.DecodeString(rest[i+1 : i+3])
				b.Write(v)
				i += 2
			case d >= '0' && d <= '7' && i+2 < len(rest) && isOctal(rest[i+1]) && isOctal(rest[i+2]):
				b.WriteByte((d-'0')<<6 | (rest[i+1]-'0')<<3 | (rest[i+2] - '0'))
				i += 2
			case d == 'n':
				b.WriteByte('\n')
			case d == 't':
				b.WriteByte('\t')
			default:
				b.WriteByte(d)
			}
		default:
			b.WriteByte(c)
		}
	}
	return b.String(), "", false
}

// typeClause reports a call's closing type clause (USING charset, AS
// type) and returns what follows the call's closing bracket.
func typeClause(next string) (string, bool) {
	u := strings.ToUpper(next)
	if !strings.HasPrefix(u, "USING ") && !strings.HasPrefix(u, "AS ") {
		return "", false
	}
	depth := 0
	for i := 0; i < len(next); i++ {
		switch next[i] {
		case '(':
			depth++
		case ')':
			if depth == 0 {
				return next[i+1:], true
			}
			depth--
		case '\'', ';':
			return "", false
		}
	}
	return "", false
}
