package main

import (
	"sort"
	"strings"

	"rampart.dev/pkg/call"
	"rampart.dev/pkg/engine"
	"rampart.dev/pkg/policy"
	"rampart.dev/pkg/secret"
)

// responseDecision judges a tool's output by the policy's response_matches
// rules (allow when there is no policy or no rule holds).
func responseDecision(p *policy.Policy, userHome string, c call.Call, output string) call.Decision {
	if p == nil {
		return call.Decision{Decision: call.Allow}
	}
	return engine.New(p, engine.Env{Home: userHome}).EvaluateResponse(c, output)
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
