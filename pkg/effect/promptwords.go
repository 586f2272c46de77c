package effect

import (
	"path"
	"strings"

	"rampart.dev/pkg/internal/table"
)

// The words of a prompt (prompttasks.go) name paths in the ways people
// and agents write them, not only as a shell word would: a file mentioned
// to the agent (@~/.ssh/id_rsa), a Markdown link ([key](~/.ssh/id_rsa)),
// a file URL (file:///home/dev/.aws/credentials), a value after a key or a
// label (key=~/.ssh/id_rsa, path:~/.aws/credentials), a path glued to the
// word before it, the home spelled with a default (${HOME:-/home/dev}/…)
// or through an XDG base ($XDG_CONFIG_HOME/gh/hosts.yml), quotes left
// inside a word ("$HOME"/.docker/config.json), and a path relative to the
// directory the agent works in (../.ssh/id_rsa, .ssh/id_rsa after cd ~,
// codex exec -C ~). The commands it quotes are those between backticks
// (a run of them closed by as many, a fenced block without its language
// word), in $(…), and in <code>…</code>.

// promptPathWord returns the path a word of a prompt names, "" for none,
// and whether the path is relative to the agent's directory.
func promptPathWord(tok, home string) (string, bool) {
	// (a leading dot is the path's own: .ssh/id_rsa, ../x)
	t := strings.TrimRight(strings.TrimLeft(tok, "`'\"([{<*"), "`'\".,;:!?)]}>*")
	if strings.ContainsAny(t, `"'`) {
		t = strings.NewReplacer(`"`, "", `'`, "").Replace(t) // "$HOME"/.docker
	}
	if k := strings.Index(t, "]("); k >= 0 {
		t = strings.TrimRight(t[k+2:], ")") // [text](path)
	}
	t = strings.TrimLeft(t, "@")
	if user := path.Base(home); home != "" && strings.HasPrefix(t, "~"+user+"/") {
		t = "~" + t[1+len(user):] // ~dev/.ssh, this user's home
	}
	for _, w := range [...]string{t, afterByte(t, '='), afterByte(t, ':'), gluedPath(t)} {
		if w == "" {
			continue
		}
		w = strings.TrimPrefix(w, "file://")
		w = homeSpelled(w)
		if promptPath(w) {
			return w, false
		}
	}
	if relativePromptPath(t) {
		return t, true
	}
	return "", false
}

// afterByte returns what follows the first c in t, or "".
func afterByte(t string, c byte) string {
	if k := strings.IndexByte(t, c); k > 0 {
		return t[k+1:]
	}
	return ""
}

// gluedPath returns the home path written against the text before it
// (print~/.ssh/id_rsa), or "".
func gluedPath(t string) string {
	for _, p := range [...]string{"~/", "$HOME/", "${HOME"} {
		if k := strings.Index(t, p); k > 0 {
			return t[k:]
		}
	}
	return ""
}

// xdgBases are the XDG base variables and the home directories they
// default to.
var xdgBases = table.Map[string, string]{Build: func() map[string]string {
	return map[string]string{"XDG_CONFIG_HOME": "~/.config", "XDG_DATA_HOME": "~/.local/share", "XDG_STATE_HOME": "~/.local/state", "XDG_CACHE_HOME": "~/.cache"}
}}

// homeSpelled writes a home given with a default (${HOME:-x}) as $HOME,
// and an XDG base variable as the home directory it defaults to.
func homeSpelled(w string) string {
	if strings.HasPrefix(w, "${HOME:") {
		if k := strings.IndexByte(w, '}'); k > 0 {
			return "$HOME" + w[k+1:]
		}
	}
	if !strings.HasPrefix(w, "$") {
		return w
	}
	name, rest := w[1:], ""
	if strings.HasPrefix(name, "{") {
		k := strings.IndexByte(name, '}')
		if k < 0 {
			return w
		}
		name, rest = name[1:k], name[k+1:]
		name, _, _ = strings.Cut(name, ":")
	} else if k := strings.IndexByte(name, '/'); k > 0 {
		name, rest = name[:k], name[k:]
	}
	if d, ok := xdgBases.Lookup(name); ok {
		return d + rest
	}
	return w
}

// relativePromptPath reports a word that names a path from the agent's
// directory: ./x, ../x, or a dot-directory's or dotfile's name
// (.ssh/id_rsa, .netrc).
func relativePromptPath(t string) bool {
	switch {
	case strings.HasPrefix(t, "./") || strings.HasPrefix(t, "../"):
		return len(t) > 3
	case len(t) > 2 && t[0] == '.' && isWordByte(t[1]):
		return !strings.ContainsAny(t, "=:")
	}
	return false
}

// agentDir returns the directory an agent's CLI is told to work in (-C
// DIR, --cd DIR, --cd=DIR), or "".
func agentDir(args []string) string {
	for k, w := range args {
		switch {
		case (w == "-C" || w == "--cd") && k+1 < len(args):
			return args[k+1]
		case strings.HasPrefix(w, "--cd="):
			return w[len("--cd="):]
		}
	}
	return ""
}

// promptLines returns the command lines a prompt quotes (see above).
func promptLines(text string) []string {
	var out []string
	for rest := text; ; {
		open := strings.IndexByte(rest, '`')
		if open < 0 {
			break
		}
		n := 1
		for open+n < len(rest) && rest[open+n] == '`' {
			n++
		}
		fence := rest[open : open+n]
		end := strings.Index(rest[open+n:], fence)
		if end < 0 {
			break
		}
		line := rest[open+n : open+n+end]
		rest = rest[open+n+end+n:]
		if n >= 3 {
			// ```sh\n…```: the first line's one word is the block's language
			if first, more, ok := strings.Cut(line, "\n"); ok && !strings.ContainsAny(strings.TrimSpace(first), " \t") {
				line = more
			}
		}
		if strings.TrimSpace(line) != "" {
			out = append(out, line)
		}
	}
	for _, d := range [...][2]string{{"$(", ")"}, {"<code>", "</code>"}} {
		for rest := text; ; {
			open := strings.Index(rest, d[0])
			if open < 0 {
				break
			}
			rest = rest[open+len(d[0]):]
			end := closingAt(rest, d[1])
			if end < 0 {
				break
			}
			if line := rest[:end]; strings.TrimSpace(line) != "" {
				out = append(out, line)
			}
			rest = rest[end+len(d[1]):]
		}
	}
	return out
}

// closingAt returns the index in s of the closing text c that ends what
// an opening before s began (for ")", the one that balances the
// parentheses inside), or -1.
func closingAt(s, c string) int {
	if c != ")" {
		return strings.Index(s, c)
	}
	depth := 0
	for k := 0; k < len(s); k++ {
		switch s[k] {
		case '(':
			depth++
		case ')':
			if depth == 0 {
				return k
			}
			depth--
		}
	}
	return -1
}

// promptOption reports whether opt is one of the options, listed with
// commas (the catalogue's prompt-options), whose value is the prompt.
func promptOption(list, opt string) bool {
	for list != "" {
		var o string
		o, list, _ = strings.Cut(list, ",")
		if o == opt {
			return true
		}
	}
	return false
}
