package agent

import (
	"strings"

	"rampart.dev/pkg/call"
)

// Cline (PROTOCOLS.md 2.1; the CLI's tools as Cline CLI 3.0.65 sends them:
// read_files {files: [{path}]}, fetch_web_content {requests: [{url}]},
// editor {path, new_text}, run_commands items as strings or {command,
// args}): the extension sends hookName PreToolUse or
// PostToolUse with a preToolUse/postToolUse object whose parameters are
// strings; the SDK-based CLI sends hookName tool_call/tool_result with a
// lossless tool_call/tool_result object, which is preferred when present.
// Cline has no "ask", and cancel: true cancels the whole task, not just the
// call, so only a deny cancels. Cline treats a hook that fails as
// "continue", so every path answers with JSON.

func parseCline(ev *Event, m map[string]any) error {
	ev.Name = str(m, "hookName")
	var legacy, lossless string
	switch {
	case ev.Name == "PreToolUse" || ev.Name == "tool_call":
		ev.Kind, legacy, lossless = Pre, "preToolUse", "tool_call"
	case ev.Name == "PostToolUse" || ev.Name == "tool_result":
		ev.Kind, legacy, lossless = Post, "postToolUse", "tool_result"
	case ev.Name == "" && (has(m, "preToolUse") || has(m, "tool_call")):
		ev.Kind, legacy, lossless = Pre, "preToolUse", "tool_call"
	case ev.Name == "" && (has(m, "postToolUse") || has(m, "tool_result")):
		ev.Kind, legacy, lossless = Post, "postToolUse", "tool_result"
	default:
		ev.Kind = Other
		return nil
	}
	var input map[string]any
	var output any
	if o, ok := m[lossless].(map[string]any); ok && str(o, "name") != "" {
		ev.Tool = str(o, "name")
		in, err := object(o, "input")
		if err != nil {
			return err
		}
		input, output = in, o["output"]
	} else {
		o, err := object(m, legacy)
		if err != nil {
			return err
		}
		ev.Tool = str(o, "toolName")
		if input, err = object(o, "parameters"); err != nil {
			return err
		}
		output = o["result"]
	}
	if ev.Tool == "" {
		return ErrNoTool
	}
	cwd := first(m, "cwd")
	if roots := stringList(m, "workspaceRoots"); cwd == "" && len(roots) > 0 {
		cwd = roots[0]
	}
	ev.Calls = clineCalls(ev.Tool, input, cwd)
	if ev.Kind == Post {
		ev.Output = output
	}
	stamp(ev, str(m, "taskId"), cwd)
	return nil
}

// clineCalls maps Cline's tools, the extension's and the CLI's.
func clineCalls(tool string, in map[string]any, cwd string) []call.Call {
	var calls []call.Call
	switch tool {
	case "execute_command":
		calls = execCall(str(in, "command"))
	case "run_commands":
		for _, c := range clineCommands(in) {
			calls = append(calls, execCall(c)...)
		}
	case "read_file", "list_files", "list_code_definition_names":
		calls = readCalls("", str(in, "path"))
	case "read_files":
		paths := append(objectField(in, "files", "path"), stringList(in, "file_paths")...)
		calls = readCalls("", append(paths, stringList(in, "paths")...)...)
	case "search_files":
		calls = searchCall(firstOr(in, cwd, "path"), in, "regex", "file_pattern")
	case "write_to_file":
		calls = writeCall(str(in, "path"), str(in, "content"), true)
	case "replace_in_file":
		calls = writeCall(str(in, "path"), replaceBlocks(str(in, "diff")), true)
	case "editor":
		calls = writeCall(str(in, "path"), first(in, "new_text", "file_text", "new_str", "content"), true)
	case "apply_patch":
		calls = patchCalls(first(in, "input", "patch"))
	case "web_fetch", "browser_action":
		calls = fetchCalls(str(in, "url"))
	case "fetch_web_content":
		urls := append(objectField(in, "requests", "url"), stringList(in, "urls")...)
		calls = fetchCalls(append(urls, stringList(in, "url")...)...)
	case "use_mcp_tool":
		args, err := object(in, "arguments")
		if err != nil {
			args = map[string]any{"raw": str(in, "arguments")}
		}
		calls = []call.Call{mcpCall(str(in, "server_name"), str(in, "tool_name"), args)}
	case "new_task":
		calls = []call.Call{asGiven(ToolAgent, in)}
	default:
		// The CLI names MCP tools server__tool.
		if server, name, ok := strings.Cut(tool, "__"); ok && server != "" && name != "" {
			calls = []call.Call{mcpCall(server, name, in)}
		}
	}
	if len(calls) == 0 {
		calls = []call.Call{asGiven(tool, in)}
	}
	return calls
}

// clineCommands reads run_commands' commands: strings, or {command, args}
// objects whose arguments are quoted back onto the command (measured with
// Cline CLI 3.0.65). A lone command string counts too.
func clineCommands(in map[string]any) []string {
	out := stringList(in, "command")
	items, _ := in["commands"].([]any)
	if s, ok := in["commands"].(string); ok {
		items = []any{s}
	}
	for _, it := range items {
		switch v := it.(type) {
		case string:
			out = append(out, v)
		case map[string]any:
			cmd := str(v, "command")
			if cmd == "" {
				continue
			}
			for _, a := range stringList(v, "args") {
				cmd += " " + call.ShellQuote(a)
			}
			out = append(out, cmd)
		}
	}
	return out
}

// objectField returns field of every object in the list m[key] (Cline's
// files: [{path}], requests: [{url}]); a string item counts as the field.
func objectField(m map[string]any, key, field string) []string {
	items, _ := m[key].([]any)
	var out []string
	for _, it := range items {
		switch v := it.(type) {
		case string:
			out = append(out, v)
		case map[string]any:
			if s := str(v, field); s != "" {
				out = append(out, s)
			}
		}
	}
	return out
}

// replaceBlocks returns the new text of a Cline SEARCH/REPLACE diff: the
// lines between ======= and the REPLACE marker. A diff without blocks is
// returned whole.
func replaceBlocks(diff string) string {
	var out []string
	in := false
	for line := range strings.Lines(diff) {
		t := strings.TrimRight(line, "\r\n")
		switch {
		case strings.HasPrefix(t, "=======") && strings.Trim(t, "=") == "":
			in = true
		case strings.HasSuffix(t, " REPLACE") && (strings.HasPrefix(t, "+++++++") || strings.HasPrefix(t, ">>>>>>>")):
			in = false
		case in:
			out = append(out, t)
		}
	}
	if out == nil {
		return diff
	}
	return strings.Join(out, "\n")
}

// clineOutput is Cline's hook output.
type clineOutput struct {
	Cancel              bool   `json:"cancel"`
	ContextModification string `json:"contextModification,omitempty"`
	ErrorMessage        string `json:"errorMessage,omitempty"`
}

func renderCline(ev *Event, a Answer) []byte {
	switch a.Verdict {
	case Deny:
		return encode(clineOutput{Cancel: true, ContextModification: a.Reason, ErrorMessage: a.Reason})
	case Ask:
		r := cannotAsk(a.Reason)
		return encode(clineOutput{Cancel: true, ContextModification: r, ErrorMessage: r})
	}
	return encode(clineOutput{})
}
