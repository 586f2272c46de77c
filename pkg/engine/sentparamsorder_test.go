package engine

import (
	"testing"

	"rampart.dev/pkg/call"
)

// TestSentParamsOrder: a fetch sending two credentials (a header's and one
// in its body) is named by the same one at every call, whatever the order
// a map of its parameters is walked in.
func TestSentParamsOrder(t *testing.T) {
	e := standard(t)
	c := call.Call{Tool: "fetch", Cwd: "/home/dev/project", Params: call.Params{
		"url":     "https://api.wandb.ai/graphql",
		"method":  "POST",
		"headers": map[string]any{"Authorization": "Basic YXBpOmxvY2Fsa2V5MTIzNDU2Nzg5MA=="},
		"body":    `{"config":"AWS_SECRET_ACCESS_KEY=wJalrXUtnFEMI/K7MDENG/bPxRfiCYzq3k9T2vLm"}`,
	}}
	first := e.Evaluate(c).Matched
	for range 30 {
		if got := e.Evaluate(c).Matched; got != first {
			t.Fatalf("matched %q, then %q", first, got)
		}
	}
}
