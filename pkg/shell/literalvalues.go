package shell

import "strings"

// A literal bound to a name is not always the whole right side of its
// binding as written: languages wrap a string in calls that give the same
// text back (Rust's String::from("…") and "…".to_string(), Java's
// String.valueOf("…"), Kotlin's "…".trim()), mark it with a one-letter
// prefix that changes how it is read but not what a plain one holds (Rust's
// r"…", C#'s @"…", Scala's s"…" without an interpolation), put it in
// parentheses, or end the line with a comment (val d = "…" // target).
// valueSpan widens the literal to those wrappers, and statementEnds reads a
// comment as the end of the line's code, so that such a binding is the
// name for its literal as the plain one is (literalnames.go).

// identityCalls are the calls around a string that give its text back.
var identityCalls = [...]string{"String::from(", "String.valueOf(", "String(", "str(", "("}

// identitySuffixes are the methods on a string that give its text back
// (or a copy, an owned value, a view of it).
var identitySuffixes = [...]string{".to_string()", ".to_owned()", ".into()", ".toString()", ".trim()",
	".strip()", ".as_str()", ".String()", ".clone()", ".to_s", ".toPath()"}

// valueSpan gives the span of the value a literal at code[i:end] is the
// text of: from the start of a call or prefix that wraps it to the end of
// the suffixes that give it back; i and end when there are none.
func valueSpan(code string, i, end int) (from, stop int) {
	from, stop = i, end
	if from > 0 && strings.IndexByte("r@s", code[from-1]) >= 0 && (from == 1 || !isIdent(code[from-2])) {
		from-- // r"…", @"…", s"…"
	}
	for _, c := range identityCalls {
		if !strings.HasSuffix(code[:from], c) || from > len(c) && isIdent(code[from-len(c)-1]) {
			continue
		}
		k := stop
		for k < len(code) && code[k] == ' ' {
			k++
		}
		if k < len(code) && code[k] == ')' {
			from, stop = from-len(c), k+1
		}
		break
	}
	for {
		found := false
		for _, s := range identitySuffixes {
			if strings.HasPrefix(code[stop:], s) {
				stop += len(s)
				found = true
			}
		}
		if !found {
			return from, stop
		}
	}
}

// lineStart gives where the line that holds code[at] starts.
func lineStart(code string, at int) int {
	return strings.LastIndexByte(code[:at], '\n') + 1
}

// skipBlockComment gives rest after a block comment it starts with
// (/* … */); rest itself otherwise.
func skipBlockComment(rest string) string {
	if !strings.HasPrefix(rest, "/*") {
		return rest
	}
	if k := strings.Index(rest[2:], "*/"); k >= 0 {
		return rest[k+4:]
	}
	return rest
}

// lineComment reports whether rest starts a comment that runs to the end
// of the line: //, -- (Haskell, Lua, SQL) or #.
func lineComment(rest string) bool {
	return strings.HasPrefix(rest, "//") || strings.HasPrefix(rest, "-- ") || strings.HasPrefix(rest, "# ")
}
