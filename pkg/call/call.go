// Package call holds the two contracts every Rampart binary speaks: the Call an
// adapter builds from its outside world, and the Decision the engine answers.
//
// # Call
//
// One JSON object per line:
//
//	{"tool":"exec","params":{"command":"rm -rf /"},"agent":"claude-code","session":"s1","cwd":"/home/u/p"}
//
// Canonical tools and their params: exec {command}, read {path}, write {path,
// content?}, fetch {url, method?}, mcp {server, tool, arguments}. Any other tool
// name is kept as given and judged by the policies that name it.
//
// # Decision
//
//	{"decision":"deny","message":"Destructive command blocked","matched_policies":["block-destructive"],"matched":"rm -rf /","eval_ns":900}
//
// Fields are only ever added, never renamed or removed; readers ignore fields
// they do not know.
package call

import "fmt"

// Canonical tool names.
const (
	ToolExec  = "exec"
	ToolRead  = "read"
	ToolWrite = "write"
	ToolFetch = "fetch"
	ToolMCP   = "mcp"
)

// Call is one tool call an agent wants to make.
type Call struct {
	Tool    string `json:"tool"`
	Params  Params `json:"params,omitempty"`
	Agent   string `json:"agent,omitempty"`
	Session string `json:"session,omitempty"`
	Cwd     string `json:"cwd,omitempty"`
}

// Params are a call's arguments, as decoded from JSON.
type Params map[string]any

// String returns params[key] when it is a string, and "" otherwise.
func (p Params) String(key string) string {
	s, _ := p[key].(string)
	return s
}

// Command, Path, Content, URL and Method read the canonical params.
func (c *Call) Command() string { return c.Params.String("command") }

// Path returns the path param of a read or write call.
func (c *Call) Path() string { return c.Params.String("path") }

// Content returns the content param of a write call.
func (c *Call) Content() string { return c.Params.String("content") }

// URL returns the url param of a fetch call.
func (c *Call) URL() string { return c.Params.String("url") }

// Action is what a policy decides. Actions are ordered by strength: when
// policies disagree the strongest wins, so deny always wins.
type Action uint8

// The actions, weakest first.
const (
	Allow Action = iota
	Log
	RequireApproval
	Deny
)

var actionNames = [...]string{Allow: "allow", Log: "log", RequireApproval: "require_approval", Deny: "deny"}

// String returns the canonical name of a.
func (a Action) String() string {
	if int(a) < len(actionNames) {
		return actionNames[a]
	}
	return fmt.Sprintf("action(%d)", uint8(a))
}

// ParseAction reads an action name, accepting the aliases ask
// (require_approval) and watch (log).
func ParseAction(s string) (Action, error) {
	switch s {
	case "allow":
		return Allow, nil
	case "log", "watch":
		return Log, nil
	case "require_approval", "ask":
		return RequireApproval, nil
	case "deny":
		return Deny, nil
	}
	return 0, fmt.Errorf("unknown action %q (want deny, require_approval, ask, log, watch or allow)", s)
}

// MarshalText encodes a as its canonical name.
func (a Action) MarshalText() ([]byte, error) {
	if int(a) >= len(actionNames) {
		return nil, fmt.Errorf("invalid action %d", uint8(a))
	}
	return []byte(actionNames[a]), nil
}

// UnmarshalText decodes an action name or alias.
func (a *Action) UnmarshalText(b []byte) error {
	v, err := ParseAction(string(b))
	if err != nil {
		return err
	}
	*a = v
	return nil
}

// Decision is the engine's answer to a Call.
type Decision struct {
	Decision        Action   `json:"decision"`
	Message         string   `json:"message,omitempty"`
	MatchedPolicies []string `json:"matched_policies,omitempty"`
	// Matched is the text that made the deciding rule hold: the simple
	// command, path, host or URL.
	Matched string `json:"matched,omitempty"`
	// Explicit is true when a rule decided, false when the call fell through
	// to the default action. Hooks only answer "allow" for explicit allows.
	Explicit bool `json:"explicit,omitempty"`
	// Flags note things the engine saw, such as "unparsed" for a command the
	// shell parser rejected and that was judged on its raw text.
	Flags  []string `json:"flags,omitempty"`
	EvalNS int64    `json:"eval_ns"`
}

// Flag values a Decision may carry.
const (
	FlagUnparsed  = "unparsed"  // the command did not parse; judged on its raw text
	FlagTruncated = "truncated" // nesting or size limits stopped the normaliser
	FlagMonitor   = "monitor"   // monitor mode: the decision was recorded, not enforced
	FlagFailOpen  = "fail_open" // the decision point failed and the caller chose to allow
	FlagBadInput  = "bad_input" // the call could not be read
)

// Blocks reports whether d stops the call (deny or require_approval).
func (d Decision) Blocks() bool { return d.Decision >= RequireApproval }
