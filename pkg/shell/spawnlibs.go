package shell

import (
	"strings"

	"rampart.dev/pkg/internal/substrs"
	"rampart.dev/pkg/internal/table"
)

// Spawn libraries name the program by the function or the item called:
// Python's sh (import sh; sh.rm('-rf', P); from sh import git;
// git.push('--force')) and plumbum (from plumbum.cmd import rm;
// rm['-rf', P](); local['git']('push', '-f')), Ruby's tty-command
// (TTY::Command.new.run('rm -rf …')). Each call is read as the command
// line its program and arguments make, as subprocess.run's list is:
// spawnLibHooks gives the hooks for the names the code calls them by,
// each with the words it puts before the arguments, and the code with
// plumbum's bracketed arguments made a call's. Node's execa is in the
// hooks' table (execa, execaSync, execaCommand).

// libHook is a spawn library's hook: the name called, and the words it
// puts before the call's arguments (the program the name stands for).
type libHook struct {
	name  string
	words []string
}

// spawnLibHooks returns code with plumbum's bracketed calls made plain
// calls, the hooks of the spawn libraries the code imports, and the words
// each hook's name puts before its arguments. Code that names none is
// returned as it is, after a substring check.
func spawnLibHooks(lang, code string) (string, []hook, map[string][]string) {
	var hs []libHook
	switch lang {
	case "python":
		if strings.Contains(code, "sh") && strings.Contains(code, "import") {
			hs = pythonShHooks(code)
		}
		if strings.Contains(code, "plumbum") || strings.Contains(code, "local[") || strings.Contains(code, "Command(") {
			var more []libHook
			code, more = plumbumHooks(code)
			hs = append(hs, more...)
		}
	case "ruby":
		if strings.Contains(code, "TTY::Command") {
			// cmd = TTY::Command.new; cmd.run('…'), .run!(…): the
			// command line, or a program and its arguments
			hs = append(hs, libHook{name: "run"}, libHook{name: "run!"})
		}
	}
	if len(hs) == 0 {
		return code, nil, nil
	}
	if lang == "python" {
		hs = renamedHooks(code, hs)
	}
	out := make([]hook, 0, len(hs))
	words := make(map[string][]string, len(hs))
	for _, h := range hs {
		out = append(out, hook{h.name, hookShell})
		if len(h.words) > 0 {
			words[h.name] = h.words
		}
	}
	return code, out, words
}

// maxLibHooks bounds the hooks one piece of code gets from its imports.
const maxLibHooks = 32

// importNames are a Python import's names: "import sh, os" and "from sh
// import git, rm as r" (group 1 the module of a from, 2 the names).
// A parenthesised list may run over lines (from sh import (\n rm,\n)).
var importNames = table.Regexp{Expr: `(?m)(?:^|[;:])[ \t]*(?:from[ \t]+([\w.]+)[ \t]+)?import[ \t]+(?:\(([\w \t,\n]+)\)|([\w \t,]+))`}

// importedList returns the names part of an importNames match.
func importedList(m []string) string {
	if m[2] != "" {
		return m[2]
	}
	return m[3]
}

// pythonShHooks returns the hooks of the sh library's calls: M.PROG(…)
// and M.PROG.SUB(…) for the name M the module is imported as, and N(…)
// and N.SUB(…) for each program N imported from it. sh spells a program
// with a dash by an underscore (sh.google_chrome).
func pythonShHooks(code string) []libHook {
	var hs []libHook
	for _, m := range importNames.Get().FindAllStringSubmatch(code, 8) {
		for n := range strings.SplitSeq(importedList(m), ",") {
			f := strings.Fields(n)
			if len(f) == 0 || len(hs) >= maxLibHooks {
				continue
			}
			name, local := f[0], f[0]
			if len(f) == 3 && f[1] == "as" {
				local = f[2]
			}
			switch {
			case m[1] == "" && name == "sh":
				hs = append(hs, moduleProgramHooks(code, local)...)
			case m[1] == "sh" && shProgram(name):
				hs = append(hs, programHooks(code, local, strings.ReplaceAll(name, "_", "-"))...)
			}
		}
	}
	return hs
}

// shProgram reports a name sh gives a program: not one of the module's
// own classes and helpers (Command, ErrorReturnCode, contrib, glob).
func shProgram(name string) bool {
	return name != "" && !(name[0] >= 'A' && name[0] <= 'Z') && name != "contrib" && name != "glob" && name != "pushd"
}

// moduleProgramHooks returns the hooks of the calls code makes through
// the module name mod: mod.PROG( and mod.PROG.SUB(.
func moduleProgramHooks(code, mod string) []libHook {
	var hs []libHook
	prefix := mod + "."
	for _, member := range membersOf(code, prefix) {
		prog := leadingIdent(member)
		if !shProgram(prog) {
			continue
		}
		name, words := prefix+prog, []string{strings.ReplaceAll(prog, "_", "-")}
		if sub, ok := strings.CutPrefix(member[len(prog):], "."); ok {
			if s := leadingIdent(sub); s != "" {
				name, words = name+"."+s, append(words, s)
			}
		}
		if hs = appendHook(hs, libHook{name: name, words: words}); len(hs) >= maxLibHooks {
			break
		}
	}
	return hs
}

// programHooks returns the hooks of a program imported under the name
// local: local(…) and local.SUB(…).
func programHooks(code, local, prog string) []libHook {
	hs := []libHook{{name: local, words: []string{prog}}}
	prefix := local + "."
	for _, member := range membersOf(code, prefix) {
		if sub := leadingIdent(member); sub != "" {
			if hs = appendHook(hs, libHook{name: prefix + sub, words: []string{prog, sub}}); len(hs) >= maxLibHooks {
				break
			}
		}
	}
	return hs
}

// membersOf returns the text after each prefix (a name and its dot, "sh.")
// in code that is not the end of a longer name or a member's member.
func membersOf(code, prefix string) []string {
	var out []string
	for at := 0; at < len(code); {
		k := strings.Index(code[at:], prefix)
		if k < 0 {
			break
		}
		k += at
		at = k + len(prefix)
		if k > 0 && (isIdent(code[k-1]) || code[k-1] == '.') {
			continue
		}
		out = append(out, code[at:])
	}
	return out
}

// appendHook appends h unless a hook of its name is there.
func appendHook(hs []libHook, h libHook) []libHook {
	for _, o := range hs {
		if o.name == h.name {
			return hs
		}
	}
	return append(hs, h)
}

// plumbumLocal matches a program named by a spawn library's lookup:
// plumbum's local['PROG'], local.get('PROG') and local.cmd.PROG, and sh's
// Command('PROG') (sh.Command, or Command imported from sh); the program
// is the first group that matched.
var plumbumLocal = table.Regexp{Expr: `\blocal\[\s*['"]([\w.+-]+)['"]\s*\]|\blocal\.get\(\s*['"]([\w.+-]+)['"]\s*\)|\blocal\.cmd\.(\w+)|(?:\bsh\.|[^.\w]|^)Command\(\s*['"]([\w.+-]+)['"]\s*\)`}

// programRef returns the program a plumbumLocal match names.
func programRef(m []string) string {
	for _, g := range m[1:] {
		if g != "" {
			return g
		}
	}
	return ""
}

// plumbumHooks returns code with plumbum's commands made calls (local['git']
// named as an identifier, NAME[ARGS]() as NAME(ARGS)), and their hooks.
func plumbumHooks(code string) (string, []libHook) {
	var hs []libHook
	names := map[string]string{}
	code = plumbumLocal.Get().ReplaceAllStringFunc(code, func(m string) string {
		prog := programRef(plumbumLocal.Get().FindStringSubmatch(m))
		lead := ""
		if i := strings.Index(m, "Command("); i > 0 && !strings.HasPrefix(m, "sh.") {
			lead = m[:1] // the character before Command( is kept
		}
		id := "plumbum_" + strings.NewReplacer(".", "_", "+", "_", "-", "_").Replace(prog)
		names[id] = prog
		return lead + id
	})
	for _, m := range importNames.Get().FindAllStringSubmatch(code, 8) {
		if m[1] != "plumbum.cmd" {
			continue
		}
		for n := range strings.SplitSeq(importedList(m), ",") {
			f := strings.Fields(n)
			if len(f) == 0 {
				continue
			}
			local := f[0]
			if len(f) == 3 && f[1] == "as" {
				local = f[2]
			}
			names[local] = f[0]
		}
	}
	for local, prog := range names {
		if len(hs) >= maxLibHooks {
			break
		}
		code = bracketCalls(code, local)
		hs = append(hs, libHook{name: local, words: []string{prog}}, libHook{name: local + ".run", words: []string{prog}})
	}
	return code, hs
}

// bracketCalls rewrites plumbum's NAME[A, B]() (and NAME[A][B](),
// NAME[A].run(), NAME[A] & FG) in code as NAME(A, B).
func bracketCalls(code, name string) string {
	var b strings.Builder
	at := 0
	for at < len(code) {
		k := strings.Index(code[at:], name+"[")
		if k < 0 {
			break
		}
		k += at
		if k > 0 && isIdent(code[k-1]) {
			b.WriteString(code[at : k+len(name)+1])
			at = k + len(name) + 1
			continue
		}
		var parts []string
		i := k + len(name)
		for i < len(code) && code[i] == '[' {
			end := closingBracket(code, i)
			if end < 0 {
				break
			}
			parts = append(parts, code[i+1:end])
			i = end + 1
		}
		tail := code[i:]
		var run string
		for _, t := range [...]string{"()", ".run()", " & FG", " & BG", "& FG"} {
			if strings.HasPrefix(tail, t) {
				run = t
				break
			}
		}
		if len(parts) == 0 || run == "" {
			b.WriteString(code[at : k+len(name)+1])
			at = k + len(name) + 1
			continue
		}
		b.WriteString(code[at:k])
		b.WriteString(name + "(" + strings.Join(parts, ", ") + ")")
		at = i + len(run)
	}
	b.WriteString(code[at:])
	return b.String()
}

// closingBracket returns the index of the ] that closes the [ at code[i],
// past quoted strings and other brackets, or -1.
func closingBracket(code string, i int) int {
	if j, c := substrs.TopLevelEnd(code, i+1, ""); j >= 0 && c == ']' {
		return j
	}
	return -1
}

// renamedHooks adds, for each hook a plain assignment names under another
// name (wipe = sh.rm; r = local['rm'], made plumbum_rm), a hook of that
// name with the same words: the call through it runs the same program.
func renamedHooks(code string, hs []libHook) []libHook {
	n := len(hs)
	for _, h := range hs[:n] {
		for at := 0; at < len(code) && len(hs) < maxLibHooks; {
			k := strings.Index(code[at:], h.name)
			if k < 0 {
				break
			}
			k += at
			at = k + len(h.name)
			if at < len(code) && (isIdent(code[at]) || code[at] == '.' || code[at] == '(' || code[at] == '[') {
				continue // a longer name, a member or a call: no rebinding
			}
			lhs := strings.TrimRight(code[:k], " \t")
			if !strings.HasSuffix(lhs, "=") || strings.HasSuffix(lhs, "==") {
				continue
			}
			lhs = strings.TrimRight(lhs[:len(lhs)-1], " \t")
			j := len(lhs)
			for j > 0 && isIdent(lhs[j-1]) {
				j--
			}
			if name := lhs[j:]; name != "" && (j == 0 || !isIdent(lhs[j-1]) && lhs[j-1] != '.') {
				hs = appendHook(hs, libHook{name: name, words: h.words})
			}
		}
	}
	return hs
}
