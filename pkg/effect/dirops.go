package effect

import "strings"

// trimDirParam resolves a path that starts with a trimming expansion of
// the working or home directory, ${PWD%PAT}, ${PWD%%PAT}, ${PWD#PAT},
// ${PWD##PAT} (and the same of HOME), with the directory the command runs
// in and the home: "${PWD%/*}" in /home/dev/project is /home/dev. A
// pattern with a bracket expression is left alone.
func trimDirParam(p, cwd, home string) (string, bool) {
	rest, ok := strings.CutPrefix(p, "${")
	if !ok {
		return "", false
	}
	name, val := "", ""
	switch {
	case strings.HasPrefix(rest, "PWD"):
		name, val = "PWD", cwd
	case strings.HasPrefix(rest, "HOME"):
		name, val = "HOME", home
	default:
		return "", false
	}
	rest = rest[len(name):]
	end := strings.IndexByte(rest, '}')
	if end < 0 || val == "" {
		return "", false
	}
	op, tail := rest[:end], rest[end+1:]
	var pat string
	longest, suffix := false, false
	switch {
	case strings.HasPrefix(op, "%%"):
		pat, longest, suffix = op[2:], true, true
	case strings.HasPrefix(op, "%"):
		pat, suffix = op[1:], true
	case strings.HasPrefix(op, "##"):
		pat, longest = op[2:], true
	case strings.HasPrefix(op, "#"):
		pat = op[1:]
	default:
		return "", false
	}
	if strings.ContainsAny(pat, "[]$`\\\"'{}") || strings.Count(pat, "*") > 3 {
		return "", false
	}
	n := len(val)
	for k := 0; k <= n; k++ {
		// shortest first: a suffix from the end, a prefix from the start
		i := k
		if suffix != longest {
			i = n - k
		}
		if suffix && globAll(pat, val[i:]) {
			return val[:i] + tail, true
		}
		if !suffix && globAll(pat, val[:i]) {
			return val[i:] + tail, true
		}
	}
	return val + tail, true
}

// globAll matches s against a shell pattern in which * and ? match any
// character, "/" too, as in parameter expansion.
func globAll(pat, s string) bool {
	if pat == "" {
		return s == ""
	}
	switch pat[0] {
	case '*':
		for i := 0; i <= len(s); i++ {
			if globAll(pat[1:], s[i:]) {
				return true
			}
		}
		return false
	case '?':
		return s != "" && globAll(pat[1:], s[1:])
	}
	return s != "" && s[0] == pat[0] && globAll(pat[1:], s[1:])
}
