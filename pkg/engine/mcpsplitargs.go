package engine

import (
	"encoding/json"
	"path"
	"strconv"
	"strings"

	"rampart.dev/pkg/catalog"
	"rampart.dev/pkg/shell"
)

// A command split over an MCP tool's arguments: {"command": "rm",
// "options": "-rf", "target": "/home/dev"}, {"name": "bash", "parameters":
// ["-c", "…"]}, {"command": "rm", "args": [{"value": "-rf"}, …]}. A bare
// program name the catalogue knows, under a key that names a command or a
// program (or a name, in a tool that runs things), is one command with the
// other arguments' words, in the keys' order; a list of words may be
// written as objects of one string each. Keys that set where or how the
// command runs (its directory, environment, time limit) are not words.

// namedProgram returns the program that a bare name in x names, or "".
func (w *mcpWalk) namedProgram(x map[string]any, keys []string) string {
	runs := w.runsCode() || w.runsThings()
	for _, k := range keys {
		s, ok := x[k].(string)
		s = strings.TrimSpace(s) // "rm ": the name padded with blanks
		if !ok || s == "" || strings.ContainsAny(s, " \t\n") {
			continue
		}
		kind := w.keyKind(k)
		lk := strings.ToLower(k)
		// execve's file and argv: a tool that runs things names its
		// program by "file" as well as by "name"
		if kind != keyCommand && kind != keyProgram && !(runs && (lk == "name" || lk == "tool" || lk == "program_name" || lk == "file" || lk == "filename")) {
			continue
		}
		if knownProgram(s) {
			return s
		}
	}
	return ""
}

// knownProgram reports whether s names a program the catalogue knows, a
// shell or an interpreter.
func knownProgram(s string) bool {
	base := path.Base(s)
	if shell.RunsCode(base) {
		return true
	}
	e, _ := catalog.Default().Lookup(base, nil)
	return e != nil
}

// runsThings reports whether the tool's name says it starts processes.
func (w *mcpWalk) runsThings() bool {
	for _, word := range ToolWords(w.tool) {
		switch word {
		case "shell", "spawn", "process", "command", "terminal", "launch", "start", "invoke":
			return true
		}
	}
	return false
}

// siblingStrings returns the words of x's string arguments other than the
// program's own and those that set how it runs, in the keys' order, or nil.
func siblingStrings(x map[string]any, keys []string) []string {
	var out []string
	prog := false
	for _, k := range keys {
		s, ok := x[k].(string)
		if !ok || s == "" {
			continue
		}
		if !prog && !strings.ContainsAny(s, " \t\n") {
			if knownProgram(s) {
				prog = true // the program's own key
				continue
			}
		}
		if runSetting(strings.ToLower(keySeparators.Get().Replace(k))) {
			continue
		}
		out = append(out, strings.Fields(s)...)
	}
	return out
}

// runSetting reports an argument name that sets where or how a command
// runs rather than giving it words.
func runSetting(k string) bool {
	switch k {
	case "cwd", "workdir", "workingdir", "workingdirectory", "dir", "directory", "timeout", "timeoutms", "env",
		"environment", "description", "shell", "user", "stdin", "input", "background", "detach", "tty", "id", "sessionid":
		return true
	}
	return false
}

// wordList returns a list of words: strings, or objects of one string
// each ({"value": "-rf"}); a list may be written as an object keyed by
// its indexes ({"0": "-rf", "1": "/home/dev"}). False for anything else.
func wordList(v any) ([]string, bool) {
	l, ok := v.([]any)
	if m, isMap := v.(map[string]any); isMap {
		l, ok = indexedList(m)
	}
	if !ok {
		return nil, false
	}
	out := make([]string, 0, len(l))
	for _, e := range l {
		switch e := e.(type) {
		case string:
			out = append(out, e)
		case []any:
			// [["-rf", "/home/dev"]]: a list of words inside the list
			inner, ok := wordList(e)
			if !ok {
				return nil, false
			}
			out = append(out, inner...)
		case map[string]any:
			if len(e) != 1 {
				return nil, false
			}
			for _, v := range e {
				s, ok := v.(string)
				if !ok {
					return nil, false
				}
				out = append(out, s)
			}
		default:
			return nil, false
		}
	}
	return out, true
}

// indexedList returns the values of an object whose keys are the indexes
// 0 to n-1, in their order: a list written as an object.
func indexedList(m map[string]any) ([]any, bool) {
	if len(m) == 0 || len(m) > 256 {
		return nil, false
	}
	out := make([]any, len(m))
	for k, v := range m {
		n, err := strconv.Atoi(k)
		if err != nil || n < 0 || n >= len(m) || out[n] != nil || strconv.Itoa(n) != k {
			return nil, false
		}
		out[n] = v
	}
	return out, true
}

// jsonWordList returns the words of a list of strings written as JSON
// text ("[\"-rf\", \"/home/dev\"]"), as a tool that decodes its
// arguments reads them.
func jsonWordList(s string) ([]string, bool) {
	t := strings.TrimSpace(s)
	if !strings.HasPrefix(t, "[") || !strings.HasSuffix(t, "]") {
		return nil, false
	}
	var l []any
	if json.Unmarshal([]byte(t), &l) != nil {
		return nil, false
	}
	return wordList(l)
}

// listsOfIndexes returns the arguments with every object keyed by its
// indexes ({"0": "rm", "1": "-rf"}) read as the list it encodes, at any
// depth, as a tool whose encoder writes arrays as maps reads them: a
// command, a statement, a volume or a path so written is judged as the
// list. The arguments are returned as they came when none is.
func listsOfIndexes(args map[string]any) map[string]any {
	var out map[string]any
	for k, v := range args {
		if nv, changed := unindexed(v, 0); changed {
			if out == nil {
				out = make(map[string]any, len(args))
				for k2, v2 := range args {
					out[k2] = v2
				}
			}
			out[k] = nv
		}
	}
	if out == nil {
		return args
	}
	return out
}

// unindexed returns v with its index-keyed objects made lists, and
// whether anything changed.
func unindexed(v any, depth int) (any, bool) {
	if depth > maxMCPDepth {
		return v, false
	}
	switch x := v.(type) {
	case map[string]any:
		if l, ok := indexedList(x); ok {
			nl, _ := unindexed(l, depth+1)
			return nl, true
		}
		var out map[string]any
		for k, e := range x {
			if ne, changed := unindexed(e, depth+1); changed {
				if out == nil {
					out = make(map[string]any, len(x))
					for k2, e2 := range x {
						out[k2] = e2
					}
				}
				out[k] = ne
			}
		}
		if out == nil {
			return v, false
		}
		return out, true
	case []any:
		var out []any
		for i, e := range x {
			if ne, changed := unindexed(e, depth+1); changed {
				if out == nil {
					out = append([]any(nil), x...)
				}
				out[i] = ne
			}
		}
		if out == nil {
			return v, false
		}
		return out, true
	}
	return v, false
}
