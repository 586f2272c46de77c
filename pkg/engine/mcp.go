package engine

import (
	"rampart.dev/pkg/secret"
	"sort"
	"strings"
	"unicode"

	"rampart.dev/pkg/call"
	"rampart.dev/pkg/match"
)

// Argument names that carry a command, a path, a URL or SQL.
var (
	commandKeys  = map[string]bool{"command": true, "cmd": true, "script": true, "shell": true, "commandline": true, "command_line": true, "bash": true, "exec": true, "run": true, "cmdline": true, "shell_command": true}
	terminalKeys = map[string]bool{"keys": true, "text": true, "input": true, "data": true, "chars": true}
	codeKeys     = map[string]bool{"code": true, "expression": true, "source_code": true, "python": true, "javascript": true, "js": true, "snippet": true}
	pathKeys     = map[string]bool{"path": true, "paths": true, "file": true, "files": true, "filename": true, "file_path": true, "filepath": true, "source": true, "destination": true, "src": true, "dst": true, "dest": true, "target": true, "directory": true, "dir": true, "folder": true, "cwd": true, "target_file": true, "location": true, "from": true, "to_path": true, "resource": true, "attachments": true, "attachment": true, "name": false, "old_path": true, "new_path": true, "source_path": true, "destination_path": true}
	urlKeys      = map[string]bool{"url": true, "uri": true, "href": true, "endpoint": true, "link": true}
	sqlKeys      = map[string]bool{"sql": true, "query": true, "statement": true, "stmt": true, "q": true, "statements": true, "queries": true}
)

// Verbs in MCP tool names that say whether a path argument is read or
// written.
var (
	writeVerbs = map[string]bool{"write": true, "create": true, "edit": true, "move": true, "delete": true, "remove": true, "rename": true, "update": true, "put": true, "append": true, "upload": true, "save": true, "mkdir": true, "set": true, "patch": true, "insert": true, "copy": true, "replace": true, "overwrite": true, "destroy": true, "drop": true, "purge": true, "wipe": true, "truncate": true, "modify": true, "chmod": true, "unlink": true, "rm": true}
	readVerbs  = map[string]bool{"read": true, "get": true, "list": true, "search": true, "find": true, "view": true, "show": true, "cat": true, "head": true, "tail": true, "stat": true, "info": true, "fetch": true, "download": true, "open": true, "query": true, "describe": true, "grep": true, "tree": true, "ls": true}
)

// ToolWords splits an MCP tool name into lower-case words:
// "write_file" → [write file], "deleteNote" → [delete note].
func ToolWords(name string) []string {
	var words []string
	var cur []rune
	flush := func() {
		if len(cur) > 0 {
			words = append(words, strings.ToLower(string(cur)))
			cur = cur[:0]
		}
	}
	rs := []rune(name)
	for i, r := range rs {
		switch {
		case !unicode.IsLetter(r) && !unicode.IsDigit(r):
			flush()
		case unicode.IsUpper(r) && i > 0 && (unicode.IsLower(rs[i-1]) || i+1 < len(rs) && unicode.IsLower(rs[i+1])):
			flush()
			cur = append(cur, r)
		default:
			cur = append(cur, r)
		}
	}
	flush()
	return words
}

// pathVerb says how an MCP tool treats its path arguments.
func pathVerb(tool string) (read, write bool) {
	for _, w := range ToolWords(tool) {
		if writeVerbs[w] {
			write = true
		}
		if readVerbs[w] {
			read = true
		}
	}
	if !read && !write {
		return true, true // unknown verb: judged by both
	}
	return read, write
}

func (ev *evaluation) mcp() {
	c := &ev.c
	tool := c.Params.String("tool")
	args, _ := c.Params["arguments"].(map[string]any)
	s := subject{tool: call.ToolMCP, primary: true, text: c.Params.String("server") + "/" + tool, mcpTool: tool, args: args}
	if ann, ok := c.Params["annotations"].(map[string]any); ok {
		for k, v := range ann {
			if b, ok := v.(bool); ok && b {
				s.hints = append(s.hints, k)
			}
		}
		sort.Strings(s.hints)
	}
	ev.judge(&s)
	if ev.denied() {
		return
	}
	w := mcpWalk{ev: ev, tool: tool}
	w.read, w.write = pathVerb(tool)
	w.outgoing = sendsOut(tool)
	w.value("", args, 0)
}

// mcpWalk judges an MCP call's arguments whole: nested objects and arrays,
// any key. A string is judged by what its key says it is (a command, a
// path, a URL, SQL, code) and by what it looks like (file:// URIs, URLs);
// an array of strings under a command key, or a program with its args, is
// one command; and when the tool sends content out (a gist, a message, an
// issue), a credential in any string is a credential leaving.
type mcpWalk struct {
	ev          *evaluation
	tool        string
	read, write bool
	outgoing    bool
}

// maxMCPDepth bounds the walk of nested arguments.
const maxMCPDepth = 32

func (w *mcpWalk) value(key string, v any, depth int) {
	ev := w.ev
	if depth > maxMCPDepth || ev.denied() {
		return
	}
	lk := strings.ToLower(key)
	switch x := v.(type) {
	case map[string]any:
		keys := make([]string, 0, len(x))
		for k := range x {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		// A program and its arguments side by side are one command.
		if prog, ok := x["program"].(string); ok {
			if argv, ok := strings_(x["args"]); ok {
				ev.exec(quoteArgv(append([]string{prog}, argv...)), false, call.ToolExec)
			}
		}
		for _, k := range keys {
			w.value(k, x[k], depth+1)
		}
	case []any:
		if argv, ok := strings_(x); ok && len(argv) > 0 && (commandKeys[lk] || lk == "argv" || lk == "args" && w.runsArgs()) {
			line := quoteArgv(argv)
			if lk == "args" && len(argv) > 0 && !strings.HasPrefix(argv[0], "-") {
				// kubectl {args: [delete, ns, x]}: the tool is the program.
				line = quoteArgv(append([]string{programOf(w.tool)}, argv...))
			}
			ev.exec(line, false, call.ToolExec)
			return
		}
		for _, e := range x {
			w.value(key, e, depth+1)
		}
	case string:
		w.str(lk, x)
	}
}

// runsArgs reports whether an "args" array is a command line for the
// tool's own program (a kubectl or git tool).
func (w *mcpWalk) runsArgs() bool {
	return programOf(w.tool) != ""
}

// programOf is the program a tool is named for, when it is one the
// catalogue knows by that name ("kubectl", "git_command" → git).
func programOf(tool string) string {
	for _, word := range ToolWords(tool) {
		switch word {
		case "kubectl", "git", "docker", "helm", "terraform", "aws", "gcloud", "az", "gh", "npm", "psql", "mysql":
			return word
		}
	}
	return ""
}

func (w *mcpWalk) str(lk, v string) {
	ev, c := w.ev, &w.ev.c
	if w.outgoing && len(v) >= 16 {
		for _, f := range secret.Scan(v) {
			if placeholder(v[f.Start:f.End]) {
				continue
			}
			s := subject{tool: "flow", text: f.Kind + " in " + w.tool, effect: "flow:credential->network"}
			ev.judge(&s)
			if ev.denied() {
				return
			}
			break
		}
	}
	switch {
	case commandKeys[lk] || terminalKeys[lk] && w.terminal():
		ev.exec(v, false, call.ToolExec)
	case codeKeys[lk]:
		ev.exec(codeLine(w.tool, v), false, call.ToolExec)
	case strings.HasPrefix(v, "file://"):
		w.path(strings.TrimPrefix(v, "file://"))
	case pathKeys[lk] || looksLikePath(v):
		w.path(v)
	case sqlKeys[lk]:
		ss := subject{tool: toolSQL, text: v, sql: normalizeSQL(v)}
		ev.judge(&ss)
	case urlKeys[lk] || strings.Contains(v, "://"):
		fs := subject{tool: call.ToolFetch, text: v, urlRaw: v}
		fs.url, fs.hasURL = match.ParseURL(v)
		ev.judge(&fs)
		ev.judgeHostAlternates(&fs) // paths.go: the IP a wildcard-DNS name embeds
	}
	_ = c
}

func (w *mcpWalk) path(v string) {
	p := match.CleanPath(v, w.ev.c.Cwd, w.ev.e.env.Home)
	if w.read {
		w.ev.pathSubject(call.ToolRead, p)
	}
	if w.write && !w.ev.denied() {
		w.ev.pathSubject(call.ToolWrite, p)
	}
}

// terminal reports whether the tool types into a terminal, whose text runs.
func (w *mcpWalk) terminal() bool {
	for _, word := range ToolWords(w.tool) {
		switch word {
		case "type", "keys", "terminal", "stdin", "tmux", "tty", "pty", "console", "shell":
			return true
		}
	}
	return false
}

// looksLikePath reports whether a bare string is an absolute or home path.
func looksLikePath(v string) bool {
	return (strings.HasPrefix(v, "/") || strings.HasPrefix(v, "~/")) && !strings.ContainsAny(v, " \n\t") && len(v) < 4096
}

// codeLine renders code given to a tool as the one-liner that would run it,
// so the shell package scans it like python3 -c or node -e.
func codeLine(tool, code string) string {
	interp := "python3 -c"
	words := strings.Join(ToolWords(tool), " ")
	switch {
	case strings.Contains(words, "node") || strings.Contains(words, "js") || strings.Contains(words, "javascript") ||
		strings.Contains(code, "require(") || strings.Contains(code, "=>") || strings.Contains(code, "const "):
		interp = "node -e"
	case strings.Contains(words, "ruby"):
		interp = "ruby -e"
	case strings.Contains(words, "bash") || strings.Contains(words, "shell"):
		return code
	}
	return interp + " " + shellQuote(code)
}

func shellQuote(s string) string { return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'" }

func quoteArgv(argv []string) string {
	q := make([]string, len(argv))
	for i, a := range argv {
		q[i] = shellQuote(a)
	}
	return strings.Join(q, " ")
}

// strings_ returns a list's elements when they are all strings.
func strings_(v any) ([]string, bool) {
	l, ok := v.([]any)
	if !ok {
		return nil, false
	}
	out := make([]string, 0, len(l))
	for _, e := range l {
		s, ok := e.(string)
		if !ok {
			return nil, false
		}
		out = append(out, s)
	}
	return out, true
}

// sendsOut reports whether a tool's name says it sends content somewhere
// others can read it.
func sendsOut(tool string) bool {
	for _, w := range ToolWords(tool) {
		switch w {
		case "send", "post", "create", "comment", "publish", "upload", "append", "gist", "issue", "message",
			"email", "mail", "tweet", "share", "push", "reply", "chat", "notify", "block", "page", "paste", "submit":
			return true
		}
	}
	return false
}

// stringValues returns a value's strings: itself, or a list's elements.
func stringValues(v any) []string {
	switch x := v.(type) {
	case string:
		return []string{x}
	case []any:
		var out []string
		for _, e := range x {
			if s, ok := e.(string); ok {
				out = append(out, s)
			}
		}
		return out
	}
	return nil
}

// placeholder reports whether a found credential is an example value
// ("your-key-here", "<token>", "xxxx", "changeme").
func placeholder(v string) bool {
	l := strings.ToLower(v)
	for _, p := range []string{"your", "example", "here", "xxxx", "<", "changeme", "placeholder", "dummy", "redacted", "..."} {
		if strings.Contains(l, p) {
			return true
		}
	}
	return false
}
