// Package compile compiles Rampart policy YAML (yaml.v3, every key
// checked against the key tables in keys.go) into a *policy.Policy.
//
// # File format
//
//	version: 1
//	name: my-team
//	extends: standard            # optional: start from an embedded profile
//	default_action: allow        # allow | log | require_approval | deny
//	policies:
//	  - name: block-destructive
//	    priority: 10             # lower is evaluated first; default 100
//	    match:
//	      tool: [exec]           # globs over tool names; default every tool
//	      agent: ["*"]           # globs over the call's agent
//	      session: ["*"]         # globs over the call's session
//	    rules:                   # the first rule whose conditions hold decides
//	      - action: deny         # deny | require_approval (ask) | log (watch) | allow
//	        when:
//	          command_matches: ["rm -rf /"]
//	        message: Destructive command blocked
//	tests:
//	  - name: rm of the root is denied
//	    tool: exec
//	    command: rm -rf /
//	    expect: deny
//
// Unknown keys, bad globs, bad actions and duplicate policy names are errors
// reported as file:line:col: reason. The evaluation itself lives in package
// engine; docs/policy.md is the full reference.
package compile

import (
	"fmt"
	"strconv"
	"strings"

	"gopkg.in/yaml.v3"

	"rampart.dev/pkg/call"
	"rampart.dev/pkg/match"
	"rampart.dev/pkg/policy"
)

// Parse compiles a policy file. name prefixes error positions.
func Parse(name string, data []byte) (*policy.Policy, error) {
	return parse(name, data, match.Compiler{}, policy.Profile)
}

// maxExtends bounds profile inheritance; profiles are one level deep.
const maxExtends = 2

// parse compiles a policy file with c; base gives the profile it extends.
func parse(name string, data []byte, c match.Compiler, base func(string) (*policy.Policy, error)) (*policy.Policy, error) {
	if len(data) > policy.MaxFile {
		return nil, fmt.Errorf("%s: %w", name, policy.ErrTooLarge)
	}
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		return nil, fmt.Errorf("%s: %v", name, cleanYAMLError(err))
	}
	return compileDoc(name, &doc, c, base)
}

// compileDoc compiles a parsed document.
func compileDoc(name string, doc *yaml.Node, c match.Compiler, baseProfile func(string) (*policy.Policy, error)) (*policy.Policy, error) {
	l := &loader{file: name, c: c}
	p := &policy.Policy{Name: name, Source: name, DefaultAction: call.Allow}
	if len(doc.Content) == 0 {
		return nil, fmt.Errorf("%s: empty policy file", name)
	}
	root := doc.Content[0]
	if root.Kind != yaml.MappingNode {
		return nil, l.errf(root, "policy file must be a mapping")
	}
	var base *policy.Policy
	var entries, tests *yaml.Node
	err := l.fields(root, FileKeys, map[string]func(*yaml.Node) error{
		"version": func(n *yaml.Node) error {
			v, err := l.int(n)
			if err == nil && v != 1 {
				return l.errf(n, "unsupported version %d (want 1)", v)
			}
			return err
		},
		"name":        func(n *yaml.Node) error { return l.str(n, &p.Name) },
		"description": func(n *yaml.Node) error { var s string; return l.str(n, &s) },
		"extends": func(n *yaml.Node) error {
			var prof string
			if err := l.str(n, &prof); err != nil {
				return err
			}
			var err error
			base, err = baseProfile(prof)
			if err != nil {
				return l.errf(n, "%v", err)
			}
			return nil
		},
		"default_action": func(n *yaml.Node) error { return l.action(n, &p.DefaultAction) },
		"policies":       func(n *yaml.Node) error { entries = n; return nil },
		"tests":          func(n *yaml.Node) error { tests = n; return nil },
	})
	if err != nil {
		return nil, err
	}
	if base != nil {
		p.Entries = append(p.Entries, base.Entries...)
		if !hasKey(root, "default_action") {
			p.DefaultAction = base.DefaultAction
		}
	}
	seen := map[string]bool{}
	for _, e := range p.Entries {
		seen[e.Name] = true
	}
	if entries != nil {
		if entries.Kind != yaml.SequenceNode {
			return nil, l.errf(entries, "policies must be a list")
		}
		for _, n := range entries.Content {
			e, err := l.entry(n)
			if err != nil {
				return nil, err
			}
			if seen[e.Name] {
				return nil, l.errf(n, "duplicate policy name %q", e.Name)
			}
			seen[e.Name] = true
			p.Entries = append(p.Entries, e)
		}
	}
	policy.SortEntries(p.Entries)
	if tests != nil {
		if tests.Kind != yaml.SequenceNode {
			return nil, l.errf(tests, "tests must be a list")
		}
		for _, n := range tests.Content {
			t, err := l.test(n)
			if err != nil {
				return nil, err
			}
			p.Tests = append(p.Tests, t)
		}
	}
	return p, nil
}

func hasKey(m *yaml.Node, key string) bool {
	for i := 0; i+1 < len(m.Content); i += 2 {
		if m.Content[i].Value == key {
			return true
		}
	}
	return false
}

// cleanYAMLError turns yaml.v3's "yaml: line 3: ..." into "3:1: ...".
func cleanYAMLError(err error) string {
	s := strings.TrimPrefix(err.Error(), "yaml: ")
	if strings.HasPrefix(s, "line ") {
		rest := s[5:]
		if i := strings.IndexByte(rest, ':'); i > 0 {
			if _, err := strconv.Atoi(rest[:i]); err == nil {
				return rest[:i] + ":1:" + rest[i+1:]
			}
		}
	}
	return s
}

type loader struct {
	file string
	c    match.Compiler
}

func (l *loader) errf(n *yaml.Node, format string, args ...any) error {
	return fmt.Errorf("%s:%d:%d: %s", l.file, n.Line, n.Column, fmt.Sprintf(format, args...))
}

// fields walks a mapping, calling the handler of each key; keys that sec,
// the key table, does not name and duplicate keys are errors.
func (l *loader) fields(m *yaml.Node, sec *Section, handlers map[string]func(*yaml.Node) error) error {
	sec.check(handlers)
	if m.Kind != yaml.MappingNode {
		return l.errf(m, "expected a mapping")
	}
	seen := map[string]bool{}
	for i := 0; i+1 < len(m.Content); i += 2 {
		k, v := m.Content[i], m.Content[i+1]
		h, ok := handlers[k.Value]
		if !ok {
			return l.errf(k, "unknown key %q%s", k.Value, suggest(k.Value, sec))
		}
		if seen[k.Value] {
			return l.errf(k, "duplicate key %q", k.Value)
		}
		seen[k.Value] = true
		if err := h(v); err != nil {
			return err
		}
	}
	return nil
}

// suggest names the closest known key for a misspelt one.
func suggest(key string, sec *Section) string {
	best, bestD := "", 3
	for _, k := range sec.names() {
		if d := editDistance(key, k); d < bestD || d == bestD && k < best {
			best, bestD = k, d
		}
	}
	if best == "" {
		return ""
	}
	return fmt.Sprintf(" (did you mean %q?)", best)
}

func editDistance(a, b string) int {
	prev := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur := make([]int, len(b)+1)
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev = cur
	}
	return prev[len(b)]
}

func (l *loader) str(n *yaml.Node, dst *string) error {
	if n.Kind != yaml.ScalarNode {
		return l.errf(n, "expected a string")
	}
	*dst = n.Value
	return nil
}

func (l *loader) int(n *yaml.Node) (int, error) {
	if n.Kind != yaml.ScalarNode {
		return 0, l.errf(n, "expected a number")
	}
	v, err := strconv.Atoi(n.Value)
	if err != nil {
		return 0, l.errf(n, "expected a number, got %q", n.Value)
	}
	return v, nil
}

func (l *loader) action(n *yaml.Node, dst *call.Action) error {
	if n.Kind != yaml.ScalarNode {
		return l.errf(n, "expected an action")
	}
	a, err := call.ParseAction(n.Value)
	if err != nil {
		return l.errf(n, "%v", err)
	}
	*dst = a
	return nil
}

// strings reads a string or a list of strings.
func (l *loader) strings(n *yaml.Node) ([]string, error) {
	switch n.Kind {
	case yaml.ScalarNode:
		return []string{n.Value}, nil
	case yaml.SequenceNode:
		out := make([]string, 0, len(n.Content))
		for _, c := range n.Content {
			if c.Kind != yaml.ScalarNode {
				return nil, l.errf(c, "expected a string")
			}
			out = append(out, c.Value)
		}
		return out, nil
	}
	return nil, l.errf(n, "expected a string or a list of strings")
}

func (l *loader) globs(n *yaml.Node, compile func(string) error) error {
	ss, err := l.strings(n)
	if err != nil {
		return err
	}
	for i, s := range ss {
		at := n
		if n.Kind == yaml.SequenceNode {
			at = n.Content[i]
		}
		if s == "" {
			return l.errf(at, "empty pattern")
		}
		if err := compile(s); err != nil {
			return l.errf(at, "%v", err)
		}
	}
	return nil
}

func (l *loader) textGlobs(n *yaml.Node, dst *[]match.Glob) error {
	return l.globs(n, func(s string) error {
		g, err := l.c.Text(s)
		*dst = append(*dst, g)
		return err
	})
}

func (l *loader) entry(n *yaml.Node) (*policy.Entry, error) {
	e := &policy.Entry{Priority: policy.DefaultPriority, Origin: l.file}
	var rs []*policy.Rule
	var rules *yaml.Node
	err := l.fields(n, entryKeys, map[string]func(*yaml.Node) error{
		"name":        func(v *yaml.Node) error { return l.str(v, &e.Name) },
		"description": func(v *yaml.Node) error { return l.str(v, &e.Description) },
		"priority": func(v *yaml.Node) error {
			p, err := l.int(v)
			e.Priority = p
			return err
		},
		"match": func(v *yaml.Node) error {
			return l.fields(v, matchKeys, map[string]func(*yaml.Node) error{
				"tool":    func(v *yaml.Node) error { return l.textGlobs(v, &e.Tools) },
				"agent":   func(v *yaml.Node) error { return l.textGlobs(v, &e.Agents) },
				"session": func(v *yaml.Node) error { return l.textGlobs(v, &e.Sessions) },
			})
		},
		"rules": func(v *yaml.Node) error { rules = v; return nil },
	})
	if err != nil {
		return nil, err
	}
	if e.Name == "" {
		return nil, l.errf(n, "policy has no name")
	}
	if rules == nil || rules.Kind != yaml.SequenceNode || len(rules.Content) == 0 {
		return nil, l.errf(n, "policy %q has no rules", e.Name)
	}
	for _, rn := range rules.Content {
		r, err := l.rule(rn)
		if err != nil {
			return nil, err
		}
		rs = append(rs, r)
	}
	return policy.NewEntry(e, rs), nil
}

func (l *loader) rule(n *yaml.Node) (*policy.Rule, error) {
	r := &policy.Rule{Line: n.Line}
	hasAction := false
	err := l.fields(n, ruleKeys, map[string]func(*yaml.Node) error{
		"name":        func(v *yaml.Node) error { var s string; return l.str(v, &s) },
		"description": func(v *yaml.Node) error { var s string; return l.str(v, &s) },
		"action": func(v *yaml.Node) error {
			hasAction = true
			return l.action(v, &r.Action)
		},
		"message": func(v *yaml.Node) error { return l.str(v, &r.Message) },
		"when":    func(v *yaml.Node) error { return l.when(v, r) },
	})
	if err != nil {
		return nil, err
	}
	if !hasAction {
		return nil, l.errf(n, "rule has no action")
	}
	return r, nil
}

func (l *loader) commands(v *yaml.Node, dst **match.CommandSet) error {
	var ps []*match.CommandPattern
	err := l.globs(v, func(s string) error {
		cp, err := l.c.Command(s)
		if err == nil {
			ps = append(ps, cp)
		}
		return err
	})
	if err != nil {
		return err
	}
	*dst = match.NewCommandSet(ps)
	return nil
}

func (l *loader) paths(v *yaml.Node, dst **match.PathSet) error {
	var ps []match.PathPattern
	err := l.globs(v, func(s string) error {
		pp, err := l.c.Path(s)
		ps = append(ps, pp)
		return err
	})
	if err != nil {
		return err
	}
	*dst = match.NewPathSet(ps)
	return nil
}

func (l *loader) domains(v *yaml.Node, dst *[]match.DomainPattern) error {
	return l.globs(v, func(s string) error {
		dp, err := l.c.Domain(s)
		*dst = append(*dst, dp)
		return err
	})
}

func (l *loader) when(n *yaml.Node, r *policy.Rule) error {
	if n.Kind == yaml.ScalarNode && n.Tag == "!!null" {
		return nil
	}
	return l.fields(n, whenKeys, map[string]func(*yaml.Node) error{
		"command_matches":     func(v *yaml.Node) error { return l.commands(v, &r.Command) },
		"command_not_matches": func(v *yaml.Node) error { return l.commands(v, &r.NotCommand) },
		"path_matches":        func(v *yaml.Node) error { return l.paths(v, &r.Path) },
		"path_not_matches":    func(v *yaml.Node) error { return l.paths(v, &r.NotPath) },
		"domain_matches":      func(v *yaml.Node) error { return l.domains(v, &r.Domain) },
		"domain_not_matches":  func(v *yaml.Node) error { return l.domains(v, &r.NotDomain) },
		"url_matches":         func(v *yaml.Node) error { return l.textGlobs(v, &r.URL) },
		"url_not_matches":     func(v *yaml.Node) error { return l.textGlobs(v, &r.NotURL) },
		"tool_name_matches":   func(v *yaml.Node) error { return l.textGlobs(v, &r.ToolName) },
		"argument_matches":    func(v *yaml.Node) error { return l.textGlobs(v, &r.Argument) },
		"content_matches":     func(v *yaml.Node) error { return l.textGlobs(v, &r.Content) },
		"response_matches":    func(v *yaml.Node) error { return l.textGlobs(v, &r.Response) },
		"effect_matches":      func(v *yaml.Node) error { return l.textGlobs(v, &r.Effect) },
		"line_matches":        func(v *yaml.Node) error { return l.textGlobs(v, &r.RawLine) },
		"annotation_hints": func(v *yaml.Node) error {
			hs, err := l.strings(v)
			r.Hint = append(r.Hint, hs...)
			return err
		},
	})
}

func (l *loader) test(n *yaml.Node) (policy.Test, error) {
	t := policy.Test{Line: n.Line, Origin: l.file}
	params := call.Params{}
	hasExpect := false
	set := func(key string) func(*yaml.Node) error {
		return func(v *yaml.Node) error {
			var s string
			if err := l.str(v, &s); err != nil {
				return err
			}
			params[key] = s
			return nil
		}
	}
	err := l.fields(n, testKeys, map[string]func(*yaml.Node) error{
		"name":    func(v *yaml.Node) error { return l.str(v, &t.Name) },
		"tool":    func(v *yaml.Node) error { return l.str(v, &t.Call.Tool) },
		"agent":   func(v *yaml.Node) error { return l.str(v, &t.Call.Agent) },
		"session": func(v *yaml.Node) error { return l.str(v, &t.Call.Session) },
		"cwd":     func(v *yaml.Node) error { return l.str(v, &t.Call.Cwd) },
		"command": set("command"),
		"path":    set("path"),
		"url":     set("url"),
		"content": set("content"),
		"params": func(v *yaml.Node) error {
			var m map[string]any
			if err := v.Decode(&m); err != nil {
				return l.errf(v, "params: %v", err)
			}
			for k, x := range m {
				params[k] = x
			}
			return nil
		},
		"expect": func(v *yaml.Node) error {
			hasExpect = true
			return l.action(v, &t.Expect)
		},
	})
	if err != nil {
		return t, err
	}
	if !hasExpect {
		return t, l.errf(n, "test has no expect")
	}
	if t.Call.Tool == "" {
		switch {
		case params["command"] != nil:
			t.Call.Tool = call.ToolExec
		case params["url"] != nil:
			t.Call.Tool = call.ToolFetch
		case params["content"] != nil:
			t.Call.Tool = call.ToolWrite
		case params["path"] != nil:
			t.Call.Tool = call.ToolRead
		default:
			return t, l.errf(n, "test has no tool")
		}
	}
	t.Call.Params = params
	if t.Name == "" {
		t.Name = fmt.Sprintf("line %d", n.Line)
	}
	return t, nil
}
