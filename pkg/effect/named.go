package effect

import (
	"path"
	"strings"

	"rampart.dev/pkg/catalog"
	"rampart.dev/pkg/shell"
)

// Paths the analysis only half knows. A path whose prefix is computed at
// run time ("$(getent passwd dev | cut -d: -f6)/.ssh", "/home/$u/.aws/
// credentials") still says what it is by its tail; code in a language the
// analysis reads only as text (a sed or ed script, awk, an editor's ex
// commands, an interpreter one-liner) names the files it writes and reads
// in its strings ("~/.bashrc", homedir()+'/.ssh/authorized_keys'). Both
// are judged against the policy through Env.Sensitive and Env.Protected:
// a half-known path that would be stopped is unknown, a person looks.

// unresolvedTail judges a path word whose prefix is computed at run time
// (or whose working directory is): its literal tail taken below the home
// directory, where such tails name start-up files and credentials.
func (a *analysis) unresolvedTail(i int, raw string, kind Kind, f *cmdFacts) {
	if !hasExpansion(raw) && (i >= len(a.cwds) || !hasExpansion(a.cwds[i])) {
		return // the common case: nothing computed
	}
	tail := ""
	switch {
	case unresolved(raw):
		// "$(…)/.ssh": the tail is whole path elements; "backup-$stamp.tgz"
		// has none. "$PWD/x" is resolved by cleaning.
		if tail = literalTail(raw); !strings.HasPrefix(tail, "/") || !strings.Contains(tail, "..") && !unresolved(a.clean(raw, i)) {
			return
		}
	case !unresolved(raw) && i < len(a.cwds) && unresolved(a.cwds[i]) && raw != "" && raw[0] != '/' && raw[0] != '~':
		tail = raw
	default:
		return
	}
	for {
		switch {
		case strings.HasPrefix(tail, "/"):
			tail = tail[1:]
		case strings.HasPrefix(tail, "./"):
			tail = tail[2:]
		case strings.HasPrefix(tail, "../"):
			tail = tail[3:]
		default:
			goto done
		}
	}
done:
	tail = strings.TrimSuffix(tail, "/")
	if tail == "" || tail == "." || tail == ".." || a.env.Home == "" || unresolved(tail) {
		return
	}
	cand := path.Clean(a.env.Home + "/" + tail)
	if strings.ContainsAny(tail, "*?[") {
		// A glob: the engine judges it against the files it could name,
		// when it could name a start-up or credential file or a whole
		// directory: a dot-file, a deeper path, or a name made only of
		// pattern ("*"). "*.o" names build output wherever it is (a
		// leading "*" never matches a leading dot).
		if strings.HasPrefix(tail, ".") || strings.Contains(tail, "/") || allPattern(tail) {
			a.add(Effect{Kind: kind, Cmd: i, Path: cand, Recursive: kind == Delete})
		}
		return
	}
	switch {
	case kind == Read && a.sensitive(cand):
		f.source = first(f.source, "credential")
	case kind == Read && dirLike(cand) && a.namedCredentialDir(cand):
		// A directory of credentials (tar cz .aws in a computed cwd).
		f.source = first(f.source, "home-archive")
	case kind != Read && a.protected(cand):
	default:
		return
	}
	a.add(Effect{Kind: Unknown, Cmd: i, Detail: "path", Word: raw + " (its tail names " + cand + ")"})
}

// literalTail is what follows the last expansion in a word.
func literalTail(w string) string {
	end := 0
	for i := 0; i < len(w); i++ {
		switch {
		case w[i] == '`':
			if k := strings.IndexByte(w[i+1:], '`'); k >= 0 {
				i += k + 1
			}
			end = i + 1
		case w[i] == '$' && i+1 < len(w) && (w[i+1] == '(' || w[i+1] == '{'):
			open, close := w[i+1], byte(')')
			if open == '{' {
				close = '}'
			}
			depth := 0
			j := i + 1
			for ; j < len(w); j++ {
				if w[j] == open {
					depth++
				} else if w[j] == close {
					depth--
					if depth == 0 {
						break
					}
				}
			}
			i = j
			end = min(j+1, len(w))
		case w[i] == '$':
			j := i + 1
			for j < len(w) && nameByte(w[j]) {
				j++
			}
			i = j - 1
			end = j
		}
	}
	return w[end:]
}

func (a *analysis) protected(p string) bool {
	return a.env.Protected != nil && a.env.Protected(p)
}

// codePaths judges the paths a command's code names: code-role words
// (sed, awk, opaque interpreters), an editor's ex commands, interpreter
// one-liners, and code an interpreter reads on stdin.
func (a *analysis) codePaths(i int, c *shell.Command, cl *catalog.Classified, f *cmdFacts) {
	if a.env.Home == "" {
		return
	}
	e := cl.Entry
	sawCode := false
	for _, w := range cl.Words {
		if w.Role == catalog.Code || w.Role == catalog.Shell && e.Has("shell-prefix") {
			a.scanCodePaths(i, w.Text, f)
			sawCode = sawCode || w.Role == catalog.Code
		}
	}
	for _, w := range cl.Words {
		switch {
		case (w.Option == "-f" || w.Option == "--file") && (c.Name == "sed" || c.Name == "gsed" || scriptAwk(c.Name)):
			// sed -f FILE, awk -f FILE: a script the line wrote.
			if text, ok := a.fileText(w.Text); ok {
				a.scanCodePaths(i, text, f)
			}
		case (w.Option == "-v" || w.Option == "--assign") && scriptAwk(c.Name):
			// awk -v f=/home/dev/.bashrc '... > f'.
			if _, v, ok := strings.Cut(w.Text, "="); ok {
				a.scanCodePaths(i, "> "+v, f)
			}
		}
	}
	code, ok, stdin := "", false, false
	if !sawCode {
		// awk's program is a code word already; python -c's is not.
		code, ok, stdin = shell.InterpreterCode(c)
	}
	if ok {
		a.scanCodePaths(i, code, f)
	}
	if stdin || e.Has("code-lang") || c.Name == "sed" || c.Name == "gsed" {
		for _, t := range c.Stdin {
			if e.Has("code-lang") || stdin {
				a.scanCodePaths(i, t, f)
			}
		}
	}
}

// codeDelims end a token of code text: blanks, quotes, brackets and the
// operators that join strings.
const codeDelims = " \t\n\r'\"`()[]{},;+*=<>|&\\"

// scanCodePaths looks at each token of code that looks like a path below
// the home directory (or a home-relative tail, when the code mentions the
// home directory): one whose write the policy stops is unknown code; one
// whose read it stops makes the command's output a credential, and the
// other paths the code names places that output may go.
func (a *analysis) scanCodePaths(i int, code string, f *cmdFacts) {
	if !strings.ContainsAny(code, "/.~") {
		return
	}
	homeish := strings.Contains(code, "home") || strings.Contains(code, "HOME") || strings.Contains(code, "Home") || strings.Contains(code, "~") ||
		strings.Contains(code, "expanduser") || strings.Contains(code, "pw_dir") || strings.Contains(code, "getpwuid") || strings.Contains(code, "USERPROFILE") ||
		strings.Contains(code, "chdir") // perl's chdir and ruby's Dir.chdir with no argument go home
	secret, flagged := false, false
	var others []string
	for k := 0; k < len(code); {
		for k < len(code) && strings.IndexByte(codeDelims, code[k]) >= 0 {
			k++
		}
		j := k
		for j < len(code) && strings.IndexByte(codeDelims, code[j]) < 0 {
			j++
		}
		t, start := code[k:j], k
		k = j
		if len(t) < 2 {
			continue
		}
		cand := ""
		switch {
		case strings.HasPrefix(t, "~/") || strings.HasPrefix(t, "$HOME/") || strings.HasPrefix(t, "${HOME}/"):
			cand = a.clean(t, i)
		case strings.HasPrefix(t, a.env.Home+"/"):
			cand = path.Clean(t)
		case homeish && (strings.HasPrefix(t, "/.") || t[0] == '.' && t[1] != '.' && t[1] != '/' && !memberAccess(code, start)):
			cand = path.Clean(a.env.Home + "/" + strings.TrimLeft(t, "/"))
			if !strings.Contains(strings.TrimLeft(t, "/"), "/") {
				// joinpath('.ssh', 'authorized_keys'): the next name too.
				n := j
				for n < len(code) && strings.IndexByte(codeDelims, code[n]) >= 0 {
					n++
				}
				m := n
				for m < len(code) && strings.IndexByte(codeDelims, code[m]) < 0 {
					m++
				}
				if next := code[n:m]; next != "" && !strings.ContainsAny(next, "/.$") && validIdent(next) {
					if two := cand + "/" + next; a.sensitive(two) || a.protected(two) {
						cand = two
					}
				}
			}
		case t[0] == '/' && len(t) > 1 && t[1] != '/':
			if a.sensitive(path.Clean(t)) {
				secret = true
				a.add(Effect{Kind: Read, Cmd: i, Path: path.Clean(t)})
			} else {
				others = append(others, path.Clean(t))
			}
			continue
		default:
			continue
		}
		if unresolved(cand) || !strings.HasPrefix(cand, a.env.Home+"/") {
			continue
		}
		switch {
		case a.sensitive(cand):
			secret = true
			a.add(Effect{Kind: Read, Cmd: i, Path: cand})
		case !flagged && writeIntent(code) && a.protected(cand):
			flagged = true
			a.add(Effect{Kind: Unknown, Cmd: i, Detail: "code", Word: c0(code) + " names " + cand + ", which it may write"})
		default:
			others = append(others, cand)
		}
	}
	if secret {
		f.source = first(f.source, "credential")
		// What it read may be written to the other files it names.
		f.writes = append(f.writes, others...)
	}
}

// memberAccess reports a word at code[start:] that begins with a dot
// right after a value (require('os').homedir(), p.join, a[0].x): a
// method or a field, not a hidden file's name.
func memberAccess(code string, start int) bool {
	if start == 0 {
		return false
	}
	c := code[start-1]
	return c == ')' || c == ']' || c == '_' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
}

// c0 shortens code for a message.
func c0(code string) string {
	if len(code) > 60 {
		return code[:60] + "…"
	}
	return code
}

func validIdent(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !(c == '_' || c == '-' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9') {
			return false
		}
	}
	return s != ""
}

// writeIntents are the spellings with which code writes, links, moves or
// removes a file, or an editor or sed script writes one ("w FILE"): the
// verbs, and the modes open takes in C-like languages ('w', "a+",
// O_WRONLY|O_APPEND) and in Tcl ([open FILE a]).
var writeIntents = []string{"write", "append", "APPEND", "WRONLY", "RDWR", "CREAT", "'a'", `"a"`, "'w'", `"w"`, "'a+'", "'w+'", "'r+'", " a]", " w]", " a+]", " w+]", " r+]", ">", "truncate",
	"symlink", "link", "rename", "move", "mv", "copy", "cp", "unlink", "remove", "rm", "delete", "w ", "w!", "W ", "print"}

// writeIntent reports whether code may write a file it names: code that
// only prints a path (print(os.path.expanduser('~/.bashrc'))) does not.
func writeIntent(code string) bool {
	for _, w := range writeIntents {
		if w == "print" {
			// print > FILE (awk) is a write; print(x) alone is not.
			continue
		}
		if wordIn(code, w) {
			return true
		}
	}
	return false
}

// wordIn reports whether code holds w, a word of letters starting where
// no identifier goes on before it ("rm" in "os.rm(", not in "form";
// "write" in "writeFileSync"); other spellings anywhere.
func wordIn(code, w string) bool {
	if !isLetter(w[0]) {
		return strings.Contains(code, w)
	}
	for at := 0; ; {
		k := strings.Index(code[at:], w)
		if k < 0 {
			return false
		}
		k += at
		if k == 0 || !isLetter(code[k-1]) && code[k-1] != '_' && (code[k-1] < '0' || code[k-1] > '9') {
			return true
		}
		at = k + 1
	}
}

func isLetter(c byte) bool { return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' }

func scriptAwk(name string) bool {
	return name == "awk" || name == "gawk" || name == "mawk" || name == "nawk"
}
