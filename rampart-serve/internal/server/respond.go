package server

import (
	"net/http"
	"sync"
	"unicode/utf8"

	"rampart.dev/pkg/call"
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

const hexDigits = "0123456789abcdef"

// appendJSONString appends s quoted as encoding/json quotes a string with
// HTML escaping off: \" \\ \b \f \n \r \t, other control bytes as \u00XX,
// U+2028 and U+2029 escaped, and each invalid UTF-8 byte as \ufffd.
func appendJSONString(b []byte, s string) []byte {
	b = append(b, '"')
	start := 0
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if c >= 0x20 && c != '"' && c != '\\' {
				i++
				continue
			}
			b = append(b, s[start:i]...)
			switch c {
			case '"', '\\':
				b = append(b, '\\', c)
			case '\b':
				b = append(b, '\\', 'b')
			case '\f':
				b = append(b, '\\', 'f')
			case '\n':
				b = append(b, '\\', 'n')
			case '\r':
				b = append(b, '\\', 'r')
			case '\t':
				b = append(b, '\\', 't')
			default:
				b = append(b, '\\', 'u', '0', '0', hexDigits[c>>4], hexDigits[c&0xf])
			}
			i++
			start = i
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			b = append(b, s[start:i]...)
			b = append(b, `\ufffd`...)
		case r == '\u2028' || r == '\u2029':
			b = append(b, s[start:i]...)
			b = append(b, '\\', 'u', '2', '0', '2', hexDigits[r&0xf])
		default:
			i += size
			continue
		}
		i += size
		start = i
	}
	b = append(b, s[start:]...)
	return append(b, '"')
}
