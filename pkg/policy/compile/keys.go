package compile

import (
	"fmt"
	"slices"
	"sync"

	"gopkg.in/yaml.v3"
)

// The known keys of a policy file, one table per mapping. The strict loader
// rejects every key a table does not name, and JSONSchema is generated from
// the same tables, so the schema editors validate against and the loader
// cannot drift apart: a loader handler for a key the table does not name (or
// a named key with no handler) panics the first time that mapping is read.

// ValueKind is the shape of a key's value.
type ValueKind int

// The value kinds.
const (
	KindString   ValueKind = iota // a string
	KindInt                       // an integer
	KindAction                    // an action name or alias (ActionNames)
	KindPatterns                  // a non-empty glob, or a list of them
	KindStrings                   // a string, or a list of strings
	KindObject                    // a mapping of any keys (test params)
	KindSection                   // a mapping of the keys in Key.Section
	KindSections                  // a list of mappings of the keys in Key.Section
	KindProfile                   // the name of an embedded profile (policy.Profiles)
)

// Key is one key a policy mapping may hold.
type Key struct {
	Name     string
	Kind     ValueKind
	Doc      string   // one sentence, shown by editors
	Section  *Section // for KindSection and KindSections
	Required bool
	Nullable bool  // an empty value (`when:`) is allowed
	Const    []int // for KindInt: the only values allowed
	MinItems int   // for KindSections
}

// Section is a mapping of the policy file and the keys it may hold.
type Section struct {
	Name string // the schema's $defs name
	Doc  string
	Keys []Key

	checked sync.Once
}

// ActionNames are the spellings of an action a policy may use: the four
// actions and their aliases (ask, watch), as call.ParseAction reads them.
var ActionNames = []string{"deny", "require_approval", "ask", "log", "watch", "allow"}

// FileKeys is the top-level mapping of a policy file; the other sections
// hang from it.
var FileKeys = &Section{Name: "file", Doc: "A Rampart policy file.", Keys: []Key{
	{Name: "version", Kind: KindInt, Const: []int{1}, Doc: "The policy file format version; 1."},
	{Name: "name", Kind: KindString, Doc: "The policy file's name, used in explain and test output."},
	{Name: "description", Kind: KindString, Doc: "What this policy file is for."},
	{Name: "extends", Kind: KindProfile, Doc: "An embedded profile (standard, paranoid or yolo) whose policies come first."},
	{Name: "default_action", Kind: KindAction, Doc: "The decision when no policy decides; allow unless the extended profile says otherwise."},
	{Name: "policies", Kind: KindSections, Section: entryKeys, Doc: "The policies; across them the strongest decision wins (deny > require_approval > log > allow)."},
	{Name: "tests", Kind: KindSections, Section: testKeys, Doc: "Calls with their expected decisions, run by rampart-eval test."},
}}

var entryKeys = &Section{Name: "policy", Doc: "A named policy: which calls it applies to and its rules, the first rule that holds deciding.", Keys: []Key{
	{Name: "name", Kind: KindString, Required: true, Doc: "A unique name, reported in matched_policies."},
	{Name: "description", Kind: KindString, Doc: "What the policy guards against."},
	{Name: "priority", Kind: KindInt, Doc: "Lower is evaluated first; default 100."},
	{Name: "match", Kind: KindSection, Section: matchKeys, Doc: "Which calls the policy applies to; absent: every call."},
	{Name: "rules", Kind: KindSections, Section: ruleKeys, Required: true, MinItems: 1, Doc: "The rules, in order; the first whose conditions hold decides for this policy."},
}}

var matchKeys = &Section{Name: "match", Doc: "Globs over the call's tool, agent and session; keys are ANDed, patterns in a key ORed.", Keys: []Key{
	{Name: "tool", Kind: KindPatterns, Doc: "Tool names: exec, read, write, fetch, mcp, or any other name as given."},
	{Name: "agent", Kind: KindPatterns, Doc: "Agent names, e.g. claude-code."},
	{Name: "session", Kind: KindPatterns, Doc: "Session ids."},
}}

var ruleKeys = &Section{Name: "rule", Doc: "An action taken when all its conditions hold.", Keys: []Key{
	{Name: "name", Kind: KindString, Doc: "A name for the rule."},
	{Name: "description", Kind: KindString, Doc: "What the rule is for."},
	{Name: "action", Kind: KindAction, Required: true, Doc: "deny, require_approval (ask), log (watch) or allow."},
	{Name: "message", Kind: KindString, Doc: "The reason given with the decision."},
	{Name: "when", Kind: KindSection, Section: whenKeys, Nullable: true, Doc: "Conditions, ANDed; empty or absent: always."},
}}

var whenKeys = &Section{Name: "when", Doc: "Conditions of a rule: keys are ANDed, the patterns within a key ORed.", Keys: []Key{
	{Name: "command_matches", Kind: KindPatterns, Doc: "Command patterns matched against every simple command an exec call reaches."},
	{Name: "command_not_matches", Kind: KindPatterns, Doc: "Holds when no simple command matches."},
	{Name: "path_matches", Kind: KindPatterns, Doc: "Path globs (* within a segment, ** across) for read, write and the path arguments of commands."},
	{Name: "path_not_matches", Kind: KindPatterns, Doc: "Holds when no path matches."},
	{Name: "domain_matches", Kind: KindPatterns, Doc: "Host globs for fetch and URLs inside commands (*.x.com does not match x.com)."},
	{Name: "domain_not_matches", Kind: KindPatterns, Doc: "Holds when no domain matches."},
	{Name: "url_matches", Kind: KindPatterns, Doc: "Globs over the whole normalised URL."},
	{Name: "url_not_matches", Kind: KindPatterns, Doc: "Holds when no URL matches."},
	{Name: "tool_name_matches", Kind: KindPatterns, Doc: "Globs over an MCP call's tool name."},
	{Name: "argument_matches", Kind: KindPatterns, Doc: "Globs over an MCP call's argument values."},
	{Name: "content_matches", Kind: KindPatterns, Doc: "Globs over the content a write call writes."},
	{Name: "response_matches", Kind: KindPatterns, Doc: "Globs over a tool's output, judged after it ran."},
	{Name: "effect_matches", Kind: KindPatterns, Doc: "Globs over an effect's descriptor: flow:secret->network, unknown:program, delete:recursive, env:LD_PRELOAD."},
	{Name: "line_matches", Kind: KindPatterns, Doc: "Globs over the raw command line, for deny, ask and log rules that ask for raw text."},
	{Name: "annotation_hints", Kind: KindStrings, Doc: "MCP tool annotations that must be set, e.g. destructiveHint."},
}}

var testKeys = &Section{Name: "test", Doc: "A call and the decision expected for it.", Keys: []Key{
	{Name: "name", Kind: KindString, Doc: "The test's name; default: its line."},
	{Name: "tool", Kind: KindString, Doc: "The tool; default: from command (exec), url (fetch), content (write) or path (read)."},
	{Name: "agent", Kind: KindString, Doc: "The calling agent."},
	{Name: "session", Kind: KindString, Doc: "The session id."},
	{Name: "cwd", Kind: KindString, Doc: "The working directory the call is made in."},
	{Name: "command", Kind: KindString, Doc: "params.command."},
	{Name: "path", Kind: KindString, Doc: "params.path."},
	{Name: "url", Kind: KindString, Doc: "params.url."},
	{Name: "content", Kind: KindString, Doc: "params.content."},
	{Name: "params", Kind: KindObject, Doc: "Any other params of the call."},
	{Name: "expect", Kind: KindAction, Required: true, Doc: "The decision the call must get."},
}}

// names lists the section's key names in table order.
func (s *Section) names() []string {
	out := make([]string, len(s.Keys))
	for i, k := range s.Keys {
		out[i] = k.Name
	}
	return out
}

func (s *Section) has(name string) bool {
	for _, k := range s.Keys {
		if k.Name == name {
			return true
		}
	}
	return false
}

// check panics, once per section, when the loader's handlers and the table
// name different keys: the schema would no longer describe what loads.
func (s *Section) check(handlers map[string]func(*yaml.Node) error) {
	s.checked.Do(func() {
		for name := range handlers {
			if !s.has(name) {
				panic(fmt.Sprintf("policy: the loader reads key %q of %s, which the key table does not name", name, s.Name))
			}
		}
		for _, name := range s.names() {
			if _, ok := handlers[name]; !ok {
				panic(fmt.Sprintf("policy: the key table names %q of %s, which the loader does not read", name, s.Name))
			}
		}
	})
}

// sections lists every section reachable from FileKeys, each once, in the
// order they are first reached.
func sections() []*Section {
	var out []*Section
	var walk func(*Section)
	walk = func(s *Section) {
		if slices.Contains(out, s) {
			return
		}
		out = append(out, s)
		for _, k := range s.Keys {
			if k.Section != nil {
				walk(k.Section)
			}
		}
	}
	walk(FileKeys)
	return out
}
