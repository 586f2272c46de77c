package shell

import "strings"

// Plain sed and awk scripts.
//
// sed 's/a/b/g' and awk '{print $1}' are filters too: they read their
// input and print a transformation of it, and run, read or write nothing
// else. The walk (runsNothing) and the effects (package effect) skip
// their readings for them as for the filters of filters.go, when the
// script is one of the shapes below and the walk resolved it whole.

// PlainScript reports whether program name's script s is plain: sed's
// by plainSedScript, awk's by plainAwkProgram; no other program's.
func PlainScript(name, s string) bool {
	switch name {
	case "sed", "gsed":
		return plainSedScript(s)
	case "awk", "gawk", "mawk", "nawk":
		return plainAwkProgram(s)
	}
	return false
}

// plainScriptCommand reports whether words (a command's, its program
// first) run sed or awk on a plain script (PlainScript) with no option
// but sed's -n, -E, -r, -s, -z and -u and awk's -F: nothing the
// walk's reading of what a command runs (runs) could find anything in.
// A command with a word the walk could not resolve is not one.
func plainScriptCommand(c *Command, words []string) bool {
	if c.Dynamic || len(words) < 2 {
		return false
	}
	name := words[0]
	sed := name == "sed" || name == "gsed"
	if !sed && name != "awk" && name != "gawk" && name != "mawk" && name != "nawk" {
		return false
	}
	script := -1
	for k := 1; k < len(words); k++ {
		w := words[k]
		switch {
		case script < 0 && sed && (w == "-n" || w == "-E" || w == "-r" || w == "-s" || w == "-z" || w == "-u"):
		case script < 0 && !sed && w == "-F" && k+1 < len(words):
			k++
		case script < 0 && !sed && strings.HasPrefix(w, "-F") && len(w) > 2:
		case w == "-" || !strings.HasPrefix(w, "-"):
			if script < 0 {
				script = k
			}
		default:
			return false
		}
	}
	return script > 0 && PlainScript(name, words[script])
}

// plainAwkProgram reports whether an awk program only prints fields of
// each line it reads: {print}, {print $1}, { print $1, $NF; }, {print
// NR, $0}, and 1 (every line as it is). Anything else (a pattern, a redirection, a pipe, system(),
// getline, a function, a string) is read in full.
func plainAwkProgram(s string) bool {
	if strings.TrimSpace(s) == "1" {
		return true // a pattern always true, with the default action: print
	}
	body, ok := strings.CutPrefix(strings.TrimSpace(s), "{")
	if !ok {
		return false
	}
	if body, ok = strings.CutSuffix(body, "}"); !ok {
		return false
	}
	rest, ok := strings.CutPrefix(strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(body), ";")), "print")
	if !ok {
		return false
	}
	// Its fields, between blanks, tabs and commas, read in place (a
	// multi-byte character holds none of those bytes).
	for rest != "" {
		if awkFieldSep(rest[0]) {
			rest = rest[1:]
			continue
		}
		j := 1
		for j < len(rest) && !awkFieldSep(rest[j]) {
			j++
		}
		f := rest[:j]
		rest = rest[j:]
		if f == "NR" || f == "NF" {
			continue
		}
		if v, ok := strings.CutPrefix(f, "$"); !ok || v != "NF" && !allDigits(v) {
			return false
		}
	}
	return true
}

// awkFieldSep reports the bytes plainAwkProgram reads fields between.
func awkFieldSep(c byte) bool { return c == ' ' || c == '\t' || c == ',' }

// allDigits reports a word of ASCII digits, at least one.
func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}

// plainSedScript reports whether a sed script given as its first word is
// one command that only prints, deletes or substitutes on the lines it
// reads: an optional line address (N, N,M, N,$, $) and p, d or q; or
// s/RE/TEXT/ with no backslash, no other delimiter and only the g, p, i,
// I and number flags. Nothing here reads, writes or runs a file or a
// command (sed's e, r, R, w and W, the s command's e and w flags), and a
// script of any other shape is read in full.
func plainSedScript(s string) bool {
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '\\', '\n', ';', '{', '}':
			return false
		}
	}
	if rest, ok := strings.CutPrefix(s, "s/"); ok {
		// RE/TEXT/FLAGS: exactly two more slashes, then only flags
		return strings.Count(rest, "/") == 2 && onlyBytes(rest[strings.LastIndexByte(rest, '/')+1:], "gpiI0123456789")
	}
	if s == "" {
		return false
	}
	switch s[len(s)-1] {
	case 'p', 'd', 'q':
	default:
		return false
	}
	addr := s[:len(s)-1]
	return onlyBytes(addr, "0123456789,$") && strings.Count(addr, ",") <= 1
}

// onlyBytes reports whether every byte of s is one of set's (ASCII), as
// strings.Trim(s, set) == "" does, without making Trim's set each time.
func onlyBytes(s, set string) bool {
	for i := 0; i < len(s); i++ {
		if strings.IndexByte(set, s[i]) < 0 {
			return false
		}
	}
	return true
}
