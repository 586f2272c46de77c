package agent

import "rampart.dev/pkg/call"

// OpenClaw has no command hooks of its own: Rampart's OpenClaw plugin
// (rampart-hook/openclaw-plugin) runs in the gateway's before_tool_call
// hook and pipes each call to `rampart-hook --format openclaw` as
//
//	{"hook_event_name":"before_tool_call","tool_name":"exec","params":{"command":"ls"},
//	 "agent_id":"main","session_key":"agent:main:main","cwd":"/home/u/project",
//	 "derived_paths":["/home/u/project/a.txt"]}
//
// and turns the answer into the hook's result: {"block":true,"blockReason":
// "..."} stops the call with the reason the model sees; {"requireApproval":
// {...}} hands it to OpenClaw's own approval (the /approve flow); an empty
// answer leaves it to OpenClaw. The plugin blocks on its own when the hook
// cannot be run, exits non-zero, times out or answers something it cannot
// read.
//
// Tools: exec (command, workdir), read (path), write (path, content), edit
// (path, newText), apply_patch (input in Codex's envelope, or the host's
// derived paths), web_fetch (url); any other tool is judged as given.

func parseOpenClaw(ev *Event, m map[string]any) error {
	ev.Name = str(m, "hook_event_name")
	if ev.Name != "" && ev.Name != "before_tool_call" {
		ev.Kind = Other
		return nil
	}
	ev.Kind = Pre
	ev.Tool = str(m, "tool_name")
	if ev.Tool == "" {
		return ErrNoTool
	}
	in, err := object(m, "params")
	if err != nil {
		return err
	}
	cwd := str(m, "cwd")
	if ev.Tool == "exec" {
		// The command runs in workdir when the model names one.
		cwd = firstOr(in, cwd, "workdir")
	}
	ev.Calls = openclawCalls(ev.Tool, in, stringList(m, "derived_paths"))
	stamp(ev, first(m, "session_key", "session_id"), cwd)
	return nil
}

// openclawCalls maps OpenClaw's tools.
func openclawCalls(tool string, in map[string]any, derived []string) []call.Call {
	var calls []call.Call
	switch tool {
	case "exec", "bash":
		calls = execCall(str(in, "command"))
	case "read":
		calls = readCalls("", first(in, "path", "file_path"))
	case "write":
		calls = writeCall(first(in, "path", "file_path"), str(in, "content"), has(in, "content"))
	case "edit":
		calls = writeCall(first(in, "path", "file_path"), first(in, "newText", "new_string"), true)
	case "apply_patch":
		calls = patchCalls(first(in, "input", "patch"))
		if len(calls) == 0 {
			for _, p := range derived {
				calls = append(calls, pathCall(call.ToolWrite, p, nil))
			}
		}
	case "web_fetch":
		calls = fetchCalls(str(in, "url"))
	}
	if len(calls) == 0 {
		calls = []call.Call{asGiven(tool, in)}
	}
	return calls
}

// openclawOutput is BeforeToolCallResult, as far as Rampart sets it.
type openclawOutput struct {
	Block           bool             `json:"block,omitempty"`
	BlockReason     string           `json:"blockReason,omitempty"`
	RequireApproval *openclawApprove `json:"requireApproval,omitempty"`
}

type openclawApprove struct {
	Title       string `json:"title"`
	Description string `json:"description"`
	Severity    string `json:"severity"`
}

func renderOpenClaw(ev *Event, a Answer) []byte {
	if ev.Kind != Pre {
		return nil
	}
	switch a.Verdict {
	case Deny:
		return encode(openclawOutput{Block: true, BlockReason: a.Reason})
	case Ask:
		return encode(openclawOutput{RequireApproval: &openclawApprove{Title: "Rampart: approval needed", Description: a.Reason, Severity: "warning"}})
	}
	return nil
}
