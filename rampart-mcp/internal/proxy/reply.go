package proxy

import (
	"encoding/json"
	"strings"

	"rampart.dev/pkg/call"
)

// JSON-RPC error codes the proxy answers with.
const (
	codeParse          = -32700
	codeInvalidRequest = -32600
	codeInternal       = -32603
)

// metaDecision is the _meta member of a denial that machines can read.
const metaDecision = "rampart.dev/decision"

// denyResult is the tools/call result for a blocked call: a tool execution
// error, which the client hands to the model so it can adjust, rather than a
// protocol error, which clients reduce to a code and a line. It sets isError
// and carries no structuredContent, so clients that check a tool's
// outputSchema accept it. For 2026-07-28 requests it says resultType.
func denyResult(id json.RawMessage, text string, d call.Decision, modern bool) []byte {
	return response(id, "result", denyValue(text, d, modern))
}

// denyValue is denyResult's result member.
func denyValue(text string, d call.Decision, modern bool) any {
	type content struct {
		Type string `json:"type"`
		Text string `json:"text"`
	}
	type decision struct {
		Decision call.Action `json:"decision"`
		Policies []string    `json:"matched_policies,omitempty"`
		Message  string      `json:"message,omitempty"`
	}
	type result struct {
		Content    []content           `json:"content"`
		IsError    bool                `json:"isError"`
		ResultType string              `json:"resultType,omitempty"`
		Meta       map[string]decision `json:"_meta"`
	}
	r := result{
		Content: []content{{Type: "text", Text: text}},
		IsError: true,
		Meta:    map[string]decision{metaDecision: {Decision: d.Decision, Policies: d.MatchedPolicies, Message: d.Message}},
	}
	if modern {
		r.ResultType = "complete"
	}
	return r
}

// denyMap is denyValue as a map, for a result the proxy keeps (a denied
// task's).
func denyMap(text string, d call.Decision, modern bool) map[string]any {
	b, _ := json.Marshal(denyValue(text, d, modern))
	var m map[string]any
	json.Unmarshal(b, &m)
	return m
}

// denyText is what the model reads for a blocked call.
func denyText(d call.Decision) string {
	var b strings.Builder
	b.WriteString("Blocked by Rampart")
	if len(d.MatchedPolicies) > 0 {
		b.WriteString(" policy '" + strings.Join(d.MatchedPolicies, "', '") + "'")
	}
	if d.Message != "" {
		b.WriteString(": " + d.Message)
	}
	b.WriteString(". The call did not run. Do not retry it; ask the user if it is needed.")
	return b.String()
}

// approvalText is what the model reads for a call that needed an approval
// nobody could give: unlike a denial, it can be retried once approved.
func approvalText(d call.Decision, hint string) string {
	var b strings.Builder
	b.WriteString("Held by Rampart")
	if len(d.MatchedPolicies) > 0 {
		b.WriteString(" policy '" + strings.Join(d.MatchedPolicies, "', '") + "'")
	}
	b.WriteString(": " + hint + ". The call did not run.")
	return b.String()
}

// errorResponse is a JSON-RPC error; a nil id is written as null.
func errorResponse(id json.RawMessage, code int, message string) []byte {
	type rpcError struct {
		Code    int    `json:"code"`
		Message string `json:"message"`
	}
	return response(id, "error", rpcError{Code: code, Message: message})
}

func response(id json.RawMessage, member string, v any) []byte {
	if id == nil {
		id = json.RawMessage("null")
	}
	body, err := marshal(v)
	if err != nil {
		body = []byte(`{}`)
	}
	b := make([]byte, 0, len(body)+len(id)+40)
	b = append(b, `{"jsonrpc":"2.0","id":`...)
	b = append(b, id...)
	b = append(b, `,"`...)
	b = append(b, member...)
	b = append(b, `":`...)
	b = append(b, body...)
	b = append(b, '}')
	return b
}

// marshal encodes v compactly without HTML escaping and without a newline.
func marshal(v any) ([]byte, error) {
	var b strings.Builder
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	s := b.String()
	return []byte(s[:len(s)-1]), nil
}
