package catalog

import "strings"

// An editor's ex command line (vim -c, +CMD, --cmd) holds one or more
// commands separated by "|", each of which may stand behind modifiers
// that change how it runs but not what it runs (silent, sil!, noautocmd,
// verbose 9, keepalt, vim9cmd): ":sil! !CMD", ":set nomore | !CMD" and
// ":noautocmd py3 CODE" run CMD and CODE as ":!CMD" and ":py3 CODE" do.
// A shell command (!CMD), an interpreter's code (py3 CODE) and :terminal
// take the rest of the line, "|" and all.

// exModifiers are the ex command modifiers and their shortest spellings.
var exModifiers = [...]string{
	"silent!", "silent", "sil!", "sil", "unsilent", "uns", "noautocmd", "noa", "verbose", "verb",
	"keepalt", "keepa", "keepjumps", "keepj", "keepmarks", "kee", "keeppatterns", "keepp", "lockmarks", "loc",
	"noswapfile", "nos", "legacy", "leg", "vim9cmd", "vim9", "hide", "hid", "confirm", "conf", "browse", "bro",
	"topleft", "to", "botright", "bo", "aboveleft", "abo", "belowright", "bel", "vertical", "vert", "horizontal",
	"hor", "tab", "silent!exe", "try",
}

// exCommand strips the leading colons, blanks and modifiers of an ex
// command (a count after verbose and tab too).
func exCommand(t string) string {
	t = strings.TrimLeft(t, ": \t")
	for changed := true; changed; {
		changed = false
		if rest, ok := autocmdBody(t); ok {
			t, changed = rest, true
			continue
		}
		for _, m := range exModifiers {
			rest, ok := strings.CutPrefix(t, m)
			if !ok || rest == "" || rest[0] != ' ' && rest[0] != '\t' && !(m[len(m)-1] == '!' && rest[0] == '!') {
				continue
			}
			t = strings.TrimLeft(rest, ": \t0123456789")
			changed = true
			break
		}
	}
	return t
}

// exTails returns the text of each ex command on the line after the
// first, to the end of the line: "set nomore | !CMD" gives "!CMD". A "|"
// inside quotes separates nothing.
func exTails(text string) []string {
	var out []string
	var q byte
	for i := 0; i < len(text); i++ {
		c := text[i]
		switch {
		case q != 0:
			if c == q {
				q = 0
			}
		case c == '"' || c == '\'':
			q = c
		case c == '\\':
			i++
		case c == '|':
			out = append(out, text[i+1:])
		}
	}
	return out
}

// terminalCommand gives the command of ":terminal [++OPT…] CMD".
func terminalCommand(t string) (string, bool) {
	for _, w := range [...]string{"terminal", "term", "ter"} {
		rest, ok := strings.CutPrefix(t, w)
		if !ok || rest == "" || rest[0] != ' ' {
			continue
		}
		rest = strings.TrimLeft(rest, " ")
		for strings.HasPrefix(rest, "++") {
			_, rest, _ = strings.Cut(rest, " ")
			rest = strings.TrimLeft(rest, " ")
		}
		return rest, rest != ""
	}
	return "", false
}

// fileCommands run a file in an embedded interpreter, as the interpreter
// given the file does: ":py3file F" is "python3 F".
var fileCommands = [...]struct{ cmd, program string }{
	{"py3file", "python3"}, {"pyfile", "python3"}, {"pyxfile", "python3"}, {"pythonfile", "python3"},
	{"luafile", "lua"}, {"rubyfile", "ruby"}, {"rubyf", "ruby"}, {"perlfile", "perl"},
	{"source", "vim -S"}, {"so", "vim -S"}, {"runtime", "vim -S"},
}

// fileCommand gives the shell command that runs what ":py3file F" runs.
func fileCommand(t string) (string, bool) {
	for _, f := range fileCommands {
		rest, ok := strings.CutPrefix(t, f.cmd)
		if !ok || rest == "" || rest[0] != ' ' {
			continue
		}
		if file := strings.TrimSpace(rest); file != "" {
			return f.program + " " + file, true
		}
	}
	return "", false
}

// functionCommand gives the shell command an editor's function runs:
// system('CMD'), job_start('CMD'), term_start('CMD'), jobstart(['sh',
// '-c', 'CMD']) (a list is the words of the command), called, echoed or
// assigned (call, echo, let x =).
func functionCommand(t string) (string, bool) {
	for _, lead := range [...]string{"call ", "echo ", "echon ", "echomsg ", "eval "} {
		if r, ok := strings.CutPrefix(t, lead); ok {
			t = strings.TrimLeft(r, " ")
			break
		}
	}
	if r, ok := strings.CutPrefix(t, "let "); ok {
		if _, v, ok := strings.Cut(r, "="); ok {
			t = strings.TrimLeft(v, " ")
		}
	}
	for _, fn := range [...]string{"system(", "systemlist(", "jobstart(", "job_start(", "term_start(", "termopen("} {
		i := strings.Index(t, fn)
		if i < 0 || i > 0 && isIdentByte(t[i-1]) {
			continue
		}
		r := strings.TrimLeft(t[i+len(fn):], " ")
		if r != "" && (r[0] == '\'' || r[0] == '"') {
			if end := strings.IndexByte(r[1:], r[0]); end >= 0 {
				return r[1 : 1+end], true
			}
		}
		if strings.HasPrefix(r, "[") {
			if words, ok := quotedList(r[1:]); ok && len(words) > 0 {
				return strings.Join(words, " "), true
			}
		}
	}
	return "", false
}

// quotedList reads a list of quoted strings up to its "]", each quoted
// for a shell.
func quotedList(s string) ([]string, bool) {
	var words []string
	for {
		s = strings.TrimLeft(s, " ,")
		if s == "" {
			return nil, false
		}
		if s[0] == ']' {
			return words, true
		}
		if s[0] != '\'' && s[0] != '"' {
			return nil, false
		}
		end := strings.IndexByte(s[1:], s[0])
		if end < 0 {
			return nil, false
		}
		words = append(words, "'"+strings.ReplaceAll(s[1:1+end], "'", `'\''`)+"'")
		s = s[end+2:]
	}
}

// isIdentByte reports a byte of a function's name.
func isIdentByte(b byte) bool {
	return b == '_' || b == ':' || b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z' || b >= '0' && b <= '9'
}

// autocmdBody returns the command an autocommand runs when its event
// fires (au VimEnter * CMD, autocmd! BufRead *.x ++once CMD): a command
// line defined to run at once, as the editor starts, is that command.
func autocmdBody(t string) (string, bool) {
	rest, ok := "", false
	for _, w := range [...]string{"autocmd! ", "autocmd ", "au! ", "au "} {
		if rest, ok = strings.CutPrefix(t, w); ok {
			break
		}
	}
	if !ok {
		return "", false
	}
	f := strings.Fields(rest)
	if len(f) < 3 {
		return "", false
	}
	skip := 2 // EVENT PATTERN
	if !strings.ContainsAny(f[0], "*.") && !strings.Contains(f[0], ",") && len(f) > 3 && !startsUpper(f[0]) {
		skip = 3 // a group before the event
	}
	for skip < len(f) && strings.HasPrefix(f[skip], "++") {
		skip++
	}
	if skip >= len(f) {
		return "", false
	}
	k := strings.Index(rest, f[skip])
	for _, w := range f[:skip] {
		k = max(k, strings.Index(rest, w)+len(w))
	}
	return strings.TrimSpace(rest[k:]), true
}

func startsUpper(w string) bool { return w != "" && w[0] >= 'A' && w[0] <= 'Z' }

// exIndirect returns the command line an ex command makes and runs: the
// program an option names for a later :make or :grep (set makeprg=CMD,
// let &makeprg = "CMD": a line that sets it has it run, as nothing else
// sets it for); an ex command Lua hands the editor (lua vim.cmd("CMD"),
// vim.cmd [[CMD]], vim.api.nvim_command("CMD")); exe
// (execute) of string literals joined by "." or ".." ("!" . "rm -rf ~"),
// normal mode keys that type a command line (normal! :!CMD), and
// feedkeys(":!CMD\<CR>"); a :edit (split, tabedit, new) of term://CMD
// runs CMD in a terminal.
func exIndirect(t string) (string, bool) {
	if v, ok := programOption(t); ok {
		return "!" + v, true
	}
	if ex, ok := luaExCommand(t); ok {
		return ex, true
	}
	for _, lead := range [...]string{"execute ", "exe ", "exec "} {
		if rest, ok := strings.CutPrefix(t, lead); ok {
			if s, ok := exStringConcat(strings.TrimSpace(rest)); ok {
				return s, true
			}
		}
	}
	for _, lead := range [...]string{"normal! ", "normal ", "norm! ", "norm "} {
		if rest, ok := strings.CutPrefix(t, lead); ok {
			return typedCommandLine(rest)
		}
	}
	if i := strings.Index(t, "feedkeys("); i >= 0 {
		r := strings.TrimSpace(t[i+len("feedkeys("):])
		if r != "" && (r[0] == '"' || r[0] == '\'') {
			if end := strings.IndexByte(r[1:], r[0]); end >= 0 {
				return typedCommandLine(r[1 : 1+end])
			}
		}
	}
	for _, lead := range [...]string{"edit ", "e ", "split ", "sp ", "vsplit ", "vs ", "tabedit ", "tabe ", "new ", "vnew ", "view "} {
		if rest, ok := strings.CutPrefix(t, lead); ok {
			rest = strings.TrimSpace(rest)
			for strings.HasPrefix(rest, "+") || strings.HasPrefix(rest, "++") {
				_, rest, _ = strings.Cut(rest, " ")
				rest = strings.TrimSpace(rest)
			}
			if cmd, ok := strings.CutPrefix(rest, "term://"); ok && cmd != "" {
				if k := strings.Index(cmd, "//"); k >= 0 && !strings.Contains(cmd[:k], " ") {
					cmd = cmd[k+2:] // term://{cwd}//{cmd}
				}
				return "terminal " + cmd, true
			}
		}
	}
	return "", false
}

// typedCommandLine returns the ex command keys type after ":" (":!rm -rf
// ~\<CR>"), up to the key that enters it.
func typedCommandLine(keys string) (string, bool) {
	k := strings.IndexByte(keys, ':')
	if k < 0 {
		return "", false
	}
	cmd := keys[k+1:]
	for _, enter := range [...]string{"\\<CR>", "\\<cr>", "\\r", "\r", "\\n", "\n", "<CR>", "\\<Enter>"} {
		if e := strings.Index(cmd, enter); e >= 0 {
			cmd = cmd[:e]
		}
	}
	return strings.TrimSpace(cmd), cmd != ""
}

// exStringConcat evaluates string literals joined by "." or "..", the
// whole of an :execute's argument: "!" . "rm -rf ~" is "!rm -rf ~".
func exStringConcat(s string) (string, bool) {
	var b strings.Builder
	for n := 0; ; n++ {
		s = strings.TrimSpace(s)
		if s == "" {
			return b.String(), n > 0
		}
		if n > 0 {
			if rest, ok := strings.CutPrefix(s, ".."); ok {
				s = rest
			} else if rest, ok := strings.CutPrefix(s, "."); ok {
				s = rest
			} else {
				return "", false
			}
			s = strings.TrimSpace(s)
		}
		if s == "" || s[0] != '"' && s[0] != '\'' {
			return "", false
		}
		end := strings.IndexByte(s[1:], s[0])
		if end < 0 {
			return "", false
		}
		b.WriteString(s[1 : 1+end])
		s = s[end+2:]
	}
}

// programOptions are the options whose value is a program the editor
// runs (:make runs makeprg, :grep grepprg), with their short names.
var programOptions = [...]string{"makeprg", "mp", "grepprg", "gp"}

// programOption returns the program a :set (setlocal, setglobal) or a
// :let &OPTION = "…" gives makeprg or grepprg, with set's escapes undone
// ("\ " is a blank, "\|" a bar).
func programOption(t string) (string, bool) {
	if rest, ok := strings.CutPrefix(t, "let "); ok {
		rest = strings.TrimLeft(rest, " ")
		if !strings.HasPrefix(rest, "&") {
			return "", false
		}
		name, v, ok := strings.Cut(strings.TrimPrefix(strings.TrimPrefix(strings.TrimPrefix(rest[1:], "l:"), "g:"), " "), "=")
		if !ok || !isProgramOption(strings.TrimRight(strings.TrimRight(name, " "), ".+^")) {
			return "", false
		}
		return exStringConcat(strings.TrimSpace(v))
	}
	for _, lead := range [...]string{"setlocal ", "setl ", "setglobal ", "setg ", "set ", "se "} {
		rest, ok := strings.CutPrefix(t, lead)
		if !ok {
			continue
		}
		// the option words, split at blanks set does not take as escaped
		for len(rest) > 0 {
			rest = strings.TrimLeft(rest, " ")
			var b strings.Builder
			k := 0
			for ; k < len(rest) && rest[k] != ' '; k++ {
				if rest[k] == '\\' && k+1 < len(rest) {
					k++
				}
				b.WriteByte(rest[k])
			}
			word := b.String()
			rest = rest[k:]
			name, v, ok := strings.Cut(word, "=")
			if ok && isProgramOption(strings.TrimRight(name, "+^-")) && v != "" {
				return v, true
			}
		}
		return "", false
	}
	return "", false
}

func isProgramOption(name string) bool {
	for _, o := range programOptions {
		if name == o {
			return true
		}
	}
	return false
}

// luaExCalls are the Lua calls that hand the editor an ex command line.
var luaExCalls = [...]string{"vim.cmd", "vim.api.nvim_command", "vim.api.nvim_exec2", "vim.api.nvim_exec"}

// luaExCommand returns the ex command a :lua line hands the editor:
// vim.cmd("CMD"), vim.cmd 'CMD', vim.cmd([[CMD]]), vim.cmd [[CMD]],
// vim.api.nvim_command("CMD"), vim.api.nvim_exec2("CMD", {}).
func luaExCommand(t string) (string, bool) {
	code, ok := strings.CutPrefix(t, "lua ")
	if !ok {
		return "", false
	}
	for _, fn := range luaExCalls {
		i := strings.Index(code, fn)
		if i < 0 || i > 0 && isIdentByte(code[i-1]) {
			continue
		}
		r := code[i+len(fn):]
		if r != "" && (isIdentByte(r[0]) || r[0] == '.') {
			continue // vim.cmd.make(), vim.api.nvim_exec_autocmds: another call
		}
		r = strings.TrimLeft(r, " ")
		r = strings.TrimLeft(strings.TrimPrefix(r, "("), " ")
		switch {
		case strings.HasPrefix(r, "[["):
			if end := strings.Index(r, "]]"); end >= 0 {
				return r[2:end], true
			}
		case r != "" && (r[0] == '"' || r[0] == '\''):
			if end := strings.IndexByte(r[1:], r[0]); end >= 0 {
				return r[1 : 1+end], true
			}
		}
	}
	return "", false
}
