package agent

import (
	"regexp"
	"strings"
	"sync"

	"rampart.dev/pkg/call"
)

// Gemini CLI (PROTOCOLS.md 2.2): BeforeTool and AfterTool with Claude Code's
// field names and Gemini's own tools. decision "deny" blocks the call
// (BeforeTool) or replaces the output with the reason (AfterTool); "ask"
// hands the call to Gemini's own confirmation (measured with Gemini CLI
// 0.61.0, which also keeps its confirmation after a hook's "allow").

func parseGemini(ev *Event, m map[string]any) error {
	ev.Name = str(m, "hook_event_name")
	switch ev.Name {
	case "BeforeTool":
		ev.Kind = Pre
	case "AfterTool":
		ev.Kind = Post
	default:
		ev.Kind = Other
		return nil
	}
	ev.Tool = str(m, "tool_name")
	if ev.Tool == "" {
		return ErrNoTool
	}
	input, err := object(m, "tool_input")
	if err != nil {
		return err
	}
	cwd := str(m, "cwd")
	ev.Calls = geminiCalls(ev.Tool, input, cwd, m)
	if ev.Kind == Post {
		ev.Output = m["tool_response"]
	}
	stamp(ev, str(m, "session_id"), cwd)
	return nil
}

// geminiCalls maps Gemini CLI's tools.
func geminiCalls(tool string, in map[string]any, cwd string, m map[string]any) []call.Call {
	var calls []call.Call
	switch tool {
	case "run_shell_command":
		calls = execCall(str(in, "command"))
	case "read_file":
		calls = readCalls("", first(in, "file_path", "absolute_path", "path"))
	case "read_many_files":
		calls = readCalls(cwd, append(stringList(in, "include"), stringList(in, "paths")...)...)
	case "list_directory":
		calls = readCalls("", first(in, "dir_path", "path"))
	case "glob":
		calls = searchCall(firstOr(in, cwd, "dir_path", "path"), in, "pattern")
	case "grep_search", "search_file_content":
		// include is the grep's file glob: the engine judges the files it names
		calls = searchCall(firstOr(in, cwd, "dir_path", "path"), in, "pattern", "include")
	case "write_file":
		calls = writeCall(first(in, "file_path", "absolute_path"), str(in, "content"), true)
	case "replace":
		calls = writeCall(first(in, "file_path", "absolute_path"), str(in, "new_string"), true)
	case "web_fetch":
		if u := str(in, "url"); u != "" {
			calls = fetchCalls(u)
		} else {
			calls = fetchCalls(findURLs(str(in, "prompt"))...)
		}
	default:
		if server, name, ok := splitMCP(tool); ok {
			calls = []call.Call{mcpCall(server, name, in)}
		} else if mc, ok := m["mcp_context"].(map[string]any); ok && str(mc, "server_name") != "" {
			calls = []call.Call{mcpCall(str(mc, "server_name"), firstOr(mc, tool, "tool_name"), in)}
		}
	}
	if len(calls) == 0 {
		calls = []call.Call{asGiven(tool, in)}
	}
	return calls
}

// urlPattern returns the expression of an http or https URL in free text,
// compiled on first use: a process that reads no Gemini web_fetch, or
// links the package and reads nothing, compiles and allocates nothing
// (sync.OnceValue's closure and state are allocated at initialisation).
func urlPattern() *regexp.Regexp {
	urlPatternOnce.Do(func() {
		urlPatternRE = regexp.MustCompile(`(?i)\bhttps?://[^\s"'<>()\[\]{}]+`)
	})
	return urlPatternRE
}

var (
	urlPatternOnce sync.Once
	urlPatternRE   *regexp.Regexp
)

// findURLs returns the http and https URLs in free text, such as the
// prompt of Gemini's web_fetch, without trailing punctuation.
func findURLs(text string) []string {
	if !strings.Contains(strings.ToLower(text), "http") {
		return nil
	}
	found := urlPattern().FindAllString(text, -1)
	for i, u := range found {
		found[i] = strings.TrimRight(u, ".,;:!?")
	}
	return found
}

// geminiOutput is Gemini CLI's hook output.
type geminiOutput struct {
	Decision string `json:"decision"`
	Reason   string `json:"reason,omitempty"`
}

func renderGemini(ev *Event, a Answer) []byte {
	switch a.Verdict {
	case Deny:
		return encode(geminiOutput{Decision: "deny", Reason: a.Reason})
	case Ask:
		if ev.Kind == Pre {
			return encode(geminiOutput{Decision: "ask", Reason: a.Reason})
		}
		return encode(geminiOutput{Decision: "deny", Reason: a.Reason})
	case Allow:
		if ev.Kind == Pre {
			return encode(geminiOutput{Decision: "allow", Reason: a.Reason})
		}
	}
	return nil
}
