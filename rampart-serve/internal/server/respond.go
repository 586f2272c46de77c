package server

import (
	"net/http"
	"sync"

	"rampart.dev/pkg/call"
	"rampart.dev/pkg/jsonstr"
)

// writeResponse answers with resp as writeJSON would, byte for byte, but
// for the answers every decision gets (no result: a preflight, a deny, a
// held call) it builds the JSON by hand into a pooled buffer and writes it
// once: no encoder, no reflection and no allocation per answer. An answer
// with a result, or an action without a name, goes through writeJSON.
func writeResponse(w http.ResponseWriter, code int, resp *Response) {
	if resp.Result != nil || int(resp.Decision) >= len(actionText) {
		writeJSON(w, code, resp)
		return
	}
	bp := answerPool.Get().(*[]byte)
	b := resp.appendJSON((*bp)[:0])
	w.Header()["Content-Type"] = appJSON
	w.WriteHeader(code)
	w.Write(b)
	if cap(b) <= maxPooledAnswer {
		*bp = b
		answerPool.Put(bp)
	}
}

// maxPooledAnswer bounds the buffers kept for reuse: a rare long answer
// is not kept alive by the pool.
const maxPooledAnswer = 16 << 10

var answerPool = sync.Pool{New: func() any { b := make([]byte, 0, 512); return &b }}

// actionText holds each action's name as MarshalText gives it.
var actionText = [...]string{call.Allow: "allow", call.Log: "log", call.RequireApproval: "require_approval", call.Deny: "deny"}

// appendJSON appends r as encoding/json encodes it with HTML escaping off,
// newline included (as json.Encoder ends a value). Result must be nil and
// Decision a named action.
func (r *Response) appendJSON(b []byte) []byte {
	b = append(b, `{"decision":`...)
	b = appendJSONString(b, actionText[r.Decision])
	b = append(b, `,"message":`...)
	b = appendJSONString(b, r.Message)
	b = append(b, `,"matched_policies":`...)
	b = appendStrings(b, r.MatchedPolicies)
	if len(r.Flags) > 0 {
		b = append(b, `,"flags":`...)
		b = appendStrings(b, r.Flags)
	}
	if r.ApprovalID != "" {
		b = append(b, `,"approval_id":`...)
		b = appendJSONString(b, r.ApprovalID)
	}
	if r.Status != "" {
		b = append(b, `,"status":`...)
		b = appendJSONString(b, string(r.Status))
	}
	if r.Error != "" {
		b = append(b, `,"error":`...)
		b = appendJSONString(b, r.Error)
	}
	return append(b, "}\n"...)
}

// appendStrings appends ss as a JSON array, null when nil.
func appendStrings(b []byte, ss []string) []byte {
	if ss == nil {
		return append(b, "null"...)
	}
	b = append(b, '[')
	for i, s := range ss {
		if i > 0 {
			b = append(b, ',')
		}
		b = appendJSONString(b, s)
	}
	return append(b, ']')
}

// appendJSONString appends s quoted as encoding/json quotes a string with
// HTML escaping off (jsonstr.Append), invalid UTF-8 as \ufffd.
func appendJSONString(b []byte, s string) []byte { return jsonstr.Append(b, s, `\ufffd`) }
