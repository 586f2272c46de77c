package main

import (
	"sort"
	"strings"

	"rampart.dev/pkg/call"
	"rampart.dev/pkg/policy"
	"rampart.dev/pkg/secret"
)

// responseDecision judges a tool's output by the response_matches rules of
// the policies that admit the call: the strongest rule with a pattern that
// matches the output decides. Other conditions of such rules are not
// consulted here.
func responseDecision(p *policy.Policy, c call.Call, output string) call.Decision {
	var best call.Decision
	found := false
	if p == nil {
		return best
	}
	for _, e := range p.Entries {
		if !e.AppliesTo(c.Tool, c.Agent, c.Session) {
			continue
		}
		for _, r := range e.Rules {
			if found && r.Action <= best.Decision {
				continue
			}
			for _, g := range r.Response {
				if !g.Match(output) {
					continue
				}
				msg := r.Message
				if msg == "" {
					msg = r.Action.String() + " by policy " + e.Name
				}
				best = call.Decision{Decision: r.Action, Message: msg, MatchedPolicies: e.Names(), Matched: g.String(), Explicit: true}
				found = true
				break
			}
		}
	}
	return best
}

// kindsOf lists the distinct kinds of findings, sorted.
func kindsOf(fs []secret.Finding) []string {
	seen := map[string]bool{}
	var kinds []string
	for _, f := range fs {
		if !seen[f.Kind] {
			seen[f.Kind] = true
			kinds = append(kinds, f.Kind)
		}
	}
	sort.Strings(kinds)
	return kinds
}

// flatten joins every string in a decoded JSON value, one per line, for
// response_matches: patterns see text as the model would, not as escaped
// JSON.
func flatten(v any) string {
	var b strings.Builder
	var walk func(v any)
	walk = func(v any) {
		switch t := v.(type) {
		case string:
			if b.Len() > 0 {
				b.WriteByte('\n')
			}
			b.WriteString(t)
		case map[string]any:
			keys := make([]string, 0, len(t))
			for k := range t {
				keys = append(keys, k)
			}
			sort.Strings(keys)
			for _, k := range keys {
				walk(t[k])
			}
		case []any:
			for _, e := range t {
				walk(e)
			}
		}
	}
	walk(v)
	return b.String()
}
