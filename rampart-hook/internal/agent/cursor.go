package agent

import (
	"strings"

	"rampart.dev/pkg/call"
)

// Cursor (PROTOCOLS.md 2.5): one event per kind of action
// (beforeShellExecution, beforeMCPExecution, beforeReadFile) and a newer
// generic preToolUse. The answer is {"permission": ...}; "ask" is honoured
// by the shell and MCP events only, so elsewhere it becomes a deny that
// says approval is needed. The after* events are fire-and-forget: Cursor
// ignores their output, so a credential found there is audited, not
// blocked. beforeReadFile carries the file's content, which is scanned like
// a tool's output before the agent sees it.

// cursorEvents gives the kind of one of Cursor's tool events: Other for
// its other events (afterFileEdit, beforeSubmitPrompt, stop) and for a
// name that is none of Cursor's.
func cursorEvents(name string) Kind {
	switch name {
	case "beforeShellExecution", "beforeMCPExecution", "beforeReadFile", "preToolUse":
		return Pre
	case "afterShellExecution", "afterMCPExecution", "postToolUse":
		return Post
	}
	return Other
}

func parseCursor(ev *Event, m map[string]any) error {
	ev.Name = str(m, "hook_event_name")
	ev.Kind = cursorEvents(ev.Name)
	if ev.Kind == Other {
		return nil
	}
	cwd := str(m, "cwd")
	if roots := stringList(m, "workspace_roots"); cwd == "" && len(roots) > 0 {
		cwd = roots[0]
	}
	switch ev.Name {
	case "beforeShellExecution", "afterShellExecution":
		ev.Tool = "Shell"
		ev.Calls = execCall(str(m, "command"))
		ev.Output = m["output"]
	case "beforeReadFile":
		ev.Tool = "Read"
		ev.Calls = readCalls("", str(m, "file_path"))
		ev.Output = m["content"]
	case "beforeMCPExecution", "afterMCPExecution":
		ev.Tool = str(m, "tool_name")
		input, err := object(m, "tool_input")
		if err != nil {
			return err
		}
		server, tool := cursorMCPName(ev.Tool)
		if server == "" {
			server = first(m, "server", "url", "command")
		}
		if tool != "" {
			ev.Calls = []call.Call{mcpCall(server, tool, input)}
		}
		ev.Output = m["result_json"]
	default: // preToolUse, postToolUse
		ev.Tool = str(m, "tool_name")
		if ev.Tool == "" {
			return ErrNoTool
		}
		input, err := object(m, "tool_input")
		if err != nil {
			return err
		}
		ev.Calls = cursorCalls(ev.Tool, input, cwd)
		ev.Output = m["tool_output"]
		if ev.Output == nil {
			ev.Output = m["tool_response"]
		}
	}
	if ev.Kind != Post && ev.Name != "beforeReadFile" {
		ev.Output = nil
	}
	stamp(ev, str(m, "conversation_id"), cwd)
	return nil
}

// cursorMCPName splits "MCP:server:tool" (newer Cursor), or returns a bare
// tool name with no server (older Cursor).
func cursorMCPName(name string) (server, tool string) {
	rest, ok := strings.CutPrefix(name, "MCP:")
	if !ok {
		return "", name
	}
	if s, t, ok := strings.Cut(rest, ":"); ok {
		return s, t
	}
	return "", rest
}

// cursorCalls maps the tools of Cursor's generic preToolUse.
func cursorCalls(tool string, in map[string]any, cwd string) []call.Call {
	var calls []call.Call
	switch tool {
	case "Shell", "Bash", "Terminal":
		calls = execCall(str(in, "command"))
	case "Read":
		calls = readCalls("", first(in, "file_path", "path", "target_file"))
	case "LS":
		calls = readCalls("", first(in, "path", "target_directory"))
	case "Grep", "Glob":
		calls = searchCall(firstOr(in, cwd, "path", "target_directory"), in, "pattern", "glob_pattern")
	case "Write":
		calls = writeCall(first(in, "file_path", "path", "target_file"), first(in, "contents", "content"), true)
	case "StrReplace", "Edit", "MultiEdit":
		calls = writeCall(first(in, "file_path", "path", "target_file"), first(in, "new_string", "new_str", "code_edit"), true)
	case "Delete":
		calls = writeCall(first(in, "file_path", "path", "target_file"), "", false)
	case "WebFetch":
		calls = fetchCalls(str(in, "url"))
	default:
		if server, name := cursorMCPName(tool); strings.HasPrefix(tool, "MCP:") {
			calls = []call.Call{mcpCall(server, name, in)}
		}
	}
	if len(calls) == 0 {
		calls = []call.Call{asGiven(tool, in)}
	}
	return calls
}

// cursorOutput is Cursor's answer to a permission event.
type cursorOutput struct {
	Permission   string `json:"permission"`
	UserMessage  string `json:"user_message,omitempty"`
	AgentMessage string `json:"agent_message,omitempty"`
}

func renderCursor(ev *Event, a Answer) []byte {
	if ev.Kind == Post {
		return nil
	}
	switch a.Verdict {
	case Deny:
		return encode(cursorOutput{Permission: "deny", UserMessage: a.Reason, AgentMessage: a.Reason})
	case Ask:
		if ev.Name == "beforeShellExecution" || ev.Name == "beforeMCPExecution" {
			return encode(cursorOutput{Permission: "ask", UserMessage: a.Reason, AgentMessage: a.Reason})
		}
		r := cannotAsk(a.Reason)
		return encode(cursorOutput{Permission: "deny", UserMessage: r, AgentMessage: r})
	case Allow:
		return encode(cursorOutput{Permission: "allow"})
	}
	return nil
}
