package engine

import (
	"sort"
	"strings"
	"unicode"

	"rampart.dev/pkg/call"
	"rampart.dev/pkg/match"
)

// Argument names that carry a command, a path, a URL or SQL.
var (
	commandKeys = map[string]bool{"command": true, "cmd": true, "script": true, "shell": true, "commandline": true, "command_line": true, "bash": true, "exec": true}
	pathKeys    = map[string]bool{"path": true, "paths": true, "file": true, "files": true, "filename": true, "file_path": true, "filepath": true, "source": true, "destination": true, "src": true, "dst": true, "dest": true, "target": true, "directory": true, "dir": true, "folder": true, "cwd": true}
	urlKeys     = map[string]bool{"url": true, "uri": true, "href": true, "endpoint": true, "link": true}
	sqlKeys     = map[string]bool{"sql": true, "query": true, "statement": true, "stmt": true}
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
	read, write := pathVerb(tool)
	keys := make([]string, 0, len(args))
	for k := range args {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		lk := strings.ToLower(k)
		for _, v := range stringValues(args[k]) {
			switch {
			case commandKeys[lk]:
				ev.exec(v, false, call.ToolExec)
			case pathKeys[lk]:
				p := match.CleanPath(v, c.Cwd, ev.e.env.Home)
				if read {
					ev.pathSubject(call.ToolRead, p)
				}
				if write {
					ev.pathSubject(call.ToolWrite, p)
				}
			case sqlKeys[lk]:
				ss := subject{tool: toolSQL, text: v, sql: normalizeSQL(v)}
				ev.judge(&ss)
			case urlKeys[lk] || strings.Contains(v, "://"):
				fs := subject{tool: call.ToolFetch, text: v, urlRaw: v}
				fs.url, fs.hasURL = match.ParseURL(v)
				ev.judge(&fs)
				ev.judgeHostAlternates(&fs) // paths.go: the IP a wildcard-DNS name embeds
			}
			if ev.denied() {
				return
			}
		}
	}
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
