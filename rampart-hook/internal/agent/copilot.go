package agent

import "rampart.dev/pkg/call"

// GitHub Copilot CLI (PROTOCOLS.md 2.3) has two dialects, chosen by how the
// event is spelled in the hook file: camelCase (preToolUse → sessionId,
// toolName, toolArgs, which may be an object or its JSON text, and
// toolResult after the tool ran) and the VS Code compatible PascalCase one
// (PreToolUse → Claude Code's field names, tool_result). The answer carries
// permissionDecision at the top level for the CLI and inside
// hookSpecificOutput for VS Code hosts. Copilot CLI ignores the output of
// postToolUse command hooks (only its SDK hooks may replace a result), so a
// finding there is answered best-effort and always audited.

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

// copilotCalls maps Copilot CLI's tools.
func copilotCalls(tool string, in map[string]any, cwd string) []call.Call {
	var calls []call.Call
	switch tool {
	case "bash", "powershell":
		calls = execCall(str(in, "command"))
	case "view":
		calls = readCalls("", str(in, "path"))
	case "glob", "grep":
		calls = searchCall(firstOr(in, cwd, "path"), in, "pattern", "glob")
	case "create":
		calls = writeCall(str(in, "path"), first(in, "file_text", "content"), true)
	case "edit":
		calls = writeCall(str(in, "path"), first(in, "new_str", "new_string"), true)
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
