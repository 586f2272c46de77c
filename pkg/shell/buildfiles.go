package shell

import "strings"

// Build files that run commands when the build tool reads them: meson's
// run_command('prog', 'arg', …) runs at configure time (meson setup), a
// bazel genrule's cmd = "…" runs in a shell when its target is built.
// Each is read as the command line it runs.

// mesonCommands gives the command lines of a meson.build's run_command
// calls, one a line: their leading string arguments, quoted as words.
func mesonCommands(text string) string {
	var b strings.Builder
	for rest := text; ; {
		k := strings.Index(rest, "run_command(")
		if k < 0 {
			break
		}
		rest = rest[k+len("run_command("):]
		var words []string
		for {
			rest = strings.TrimLeft(rest, " \t\n,")
			if rest == "" || rest[0] != '\'' && rest[0] != '"' {
				break
			}
			end := strings.IndexByte(rest[1:], rest[0])
			if end < 0 {
				break
			}
			words = append(words, quoteWord(rest[1:1+end]))
			rest = rest[end+2:]
		}
		if len(words) > 0 {
			b.WriteString(strings.Join(words, " ") + "\n")
		}
	}
	return b.String()
}

// genruleCommands gives the shell text of a BUILD file's cmd = "…" (and
// cmd_bash) attributes, one a line.
func genruleCommands(text string) string {
	var b strings.Builder
	for rest := text; ; {
		k := strings.Index(rest, "cmd")
		if k < 0 {
			break
		}
		before := k == 0 || !nameChar(rest[k-1])
		rest = rest[k+len("cmd"):]
		rest = strings.TrimPrefix(rest, "_bash")
		if !before {
			continue
		}
		v := strings.TrimLeft(rest, " \t")
		if v == "" || v[0] != '=' {
			continue
		}
		v = strings.TrimLeft(v[1:], " \t")
		if v == "" || v[0] != '"' && v[0] != '\'' {
			continue
		}
		end := strings.IndexByte(v[1:], v[0])
		if end < 0 {
			break
		}
		b.WriteString(v[1:1+end] + "\n")
		rest = v[end+2:]
	}
	return b.String()
}
