package effect

import (
	"strings"

	"rampart.dev/pkg/internal/substrs"
)

// WrittenText is a file SQL writes with the text it puts there, when the
// statement spells that text out: SELECT '<?php …' INTO OUTFILE 'P',
// COPY (SELECT 'curl … | sh') TO 'P', lo_export(lo_from_bytea(0, 'KEY'),
// 'P'), SQLite's writefile('P', 'TEXT'). A file written so is judged by
// what it holds, as the write tool's file is: a start-up file that runs a
// download, a key put in authorized_keys, a page that runs requests'
// commands.
type WrittenText struct {
	Path, Text string
}

// SQLWrittenTexts returns the files SQL text writes with a literal it
// spells out (WrittenText).
func SQLWrittenTexts(text string) []WrittenText {
	if len(text) < 16 || !strings.Contains(text, "'") {
		return nil
	}
	var out []WrittenText
	u := strings.ToUpper(text)
	// SELECT 'TEXT' INTO OUTFILE|DUMPFILE 'P' (MySQL)
	for _, w := range [...]string{"OUTFILE", "DUMPFILE"} {
		for off := 0; ; {
			k := strings.Index(u[off:], w)
			if k < 0 {
				break
			}
			k += off
			off = k + len(w)
			p, ok := sqlLiteralAt(text, off)
			s := strings.LastIndex(u[:k], "SELECT")
			if !ok || s < 0 {
				continue
			}
			if t, ok := sqlLiteralAt(text, s+len("SELECT")); ok {
				out = append(out, WrittenText{p, t})
			}
		}
	}
	// COPY (SELECT 'TEXT') TO 'P' (PostgreSQL)
	for stmt := range strings.SplitSeq(text, ";") {
		us := strings.ToUpper(strings.TrimSpace(stmt))
		s := strings.TrimSpace(stmt)
		rest, ok := strings.CutPrefix(us, "COPY")
		if !ok || !strings.HasPrefix(strings.TrimLeft(rest, " \t\n("), "SELECT") {
			continue
		}
		k := strings.LastIndex(us, " TO ")
		sel := strings.Index(us, "SELECT")
		if k < 0 || sel > k {
			continue
		}
		p, ok := sqlLiteralAt(s, k+len(" TO "))
		if !ok {
			continue
		}
		if t, ok := sqlLiteralAt(s, sel+len("SELECT")); ok {
			out = append(out, WrittenText{p, t})
		}
	}
	// lo_export(lo_from_bytea(OID, 'TEXT'), 'P') (PostgreSQL)
	for k := range substrs.Occurrences(u, "LO_EXPORT(") {
		k += len("LO_EXPORT(")
		c := topLevelComma(text[k:])
		if c < 0 {
			continue
		}
		p, ok := sqlLiteralAt(text, k+c+1)
		b := strings.Index(u[k:k+c], "FROM_BYTEA(")
		if !ok || b < 0 {
			continue
		}
		arg := k + b + len("FROM_BYTEA(")
		if d := topLevelComma(text[arg:]); d >= 0 {
			if t, ok := sqlLiteralAt(text, afterCallName(text, arg+d+1)); ok {
				out = append(out, WrittenText{p, t})
			}
		}
	}
	// writefile('P', 'TEXT') (SQLite's CLI)
	for k := range substrs.Occurrences(u, "WRITEFILE(") {
		k += len("WRITEFILE(")
		p, ok := sqlLiteralAt(text, k)
		c := topLevelComma(text[k:])
		if !ok || c < 0 {
			continue
		}
		if t, ok := sqlLiteralAt(text, k+c+1); ok {
			out = append(out, WrittenText{p, t})
		}
	}
	return out
}

// afterCallName skips, from i, blanks and the name of a function whose
// first argument is the text itself (convert_to('…', 'UTF8')), so that
// the literal inside is read.
func afterCallName(text string, i int) int {
	j := i
	for j < len(text) && (text[j] == ' ' || text[j] == '\t' || text[j] == '\n') {
		j++
	}
	k := j
	for k < len(text) && (text[k] == '_' || text[k] >= 'a' && text[k] <= 'z' || text[k] >= 'A' && text[k] <= 'Z') {
		k++
	}
	if k > j && k < len(text) && text[k] == '(' {
		return k + 1
	}
	return i
}
