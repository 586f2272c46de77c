// Package agent reads the hook payloads of the coding agents Rampart
// protects and writes their answers, one file per agent.
//
// # Reading
//
// [Parse] turns one payload into an [Event]: which agent sent it, whether it
// comes before a tool runs ([Pre]) or after ([Post]), and the tool call in
// Rampart's terms, as [call.Call] values (most tools are one call; a patch
// that touches three files is three). Agent tool names map onto the canonical
// tools: Claude Code's Bash is exec, Read, Grep and Glob are read, Write,
// Edit, MultiEdit and NotebookEdit are write, WebFetch is fetch, and
// mcp__server__tool is mcp. A tool no mapping knows keeps its own name and
// its input as params, so a policy can still name it.
//
// # Answering
//
// [Render] writes an [Answer] in the agent's own format. An answer has one
// of four verdicts: [NoOpinion] (empty output, so the agent's own permission
// rules apply), [Allow], [Ask] (the agent's own approval prompt; an agent
// without one gets a deny that says approval is needed) and [Deny], whose
// reason is what the model sees. After a tool ran, Deny blocks the output
// from reaching the model where the agent allows it.
package agent

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"strings"

	"rampart.dev/pkg/call"
)

// Format names an agent's hook dialect.
type Format uint8

// The agents Rampart speaks to.
const (
	Claude Format = iota
	Codex
	Cline
	Gemini
	Cursor
	Copilot
	OpenClaw
)

var formatNames = [...]string{
	Claude:  "claude-code",
	Codex:   "codex",
	Cline:   "cline",
	Gemini:  "gemini",
	Cursor:  "cursor",
	Copilot: "copilot",
	// OpenClaw is spoken by Rampart's own OpenClaw plugin (openclaw.go).
	OpenClaw: "openclaw",
}

// Formats lists every format, in a stable order.
var Formats = []Format{Claude, Codex, Cline, Gemini, Cursor, Copilot, OpenClaw}

// String returns the format's name, which is also the agent name written
// into calls and audit records.
func (f Format) String() string {
	if int(f) < len(formatNames) {
		return formatNames[f]
	}
	return fmt.Sprintf("format(%d)", uint8(f))
}

// ParseFormat reads a format name. It accepts the names String returns and
// the common alternatives (claude, gemini-cli, copilot-cli).
func ParseFormat(s string) (Format, error) {
	switch strings.ToLower(s) {
	case "claude-code", "claude", "claudecode":
		return Claude, nil
	case "codex", "codex-cli":
		return Codex, nil
	case "cline":
		return Cline, nil
	case "gemini", "gemini-cli":
		return Gemini, nil
	case "cursor":
		return Cursor, nil
	case "copilot", "copilot-cli":
		return Copilot, nil
	case "openclaw":
		return OpenClaw, nil
	}
	return 0, fmt.Errorf("unknown agent format %q (want claude-code, codex, cline, gemini, cursor, copilot or openclaw)", s)
}

// Kind says when an event fires relative to the tool.
type Kind uint8

// Event kinds.
const (
	// Other is an event the hook has no say in (a prompt, a session start).
	Other Kind = iota
	// Pre fires before a tool runs; the answer can stop it.
	Pre
	// Post fires after a tool ran, with its output.
	Post
)

func (k Kind) String() string {
	switch k {
	case Pre:
		return "pre"
	case Post:
		return "post"
	}
	return "other"
}

// Event is one parsed hook payload.
type Event struct {
	Format Format
	// Name is the event as the agent spelled it ("PreToolUse",
	// "BeforeTool", "beforeShellExecution"), or "" when the payload did not
	// say (older Claude Code, Copilot's camelCase dialect).
	Name string
	Kind Kind
	// Tool is the agent's own tool name.
	Tool string
	// Calls is the tool call in Rampart's terms. A Pre or Post event has at
	// least one.
	Calls []call.Call
	// Output is the tool's output after it ran (Post), or content the agent
	// is about to read (Cursor's beforeReadFile), as decoded JSON: a string,
	// or maps and slices of them. Nil when there is none.
	Output any
	// dialect distinguishes variants of one format: Copilot's camelCase
	// payloads versus its VS Code compatible ones.
	camel bool
	// AskReason, when set, is why the call needs approval whatever the
	// policy allows: the agent would run what follows unjudged (a Codex
	// command that leaves an interactive interpreter waiting for input).
	AskReason string
	// exposed marks a Post event whose output reaches the model whatever
	// the hook answers (Claude Code's PostToolUseFailure).
	exposed bool
}

// Withholds reports whether the agent lets the hook keep this Post event's
// output from the model. When it does not, a finding can only be audited
// and reported.
func (ev *Event) Withholds() bool { return !ev.exposed }

// Verdict is what the hook tells the agent.
type Verdict uint8

// Verdicts, weakest first.
const (
	// NoOpinion leaves the call to the agent's own permission rules.
	NoOpinion Verdict = iota
	// Allow lets the call run without the agent's prompt.
	Allow
	// Ask hands the call to the agent's own approval prompt.
	Ask
	// Deny stops the call (Pre) or keeps its output from the model (Post).
	Deny
)

func (v Verdict) String() string {
	switch v {
	case Allow:
		return "allow"
	case Ask:
		return "ask"
	case Deny:
		return "deny"
	}
	return "none"
}

// Answer is the hook's reply to one event.
type Answer struct {
	Verdict Verdict
	// Reason is shown to the model on Deny and to the user on Ask.
	Reason string
	// Redacted is the tool's output with credentials replaced, in the shape
	// of Event.Output, for agents that accept a replacement output (Post).
	Redacted any
}

// MaxPayload bounds one hook payload. A PostToolUse payload carries a tool's
// whole output (a file read, a command's stdout); 8 MiB is well above what
// an agent passes to its model in one turn, and a larger payload is refused
// rather than read into memory.
const MaxPayload = 8 << 20

// Errors Parse returns; the reason text says what was wrong.
var (
	ErrEmpty  = errors.New("empty hook payload")
	ErrTooBig = errors.New("hook payload exceeds 8 MiB limit")
	ErrNoTool = errors.New("hook payload names no tool")
)

// Parse reads one payload in format f. It always returns an Event, filled in
// as far as the payload allowed, so that an error can still be answered in
// the agent's format.
func Parse(f Format, payload []byte) (*Event, error) {
	ev := &Event{Format: f, Kind: Pre}
	if len(payload) > MaxPayload {
		return ev, ErrTooBig
	}
	m, err := decodeObject(payload)
	if err != nil {
		return ev, err
	}
	return ev, parseObject(ev, m)
}

// DetectParse is Detect followed by Parse in the format found, with the
// payload decoded once instead of twice (the decoding is most of the cost
// of both).
func DetectParse(payload []byte) (Format, *Event, error) {
	m, err := decodeObject(payload)
	f := Claude
	if err == nil {
		f = detectObject(m)
	}
	ev := &Event{Format: f, Kind: Pre}
	if len(payload) > MaxPayload {
		return f, ev, ErrTooBig
	}
	if err != nil {
		return f, ev, err
	}
	return f, ev, parseObject(ev, m)
}

// parseObject fills ev, whose Format is set, from the decoded payload m.
func parseObject(ev *Event, m map[string]any) error {
	var err error
	switch f := ev.Format; f {
	case Claude, Codex:
		err = parseClaude(ev, m)
	case Cline:
		err = parseCline(ev, m)
	case Gemini:
		err = parseGemini(ev, m)
	case Cursor:
		err = parseCursor(ev, m)
	case Copilot:
		err = parseCopilot(ev, m)
	case OpenClaw:
		err = parseOpenClaw(ev, m)
	default:
		err = fmt.Errorf("unknown format %d", f)
	}
	if err == nil && ev.Kind != Other && len(ev.Calls) == 0 {
		err = ErrNoTool
	}
	return err
}

// Detect guesses the format of a payload from its fields, for hooks run
// without --format. It falls back to Claude Code, whose dialect Codex and
// others imitate.
func Detect(payload []byte) Format {
	m, err := decodeObject(payload)
	if err != nil {
		return Claude
	}
	return detectObject(m)
}

// detectObject is Detect of a decoded payload.
func detectObject(m map[string]any) Format {
	event := str(m, "hook_event_name")
	_, hasCline := m["clineVersion"]
	_, hasHookName := m["hookName"]
	_, hasTaskID := m["taskId"]
	switch {
	case event == "before_tool_call":
		return OpenClaw
	case hasCline || hasHookName || hasTaskID:
		return Cline
	case event == "BeforeTool" || event == "AfterTool":
		return Gemini
	case has(m, "conversation_id") || has(m, "generation_id") || has(m, "workspace_roots") || cursorEvents(event) != 0:
		return Cursor
	case has(m, "toolName") || has(m, "sessionId"):
		return Copilot
	case has(m, "turn_id"):
		return Codex
	case event != "" && has(m, "timestamp") && !has(m, "transcript_path"):
		// Copilot's VS Code compatible dialect: Claude's field names, an
		// ISO timestamp, and no transcript.
		return Copilot
	}
	return Claude
}

// decodeObject decodes a payload that must be exactly one JSON object.
// Numbers stay json.Number so that params are written back unchanged. A
// plain payload is read by decodePlain, any other by encoding/json.
func decodeObject(payload []byte) (map[string]any, error) {
	if len(bytes.TrimSpace(payload)) == 0 {
		return nil, ErrEmpty
	}
	if m, ok := decodePlain(payload); ok {
		return m, nil
	}
	return decodeJSON(payload)
}

// decodeJSON is decodeObject through encoding/json.
func decodeJSON(payload []byte) (map[string]any, error) {
	dec := json.NewDecoder(bytes.NewReader(payload))
	dec.UseNumber()
	var v any
	if err := dec.Decode(&v); err != nil {
		return nil, fmt.Errorf("malformed hook payload: %w", err)
	}
	if dec.More() {
		return nil, errors.New("malformed hook payload: data after the JSON object")
	}
	if _, err := dec.Token(); err == nil {
		return nil, errors.New("malformed hook payload: data after the JSON object")
	}
	m, ok := v.(map[string]any)
	if !ok {
		return nil, errors.New("malformed hook payload: not a JSON object")
	}
	return m, nil
}

func has(m map[string]any, key string) bool {
	_, ok := m[key]
	return ok
}

// str returns m[key] when it is a string.
func str(m map[string]any, key string) string {
	s, _ := m[key].(string)
	return s
}

// first returns the first of keys that holds a non-empty string.
func first(m map[string]any, keys ...string) string {
	for _, k := range keys {
		if s := str(m, k); s != "" {
			return s
		}
	}
	return ""
}

// firstOr is first(m, keys...), or def when none holds a string: search
// tools search the working directory when given no path.
func firstOr(m map[string]any, def string, keys ...string) string {
	if s := first(m, keys...); s != "" {
		return s
	}
	return def
}

// object returns m[key] as an object. Some agents send an object's JSON
// text as a string (Copilot's toolArgs, Cursor's tool_input, Cline's MCP
// arguments); that is decoded too. A missing key gives an empty object.
func object(m map[string]any, key string) (map[string]any, error) {
	switch v := m[key].(type) {
	case map[string]any:
		return v, nil
	case nil:
		return map[string]any{}, nil
	case string:
		if strings.TrimSpace(v) == "" {
			return map[string]any{}, nil
		}
		o, err := decodeObject([]byte(v))
		if err != nil {
			return nil, fmt.Errorf("%s: %w", key, err)
		}
		return o, nil
	}
	return nil, fmt.Errorf("malformed hook payload: %s is not an object", key)
}

// stringList returns m[key] as a list of strings: a list's string items, or a
// single string.
func stringList(m map[string]any, key string) []string {
	switch v := m[key].(type) {
	case string:
		if v == "" {
			return nil
		}
		return []string{v}
	case []any:
		out := make([]string, 0, len(v))
		for _, x := range v {
			if s, ok := x.(string); ok && s != "" {
				out = append(out, s)
			}
		}
		return out
	}
	return nil
}

// newCall builds a call with the event's agent, session and cwd.
func newCall(tool string, params call.Params) call.Call {
	return call.Call{Tool: tool, Params: params}
}

// stamp sets agent, session and cwd on every call of ev.
func stamp(ev *Event, session, cwd string) {
	for i := range ev.Calls {
		ev.Calls[i].Agent = ev.Format.String()
		ev.Calls[i].Session = session
		ev.Calls[i].Cwd = cwd
	}
}

// asGiven is the call for a tool no mapping knows: its own name, its input
// as params.
func asGiven(tool string, input map[string]any) call.Call {
	return newCall(tool, call.Params(input))
}

// execCall is an exec call, or nothing when there is no command.
// pwshCall is an exec call for a command an agent's PowerShell tool runs:
// the text is PowerShell, so the call says so (pwsh -Command TEXT), and the
// engine reads it as PowerShell, not as a POSIX line.
func pwshCall(command string) []call.Call {
	if command == "" {
		return nil
	}
	return execCall("pwsh -NoProfile -Command " + call.ShellQuote(command))
}

func execCall(command string) []call.Call {
	if command == "" {
		return nil
	}
	return []call.Call{newCall(call.ToolExec, call.Params{"command": command})}
}

// pathCall is a read or write call on path, with optional content.
func pathCall(tool, path string, content *string) call.Call {
	p := call.Params{"path": path}
	if content != nil {
		p["content"] = *content
	}
	return newCall(tool, p)
}

// readCalls is a read call per path, falling back to dir (the tool's
// default directory) when no path is given.
func readCalls(dir string, paths ...string) []call.Call {
	var out []call.Call
	for _, p := range paths {
		if p != "" {
			out = append(out, pathCall(call.ToolRead, p, nil))
		}
	}
	if len(out) == 0 && dir != "" {
		out = append(out, pathCall(call.ToolRead, dir, nil))
	}
	return out
}

// searchCall is a read of a directory tree with the search's pattern kept
// as a param, for Grep- and Glob-like tools.
func searchCall(dir string, input map[string]any, keys ...string) []call.Call {
	if dir == "" {
		return nil
	}
	c := pathCall(call.ToolRead, dir, nil)
	for _, k := range keys {
		if s := str(input, k); s != "" {
			c.Params[k] = s
		}
	}
	return []call.Call{c}
}

// writeCall is a write of content to path; no path, no call.
func writeCall(path string, content string, hasContent bool) []call.Call {
	if path == "" {
		return nil
	}
	if !hasContent {
		return []call.Call{pathCall(call.ToolWrite, path, nil)}
	}
	return []call.Call{pathCall(call.ToolWrite, path, &content)}
}

// fetchCalls is a fetch call per URL.
func fetchCalls(urls ...string) []call.Call {
	var out []call.Call
	for _, u := range urls {
		if u != "" {
			out = append(out, newCall(call.ToolFetch, call.Params{"url": u}))
		}
	}
	return out
}

// mcpCall is an MCP tools/call.
func mcpCall(server, tool string, args map[string]any) call.Call {
	if args == nil {
		args = map[string]any{}
	}
	return newCall(call.ToolMCP, call.Params{"server": server, "tool": tool, "arguments": args})
}

// splitMCP splits Claude-style MCP tool names, mcp__server__tool. The server
// is everything up to the next double underscore.
func splitMCP(name string) (server, tool string, ok bool) {
	rest, found := strings.CutPrefix(name, "mcp__")
	if !found {
		return "", "", false
	}
	server, tool, found = strings.Cut(rest, "__")
	if !found || server == "" || tool == "" {
		return "", "", false
	}
	return server, tool, true
}

// encode writes v as one compact JSON line, without HTML escaping so that
// reasons read as written.
func encode(v any) []byte {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		// Every value encoded here is built from strings and maps of
		// decoded JSON, which always encode.
		panic(err)
	}
	return b.Bytes()
}

// cannotAsk is the deny reason for an approval the agent cannot prompt for.
func cannotAsk(reason string) string {
	return reason + "; this agent cannot ask for approval, so the call was blocked"
}

// Render returns the bytes to write on stdout for answer a to event ev.
// Empty output means no opinion. Hooks always exit 0 after writing it.
func Render(ev *Event, a Answer) []byte {
	switch ev.Format {
	case Claude:
		return renderClaude(ev, a)
	case Codex:
		return renderCodex(ev, a)
	case Cline:
		return renderCline(ev, a)
	case Gemini:
		return renderGemini(ev, a)
	case Cursor:
		return renderCursor(ev, a)
	case Copilot:
		return renderCopilot(ev, a)
	case OpenClaw:
		return renderOpenClaw(ev, a)
	}
	return renderClaude(ev, a)
}
