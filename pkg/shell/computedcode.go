package shell

import (
	"strings"

	"rampart.dev/pkg/internal/table"
)

// Code that computes what it runs: a call whose name is built at run time
// ($f(...) in PHP, obj['ex'+'ecSync'](...) in JavaScript), a shell template
// (Bun.$`cmd`, zx's $`cmd`), awk piping its input records to a shell, and
// sed's e command and s///e flag, which run text as shell commands, and
// AppleScript's Finder deletes.

// computedCall matches a call through a name built at run time: a PHP
// variable function ($f(, ${'sys'.'tem'}(), a parenthesised string called
// (("sys"."tem")(…)), or a JavaScript member call through a computed key
// with a concatenation or template in it.
var computedCall = table.Regexp{Expr: `\$\{?[A-Za-z_][A-Za-z0-9_]*\}?\s*\(|["']\s*\)\s*\(|\[[^\]\n]*(\+|\x60)[^\]\n]*\]\s*\(`}

// computedKey matches a JavaScript member call through a key held in a
// variable (cp[m](…)): dynamic when the object is one that runs commands.
var computedKey = table.Regexp{Expr: `\[\s*[A-Za-z_$][A-Za-z0-9_$.]*\s*\]\s*\(`}

// commandObjects are the JavaScript modules and globals whose members run
// commands.
var commandObjects = []string{"child_process", "Deno", "Bun", "process.binding", "execa", "shelljs", "zx"}

// computedFacts adds to facts what code computes and runs, and walks the
// shell text of template calls.
func (s *state) computedFacts(lang, code string, facts *CodeFacts, f frame) {
	switch lang {
	case "php":
		if computedCall.Get().MatchString(code) {
			facts.Dynamic = true
		}
	case "node":
		if loc := computedCall.Get().FindStringIndex(code); loc != nil && code[loc[0]] == '[' {
			facts.Dynamic = true
		}
		if computedKey.Get().MatchString(code) && anyIn(code, commandObjects) {
			facts.Dynamic = true
		}
		for _, cmd := range shellTemplates(code) {
			if strings.Contains(cmd, "${") {
				facts.Opaque = append(facts.Opaque, "$`…`")
			}
			s.parseString(cmd, f)
		}
	case "applescript":
		// tell application "Finder" to delete every item of home, empty
		// the trash, erase a disk: Finder's own deletes, on items named in
		// AppleScript's terms no path here spells
		l := strings.ToLower(code)
		for _, w := range []string{"to delete ", "delete every ", "delete (every ", "empty trash", "empty the trash", "erase disk", "erase volume"} {
			if strings.Contains(l, w) {
				facts.Opaque = append(facts.Opaque, "Finder "+strings.TrimSpace(strings.TrimPrefix(w, "to ")))
				break
			}
		}
	case "awk":
		if strings.IndexByte(code, '|') < 0 {
			return
		}
		for _, cmd := range (&scanner{lang: lang, code: code}).awkPipes() {
			if name := progName(strings.Fields(cmd + " x")[0]); isShell(name) || scriptLang(name) != "" {
				// print | "sh": what awk prints, its input, is the code.
				facts.Dynamic = true
			}
		}
	}
}

// shellTemplates gives the text of $`…` template literals (Bun.$, zx),
// which run as shell commands.
func shellTemplates(code string) []string {
	var out []string
	for i := 0; i+1 < len(code) && len(out) < MaxCommands; i++ {
		if code[i] != '$' || code[i+1] != '`' || i > 0 && isIdent(code[i-1]) && code[i-1] != '$' {
			continue
		}
		k := strings.IndexByte(code[i+2:], '`')
		if k < 0 {
			break
		}
		out = append(out, code[i+2:i+2+k])
		i += k + 2
	}
	return out
}

// sedScripts gives the scripts of a sed command line: the -e/--expression
// values, or the first operand when there is none (-f files are read
// elsewhere).
func sedScripts(words []string) []string {
	var out []string
	first := ""
	for i := 1; i < len(words); i++ {
		w := words[i]
		switch {
		case (w == "-e" || w == "--expression") && i+1 < len(words):
			out = append(out, words[i+1])
			i++
		case strings.HasPrefix(w, "--expression="):
			out = append(out, strings.TrimPrefix(w, "--expression="))
		case strings.HasPrefix(w, "-e") && len(w) > 2:
			out = append(out, w[2:])
		case (w == "-f" || w == "--file" || w == "-l") && i+1 < len(words):
			i++
			if w != "-l" {
				out = append(out, "\x00file:"+words[i]) // the script is in a file
				first = "-"
			}
		case strings.HasPrefix(w, "-"):
		case first == "":
			first = w
		}
	}
	if len(out) == 0 && first != "" {
		out = append(out, first)
	}
	return out
}

// sedRuns reports the shell commands sed's e command runs ("1e CMD", "e
// CMD"), and whether a command runs text computed from the input (e
// without a command, or the s///e flag). Commands are split on newlines
// and ";" outside s///.
func sedRuns(script string) (cmds []string, computed bool) {
	for _, line := range strings.Split(script, "\n") {
		for _, c := range SedCommands(line) {
			c, ok := SedSkipAddress(c)
			switch {
			case !ok:
				computed = true // an address nobody can read: what follows is unknown
			case strings.HasPrefix(c, "e"):
				if cmd := strings.TrimSpace(c[1:]); cmd != "" {
					cmds = append(cmds, cmd)
				} else {
					computed = true
				}
			case strings.HasPrefix(c, "s") && len(c) > 1:
				flags, ok := SedSubstFlags(c)
				if w := strings.IndexByte(flags, 'w'); w >= 0 {
					flags = flags[:w] // w FILE: the rest of the line is a file name
				}
				if ok && strings.Contains(flags, "e") {
					computed = true
				}
			}
		}
	}
	return cmds, computed
}

// SedSubstFlags gives the flags after a sed s (or y) command's
// replacement, and whether the command was whole.
func SedSubstFlags(c string) (string, bool) {
	d := c[1]
	n := 0
	for j := 2; j < len(c); j++ {
		if c[j] == '\\' {
			j++
			continue
		}
		if c[j] == d {
			n++
			if n == 2 {
				return c[j+1:], true
			}
		}
	}
	return "", false
}

// sedExec walks what a sed command line runs through its e command, and
// marks the command at index i when it runs text computed from the input.
func (s *state) sedExec(i int, words []string, f frame) {
	maybe := false
	for _, w := range words[1:] {
		// Only a script with an "e" in it, or one read from a file, runs
		// anything: most sed calls are done here without allocating.
		maybe = maybe || w == "-f" || w == "--file" || strings.HasPrefix(w, "--file=") ||
			w != "-e" && w != "--expression" && strings.IndexByte(w, 'e') >= 0
	}
	if !maybe {
		return
	}
	for _, script := range sedScripts(words) {
		if name, ok := strings.CutPrefix(script, "\x00file:"); ok {
			// sed -f FILE: the line may have written the script.
			text, known := s.files[s.key(name)]
			if !known {
				s.runsOpaque(i, name)
				continue
			}
			script = text
		}
		cmds, computed := sedRuns(script)
		for _, cmd := range cmds {
			s.parseString(cmd, s.viaFrame(f, "sed"))
		}
		if computed {
			s.markUnknown(i, "sed runs text from its input as a command (e)")
		}
	}
}

// commandKnown reports whether the arguments shellCommand builds a command
// from were read whole: the command (a string or an argv list), and an
// argv list after it; options after them (execSync(cmd, {stdio: …})) do
// not make the command.
func commandKnown(args []value) bool {
	if len(args) == 0 || !args[0].known {
		return false
	}
	return len(args) < 2 || !args[1].list || args[1].known
}

// constantKey matches a member reached through a key that is a string
// literal or literals joined by + (cp['exec' + 'Sync'], os["system"]);
// constantGetattr, Python's getattr(os, 'sys' + 'tem').
var (
	constantKey     = table.Regexp{Expr: `\[\s*((?:'[A-Za-z_$][A-Za-z0-9_$]*'|"[A-Za-z_$][A-Za-z0-9_$]*"|'[A-Za-z0-9_$]*'|"[A-Za-z0-9_$]*")(?:\s*\+\s*(?:'[A-Za-z0-9_$]*'|"[A-Za-z0-9_$]*"))*)\s*\]`}
	constantGetattr = table.Regexp{Expr: `\bgetattr\(\s*([A-Za-z_][A-Za-z0-9_.]*)\s*,\s*((?:'[A-Za-z0-9_]*'|"[A-Za-z0-9_]*")(?:\s*\+\s*(?:'[A-Za-z0-9_]*'|"[A-Za-z0-9_]*"))*)\s*\)`}
)

// foldedKeys rewrites a member reached through a constant key as the
// plain member it names (cp['exec' + 'Sync'] is cp.execSync, getattr(os,
// 'sys' + 'tem') is os.system), so the call is read as the one it is.
func foldedKeys(lang, code string) string {
	switch lang {
	case "node", "lua":
		// (Lua: os["execute"] is os.execute)
		if strings.IndexByte(code, '[') < 0 {
			return code
		}
		return constantKey.Get().ReplaceAllStringFunc(code, func(m string) string {
			k := joinedLiterals(constantKey.Get().FindStringSubmatch(m)[1])
			if k == "" || k[0] >= '0' && k[0] <= '9' {
				return m // an index, not a member
			}
			return "." + k
		})
	case "python":
		if !strings.Contains(code, "getattr(") {
			return code
		}
		return constantGetattr.Get().ReplaceAllStringFunc(code, func(m string) string {
			g := constantGetattr.Get().FindStringSubmatch(m)
			return g[1] + "." + joinedLiterals(g[2])
		})
	}
	return code
}

// joinedLiterals joins the quoted literals of "'a' + 'b'".
func joinedLiterals(s string) string {
	var b strings.Builder
	for _, part := range strings.Split(s, "+") {
		b.WriteString(strings.Trim(strings.TrimSpace(part), `'"`))
	}
	return b.String()
}
