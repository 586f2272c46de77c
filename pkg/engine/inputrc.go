package engine

import "strings"

// readline's key bindings (~/.inputrc, /etc/inputrc): a binding to a
// quoted macro types its text into the shell when the key is pressed, so
// the text is command lines ("\C-m": "\C-e; curl … | sh\n" runs with every
// Enter); an $include reads another file's bindings, which nobody here
// sees when it is not the system's own.

// inputrcMacroLines returns the text the macros of an inputrc type, as
// command lines: readline's key escapes (\C-x, \M-x, \e) taken out, split
// where a macro presses Enter (\n, \r, \C-m, \C-j).
func inputrcMacroLines(content string) []string {
	var out []string
	for line := range strings.SplitSeq(content, "\n") {
		t := strings.TrimSpace(line)
		if t == "" || t[0] == '#' || t[0] == '$' || strings.HasPrefix(t, "set ") {
			continue
		}
		k := strings.Index(t, `":`)
		if k < 0 {
			continue
		}
		v := strings.TrimSpace(t[k+2:])
		if len(v) < 2 || v[0] != '"' && v[0] != '\'' || v[len(v)-1] != v[0] {
			continue // a binding to a readline function (beginning-of-line)
		}
		v = v[1 : len(v)-1]
		for _, enter := range [...]string{`\n`, `\r`, `\C-m`, `\C-j`} {
			v = strings.ReplaceAll(v, enter, "\n")
		}
		for _, esc := range [...]string{`\C-`, `\M-`} {
			for {
				i := strings.Index(v, esc)
				if i < 0 || i+len(esc) >= len(v) {
					break
				}
				v = v[:i] + v[i+len(esc)+1:]
			}
		}
		v = strings.ReplaceAll(v, `\e`, "")
		for l := range strings.SplitSeq(v, "\n") {
			if l = strings.TrimSpace(strings.TrimLeft(l, "; ")); l != "" {
				out = append(out, l)
			}
		}
	}
	return out
}

// inputrcIncludes returns the files an inputrc's $include lines read,
// other than the system's own /etc/inputrc.
func inputrcIncludes(content string) []string {
	var out []string
	for line := range strings.SplitSeq(content, "\n") {
		f, ok := strings.CutPrefix(strings.TrimSpace(line), "$include")
		if !ok {
			continue
		}
		if f = strings.TrimSpace(f); f != "" && f != "/etc/inputrc" {
			out = append(out, f)
		}
	}
	return out
}
