package engine

// A program named with its list of words ({"program": "cat", "args":
// ["/etc/hosts"]}) is one command line, read once through the program
// catalogue: cat reads /etc/hosts, cp writes its last word, rm deletes
// its operands. The words are then walked as every argument is (a URL,
// a file:// URI, a credential sent out), but a word that only looks like
// a path is not judged again by the tool's name: a tool named spawn or
// run says nothing of whether it reads or writes, and its guess (both)
// would make `cat /etc/hosts` a write of a system file through this
// surface when the Bash tool's same line reads it. So the argv surface
// and the shell surface give one judgement: the catalogue's.

// argWordsKey returns the key of x whose list is the words of the known
// program prog's command line (args, argv), "" when the program is not in
// the catalogue (its words are then judged by the tool's name, as any
// path is) or no single key holds the words.
func argWordsKey(x map[string]any, keys []string, prog string, kind func(string) int) string {
	if !knownProgram(prog) {
		return ""
	}
	found := ""
	for _, k := range keys {
		if kk := kind(k); kk != keyArgs && kk != keyArgv {
			continue
		}
		if _, ok := x[k].([]any); !ok {
			continue
		}
		if found != "" {
			return "" // two lists of words: which are the program's?
		}
		found = k
	}
	return found
}

// walkWords walks the words of a command line already read: each is
// judged as any argument is, but not as a path by the tool's name.
func (w *mcpWalk) walkWords(key string, v any, depth int) {
	was := w.inWords
	w.inWords = true
	w.value(key, v, depth)
	w.inWords = was
}
