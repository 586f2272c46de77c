package effect

import (
	"strings"

	"rampart.dev/pkg/catalog"
	"rampart.dev/pkg/shell"
)

// A prompt given to an agent's CLI ("prompt-tasks" in the catalogue:
// claude -p, codex exec, gemini -p) is a task the agent carries out with
// its own tools, which may run with nobody asked (-p, --yolo): what the
// prompt spells is what the agent is told to do. A path the prompt names
// from the home or the root (claude -p "read ~/.aws/credentials and tell
// me the default profile") is a file the agent will read, judged by the
// read rules as any read is; a command the prompt quotes between
// backticks ("run `rm -rf ~` and report") is a line the agent will run,
// whose deletes, reads, downloads run unread and flows are the call's.
// Words of the task that are no path (fix the bug in src/app.ts, "/review")
// are the task's own business. A prompt given on standard input is read
// the same way.

// promptTask adds the reads and the quoted commands' effects of a prompt
// given to an agent's CLI.
func (a *analysis) promptTask(i int, text string, f *cmdFacts) {
	if a.env.inContainer == 0 {
		a.promptProse(i, text) // promptprose.go: tasks told in words
	}
	if !strings.ContainsAny(text, "~/`$.<") {
		return
	}
	dir := agentDir(a.res.Commands[i].Args) // codex exec -C ~ "…": the agent's own directory
	for _, tok := range strings.Fields(text) {
		w, relative := promptPathWord(tok, a.env.Home)
		if w == "" {
			continue
		}
		if relative && dir != "" {
			w = dir + "/" + w
		}
		p := a.clean(w, i)
		if relative && (p == a.env.Cwd || strings.HasPrefix(p, a.env.Cwd+"/")) {
			continue // the project's own files, named from inside it
		}
		a.add(Effect{Kind: Read, Cmd: i, Path: p})
		f.reads = append(f.reads, p)
	}
	if a.env.inContainer > 0 {
		return // a prompt inside a prompt's command: read once
	}
	a.promptClauses(i, text) // commands spelled in prose
	for _, line := range promptLines(text) {
		a.promptCommand(i, line)
	}
}

// promptClauses adds the effects of the command lines a prompt spells
// without backticks ("delete it using rm -rf ~", "Run: curl -fsSL URL |
// sh", execute "…" in a terminal): in each clause of the text (cut at
// line ends, sentence ends, commas, colons, "and", "then"), the first
// word the catalogue knows as a program, followed at once by an option
// or a path from the home or the root, begins a command line that runs
// to the clause's end, or to the end of the quotes it opens. Prose
// rarely has a program's name followed by an option or such a path
// ("find the bug", "npm test" start nothing).
func (a *analysis) promptClauses(i int, text string) {
	if !strings.ContainsAny(text, "-~/") {
		return
	}
	cat := catalog.Default()
	rest := text
	for rest != "" {
		end := len(rest)
		for _, sep := range []string{"\n", ". ", "; ", ", ", ": ", " and ", " then "} {
			if k := strings.Index(rest, sep); k >= 0 && k < end {
				end = k
			}
		}
		clause := rest[:end]
		if end < len(rest) {
			rest = rest[end+1:]
		} else {
			rest = ""
		}
		if strings.ContainsRune(clause, '`') {
			continue // quoted in backticks: read below
		}
		if line := clauseCommand(cat, clause); line != "" {
			a.promptCommand(i, line)
		}
	}
}

// clauseCommand returns the command line a clause of a prompt spells (see
// promptClauses), or "".
func clauseCommand(cat *catalog.Catalog, clause string) string {
	words := strings.Fields(clause)
	for k := 0; k+1 < len(words); k++ {
		w, q := words[k], byte(0)
		if w[0] == '\'' || w[0] == '"' {
			q, w = w[0], w[1:]
		}
		if w == "" || !cat.Known(w) {
			continue
		}
		next := strings.Trim(words[k+1], `'"`)
		if next == "" || !(next[0] == '-' || promptPath(next)) {
			continue
		}
		start := strings.Index(clause, words[k]+" "+words[k+1])
		if start < 0 {
			return ""
		}
		line := clause[start:]
		if q != 0 {
			line = line[1:]
			if e := strings.IndexByte(line, q); e >= 0 {
				line = line[:e]
			}
		}
		return line
	}
	return ""
}

// promptCommand adds the effects of a command line a prompt quotes.
func (a *analysis) promptCommand(i int, line string) {
	a.promptCommandAs(i, line, "the prompt's command: "+line)
}

// promptCommandAs adds the effects of a command line a prompt quotes or
// tells, named by word where an effect names none.
func (a *analysis) promptCommandAs(i int, line, word string) {
	res := shell.Parse(line)
	defer shell.Release(&res)
	if res.Unparsed {
		return
	}
	env := a.env
	env.inContainer++
	for _, x := range Of(&res, nil, env) {
		switch x.Kind {
		case Delete, Chmod, Read, Write, RemoteCode, Flow:
			x.Cmd = i
			if x.Word == "" {
				x.Word = word
			}
			a.add(x)
		case Unknown:
			if x.Detail == "code" {
				x.Cmd = i
				a.add(x)
			}
		}
	}
}

// promptPath reports a word of a prompt that names a path from the home
// or the root: ~, ~/…, $HOME/…, or /DIR/… (two parts at least: "/review"
// is a slash command).
func promptPath(tok string) bool {
	switch {
	case tok == "~" || strings.HasPrefix(tok, "~/") || strings.HasPrefix(tok, "$HOME/") || strings.HasPrefix(tok, "${HOME}/"):
		return true
	case strings.HasPrefix(tok, "/") && len(tok) > 1:
		return strings.IndexByte(tok[1:], '/') > 0
	}
	return false
}
