package agent

import (
	"strings"

	"rampart.dev/pkg/call"
	"rampart.dev/pkg/jsonstr"
)

// Claude Code: PreToolUse, PostToolUse and PostToolUseFailure, with
// tool_name and tool_input (PROTOCOLS.md 1.3, 1.4). Payloads from before
// hook_event_name existed are told apart by tool_response, which only
// PostToolUse carries. A Bash command that exits non-zero fires
// PostToolUseFailure with its output in error; the model sees that output
// whatever the hook answers (the event takes only additionalContext), so a
// finding there is audited and reported to the model, not withheld.

// ToolAgent is the canonical name given to sub-agent launches (Claude
// Code's Agent, formerly Task; Copilot's task), so one policy covers every
// spelling.
const ToolAgent = "agent"

func parseClaude(ev *Event, m map[string]any) error {
	ev.Name = str(m, "hook_event_name")
	ev.Tool = str(m, "tool_name")
	switch ev.Name {
	case "PreToolUse":
		ev.Kind = Pre
	case "PostToolUse":
		ev.Kind = Post
	case "PostToolUseFailure":
		ev.Kind = Post
		ev.exposed = true
	case "":
		if has(m, "tool_response") {
			ev.Kind = Post
		} else {
			ev.Kind = Pre
		}
	default:
		// Prompts, sessions, notifications: nothing to judge.
		ev.Kind = Other
		return nil
	}
	if ev.Tool == "" {
		return ErrNoTool
	}
	input, err := object(m, "tool_input")
	if err != nil {
		return err
	}
	cwd := str(m, "cwd")
	if ev.Format == Codex {
		ev.Calls = codexCalls(ev.Tool, input)
		if ev.Kind == Pre {
			ev.AskReason = codexInteractive(ev.Calls)
		}
	}
	if len(ev.Calls) == 0 {
		ev.Calls = claudeCalls(ev.Tool, input, cwd)
	}
	if ev.Kind == Post {
		ev.Output = m["tool_response"]
		if ev.exposed {
			ev.Output = m["error"]
		}
	}
	stamp(ev, str(m, "session_id"), cwd)
	return nil
}

// claudeCalls maps a Claude Code tool onto calls (PROTOCOLS.md 1.4).
func claudeCalls(tool string, in map[string]any, cwd string) []call.Call {
	var calls []call.Call
	switch tool {
	case "Bash":
		calls = execCall(str(in, "command"))
	case "PowerShell":
		calls = pwshCall(str(in, "command"))
	case "Read":
		calls = readCalls("", str(in, "file_path"))
	case "Grep":
		calls = searchCall(firstOr(in, cwd, "path"), in, "pattern", "glob")
	case "Glob":
		calls = searchCall(firstOr(in, cwd, "path"), in, "pattern")
	case "LS":
		calls = readCalls("", str(in, "path"))
	case "Write":
		calls = writeCall(str(in, "file_path"), str(in, "content"), true)
	case "Edit":
		calls = writeCall(str(in, "file_path"), str(in, "new_string"), true)
	case "MultiEdit":
		calls = writeCall(str(in, "file_path"), multiEditContent(in), true)
	case "NotebookEdit":
		calls = writeCall(str(in, "notebook_path"), str(in, "new_source"), true)
	case "WebFetch":
		calls = fetchCalls(str(in, "url"))
	case "Monitor":
		// Watches a command's output or a WebSocket: either is egress.
		calls = execCall(str(in, "command"))
		if ws, ok := in["ws"].(map[string]any); ok {
			calls = append(calls, fetchCalls(str(ws, "url"))...)
		}
	case "Agent", "Task":
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

// multiEditContent joins the new text of every edit, so content rules see
// all of it.
func multiEditContent(in map[string]any) string {
	edits, _ := in["edits"].([]any)
	parts := make([]string, 0, len(edits))
	for _, e := range edits {
		if m, ok := e.(map[string]any); ok {
			parts = append(parts, str(m, "new_string"))
		}
	}
	return strings.Join(parts, "\n")
}

// claudeOutput is Claude Code's hook output (PROTOCOLS.md 1.6).
type claudeOutput struct {
	Decision string          `json:"decision,omitempty"`
	Reason   string          `json:"reason,omitempty"`
	Specific *claudeSpecific `json:"hookSpecificOutput,omitempty"`
}

type claudeSpecific struct {
	HookEventName            string `json:"hookEventName"`
	AdditionalContext        string `json:"additionalContext,omitempty"`
	PermissionDecision       string `json:"permissionDecision,omitempty"`
	PermissionDecisionReason string `json:"permissionDecisionReason,omitempty"`
	UpdatedToolOutput        any    `json:"updatedToolOutput,omitempty"`
}

func renderClaude(ev *Event, a Answer) []byte {
	if ev.Kind == Post && ev.exposed {
		if a.Verdict != Deny {
			return nil
		}
		return encode(claudeOutput{Decision: "block", Reason: a.Reason,
			Specific: &claudeSpecific{HookEventName: ev.Name, AdditionalContext: a.Reason}})
	}
	if ev.Kind == Post {
		return renderClaudePost(a, true)
	}
	if a.Verdict == NoOpinion {
		return nil
	}
	return claudePreToolUse(a.Verdict.String(), a.Reason)
}

// claudePreToolUse is a PreToolUse answer, written by hand as encode
// writes claudeOutput{Specific: &claudeSpecific{HookEventName:
// "PreToolUse", PermissionDecision: decision, PermissionDecisionReason:
// reason}} (TestClaudePreToolUseAsEncoded): the one answer of most calls
// that have one, where encoding/json first built its encoders for the two
// types by reflection (some 100k instructions a process).
func claudePreToolUse(decision, reason string) []byte {
	b := make([]byte, 0, 128+len(reason))
	b = append(b, `{"hookSpecificOutput":{"hookEventName":"PreToolUse"`...)
	if decision != "" {
		b = append(b, `,"permissionDecision":`...)
		b = jsonstr.Append(b, decision, `\ufffd`)
	}
	if reason != "" {
		b = append(b, `,"permissionDecisionReason":`...)
		b = jsonstr.Append(b, reason, `\ufffd`)
	}
	return append(b, "}}\n"...)
}

// renderClaudePost blocks a tool's output: the reason goes to the model
// and, where the agent takes one, a redacted output replaces the real one.
func renderClaudePost(a Answer, replace bool) []byte {
	if a.Verdict != Deny {
		return nil
	}
	out := claudeOutput{Decision: "block", Reason: a.Reason}
	if replace && a.Redacted != nil {
		out.Specific = &claudeSpecific{HookEventName: "PostToolUse", UpdatedToolOutput: a.Redacted}
	}
	return encode(out)
}
