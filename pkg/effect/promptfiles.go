package effect

import "strings"

// Files a prompt names for the agent to read: Gemini's CLI and its forks
// ("prompt-files" in the catalogue) read each @PATH of the prompt (gemini
// -p "summarize @~/.ssh/id_rsa") and send its text to the model's
// provider with the prompt, before any tool runs. Each is read and sent,
// as a file uploaded is. A word that only holds an @ (a mention, @alice;
// an address, dev@example.com; an npm scope, @types/node read as the
// project's types/node) is read the same way only when it is a path: it
// starts with ~, / or ., or holds a /, or names a file by its extension.
// A prompt given on standard input (a here-string, a here-document, what
// echo or printf pipes in: Command.Stdin) is read the same way.

// promptFiles adds a read and a send for every @PATH in the prompt text.
func (a *analysis) promptFiles(i int, text string, f *cmdFacts) {
	if !strings.Contains(text, "@") {
		return
	}
	for _, tok := range strings.Fields(text) {
		if at := strings.IndexByte(tok, '@'); at > 0 && strings.IndexByte(":;,()[]{}<>\"'=|", tok[at-1]) >= 0 {
			// an @ after a mark within a word starts a reference too
			// (summarize:@~/.ssh/id_rsa, (@src/x.go)): the CLI looks for
			// every @ not escaped; one after a name's letters is an
			// address (dev@example.com)
			tok = tok[at:]
		}
		p, ok := promptFileRef(tok)
		if !ok {
			continue
		}
		path := a.clean(p, i)
		a.add(Effect{Kind: Read, Cmd: i, Path: path, Recursive: true}) // @src/ sends the directory's files
		f.reads = append(f.reads, path)
		f.sends = append(f.sends, path)
	}
}

// promptFileRef returns the path an @ word of a prompt names, and whether
// it names one (see above).
func promptFileRef(tok string) (string, bool) {
	p, ok := strings.CutPrefix(tok, "@")
	if !ok {
		return "", false
	}
	p = strings.TrimRight(p, ",;:!?)\"'")
	p = strings.TrimSuffix(p, ".") // "… @README.md." ends the sentence
	if p == "" || strings.HasPrefix(p, "@") {
		return "", false
	}
	switch {
	case p[0] == '~' || p[0] == '/' || p[0] == '.' || p[0] == '$':
		return p, true
	case strings.Contains(p, "/"):
		return p, true
	}
	dot := strings.LastIndexByte(p, '.')
	return p, dot > 0 && dot < len(p)-1
}
