package engine

import "strings"

// A desktop entry (~/.local/share/applications/*.desktop, an autostart
// entry, a scheme handler) runs its Exec= line when the application is
// opened, a file or link handed to it, or the session starts: the line is
// a command (its field codes, %f %U %i, stand for what is handed over).

// desktopExecLines returns the command lines of a desktop entry's Exec and
// TryExec keys, in every group ([Desktop Entry], [Desktop Action …]), with
// the field codes taken out.
func desktopExecLines(content string) []string {
	var out []string
	for line := range strings.SplitSeq(content, "\n") {
		k, v, ok := strings.Cut(strings.TrimSpace(line), "=")
		if !ok {
			continue
		}
		switch strings.TrimSpace(k) {
		case "Exec", "TryExec":
		default:
			continue
		}
		v = strings.TrimSpace(v)
		for _, code := range [...]string{"%f", "%F", "%u", "%U", "%i", "%c", "%k", "%d", "%D", "%n", "%N", "%v", "%m"} {
			v = strings.ReplaceAll(v, code, "")
		}
		v = strings.ReplaceAll(v, "%%", "%")
		if strings.TrimSpace(v) != "" {
			out = append(out, v)
		}
	}
	return out
}
