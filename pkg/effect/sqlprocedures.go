package effect

import (
	"strings"

	"rampart.dev/pkg/internal/table"
)

// Code in an untrusted procedural language: PostgreSQL runs the body of a
// function or DO block written in plpython3u, plperlu, pltclu or plsh in
// that language's interpreter inside the server, with the server's
// rights (subprocess, os.system, open, sockets), as python3 -c BODY would
// on its machine. The trusted languages (plpgsql, sql, plperl, pltcl,
// plv8) cannot reach the system and are not read here.

// untrustedPLs maps each untrusted language's name (lower case) to the
// command line that runs the same code.
var untrustedPLs = table.Map[string, string]{Build: func() map[string]string {
	return map[string]string{
		"plpython3u": "python3 -c", "plpythonu": "python3 -c", "plpython2u": "python3 -c",
		"plperlu": "perl -e", "pltclu": "tclsh -c", "plsh": "sh -c",
	}
}}

// PLCommands returns, for SQL text that declares code in an untrusted
// procedural language, the command lines that run each body it gives:
// CREATE FUNCTION f() … AS $$BODY$$ LANGUAGE plpython3u, DO LANGUAGE
// plpython3u 'BODY', DO $$BODY$$ LANGUAGE plperlu.
func PLCommands(text string) []string {
	if indexFold(text, "language") < 0 {
		return nil
	}
	var out []string
	runner := ""
	for off := 0; ; {
		k := indexFold(text[off:], "language")
		if k < 0 {
			break
		}
		off += k + len("language")
		name := strings.Trim(firstField(text[off:]), "'\";,)")
		if r, ok := untrustedPLs.Lookup(strings.ToLower(name)); ok {
			runner = r
			break
		}
	}
	if runner == "" {
		return nil
	}
	for _, body := range plBodies(text) {
		if strings.TrimSpace(body) != "" {
			out = append(out, runner+" "+singleQuoted(body))
		}
	}
	return out
}

// plBodies returns the dollar-quoted strings of text ($$…$$, $f$…$f$) and
// the single-quoted string that follows AS or a DO's language name.
func plBodies(text string) []string {
	var out []string
	for i := 0; i < len(text); i++ {
		if text[i] != '$' {
			continue
		}
		j := i + 1
		for j < len(text) && (text[j] == '_' || text[j] >= 'a' && text[j] <= 'z' || text[j] >= 'A' && text[j] <= 'Z') {
			j++
		}
		if j >= len(text) || text[j] != '$' {
			continue
		}
		tag := text[i : j+1]
		end := strings.Index(text[j+1:], tag)
		if end < 0 {
			break
		}
		out = append(out, text[j+1:j+1+end])
		i = j + end + len(tag)
	}
	if len(out) > 0 {
		return out
	}
	for _, w := range [...]string{"as", "plpython3u", "plpythonu", "plperlu", "pltclu", "plsh"} {
		for off := 0; ; {
			k := indexFold(text[off:], w)
			if k < 0 {
				break
			}
			off += k + len(w)
			if name, ok := sqlLiteralAt(text, off); ok && off < len(text) && (text[off] == ' ' || text[off] == '\t' || text[off] == '\n') {
				out = append(out, name)
			}
		}
	}
	return out
}

// firstField is the first blank-separated word of s.
func firstField(s string) string {
	s = strings.TrimLeft(s, " \t\n")
	if i := strings.IndexAny(s, " \t\n"); i >= 0 {
		return s[:i]
	}
	return s
}

// singleQuoted quotes s as one shell word.
func singleQuoted(s string) string {
	return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'"
}
