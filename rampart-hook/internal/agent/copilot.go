package agent

import "rampart.dev/pkg/call"

// GitHub Copilot CLI (PROTOCOLS.md 2.3) has two dialects, chosen by how the
// event is spelled in the hook file: camelCase (preToolUse → sessionId,
// toolName, toolArgs, which may be an object or its JSON text, and
// toolResult after the tool ran) and the VS Code compatible PascalCase one
// (PreToolUse → Claude Code's field names, tool_result). The answer carries
// permissionDecision at the top level for the CLI and inside
// hookSpecificOutput for VS Code hosts. Under the PascalCase configuration
// Copilot CLI names its tools as Claude Code does (Bash, Read, Write, Edit,
// Grep) but keeps its own argument names (path, file_text, new_str,
// paths). grep and glob take paths, a list. After a tool ran, Copilot CLI
// (1.0.102, measured) gives the model modifiedResult in place of the
// result.

func parseCopilot(ev *Event, m map[string]any) error {
	ev.Name = str(m, "hook_event_name")
	var input map[string]any
	var err error
	switch {
	case has(m, "toolName"):
		ev.camel = true
		ev.Tool = str(m, "toolName")
		switch {
		case has(m, "toolResult"):
			ev.Kind = Post
			ev.Output = textResult(m["toolResult"], "textResultForLlm")
		case has(m, "error"):
			ev.Kind = Other // postToolUseFailure
			return nil
		default:
			ev.Kind = Pre
		}
		input, err = object(m, "toolArgs")
	case ev.Name == "PreToolUse" || ev.Name == "PostToolUse":
		ev.Tool = str(m, "tool_name")
		ev.Kind = Pre
		if ev.Name == "PostToolUse" {
			ev.Kind = Post
			ev.Output = textResult(m["tool_result"], "text_result_for_llm")
		}
		input, err = object(m, "tool_input")
	default:
		ev.Kind = Other
		return nil
	}
	if err != nil {
		return err
	}
	if ev.Tool == "" {
		return ErrNoTool
	}
	cwd := str(m, "cwd")
	ev.Calls = copilotCalls(ev.Tool, input, cwd)
	stamp(ev, first(m, "sessionId", "session_id"), cwd)
	return nil
}

// textResult is the text a tool result gives the model, or the whole
// result when it has no such text.
func textResult(v any, key string) any {
	if r, ok := v.(map[string]any); ok {
		if s, ok := r[key].(string); ok {
			return s
		}
	}
	return v
}

// copilotPascal maps the tool names Copilot sends under the PascalCase
// configuration (measured with Copilot CLI 1.0.102: Bash, Read, Write,
// Edit, Grep, with Copilot's own argument names) onto its own.
func copilotPascal(tool string) (own string, ok bool) {
	switch tool {
	case "Bash":
		return "bash", true
	case "PowerShell":
		return "powershell", true
	case "Read":
		return "view", true
	case "Write":
		return "create", true
	case "Edit":
		return "edit", true
	case "Grep":
		return "grep", true
	case "Glob":
		return "glob", true
	case "WebFetch":
		return "web_fetch", true
	case "Task", "Agent":
		return "task", true
	}
	return "", false
}

// copilotCalls maps Copilot CLI's tools.
func copilotCalls(tool string, in map[string]any, cwd string) []call.Call {
	if own, ok := copilotPascal(tool); ok {
		tool = own
	}
	var calls []call.Call
	switch tool {
	case "bash":
		calls = execCall(str(in, "command"))
	case "powershell":
		calls = pwshCall(str(in, "command"))
	case "view":
		calls = readCalls("", first(in, "path", "file_path"))
	case "glob", "grep":
		calls = copilotSearch(in, cwd)
	case "create":
		calls = writeCall(first(in, "path", "file_path"), first(in, "file_text", "content"), true)
	case "edit":
		calls = writeCall(first(in, "path", "file_path"), first(in, "new_str", "new_string"), true)
	case "web_fetch":
		calls = fetchCalls(str(in, "url"))
	case "task":
		calls = []call.Call{asGiven(ToolAgent, in)}
	default:
		if server, name, ok := splitMCP(tool); ok {
			calls = []call.Call{mcpCall(server, name, in)}
		}
	}
	if len(calls) == 0 {
		calls = []call.Call{asGiven(tool, in)}
	}
	return calls
}

// copilotSearch is a read of each directory or file grep and glob search:
// paths (one string or a list), else path, else the working directory.
func copilotSearch(in map[string]any, cwd string) []call.Call {
	paths := stringList(in, "paths")
	if len(paths) == 0 {
		paths = stringList(in, "path")
	}
	if len(paths) == 0 {
		return searchCall(cwd, in, "pattern", "glob")
	}
	var calls []call.Call
	for _, p := range paths {
		calls = append(calls, searchCall(p, in, "pattern", "glob")...)
	}
	return calls
}

// copilotOutput answers preToolUse for both dialects at once.
type copilotOutput struct {
	PermissionDecision       string          `json:"permissionDecision"`
	PermissionDecisionReason string          `json:"permissionDecisionReason,omitempty"`
	Specific                 *claudeSpecific `json:"hookSpecificOutput,omitempty"`
}

// copilotPostCamel answers postToolUse in the camelCase dialect.
type copilotPostCamel struct {
	ModifiedResult    copilotResult `json:"modifiedResult"`
	AdditionalContext string        `json:"additionalContext,omitempty"`
}

type copilotResult struct {
	ResultType       string `json:"resultType"`
	TextResultForLlm string `json:"textResultForLlm"`
}

func renderCopilot(ev *Event, a Answer) []byte {
	if ev.Kind == Post {
		if a.Verdict != Deny {
			return nil
		}
		if !ev.camel {
			return renderClaudePost(a, false)
		}
		return encode(copilotPostCamel{
			ModifiedResult:    copilotResult{ResultType: "denied", TextResultForLlm: a.Reason},
			AdditionalContext: a.Reason,
		})
	}
	if a.Verdict == NoOpinion {
		return nil
	}
	v := a.Verdict.String()
	return encode(copilotOutput{
		PermissionDecision:       v,
		PermissionDecisionReason: a.Reason,
		Specific: &claudeSpecific{
			HookEventName:            "PreToolUse",
			PermissionDecision:       v,
			PermissionDecisionReason: a.Reason,
		},
	})
}
