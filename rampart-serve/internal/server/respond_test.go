package server

import (
	"bytes"
	"encoding/json"
	"net/http/httptest"
	"testing"

	"rampart.dev/pkg/approval"
	"rampart.dev/pkg/call"
)

// encoded is what writeJSON writes for v.
func encoded(t testing.TB, v any) []byte {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.Encode(v)
	return buf.Bytes()
}

// awkward strings: every escape encoding/json makes, invalid UTF-8, the
// line separators, HTML characters (left alone) and multibyte text.
var awkward = []string{
	"", "plain", `quote " and \ backslash`, "\b\f\n\r\t", "\x00\x01\x1f\x7f",
	"bad \xff byte", "\xe2\x80", "cut \xe2\x80 rune", "\u2028 and \u2029", "<a href='x'>&amp;</a>",
	"héllo wörld ✓ 😀", "\xed\xa0\x80 surrogate", "tab\tend\n",
}

func TestResponseAppendJSONMatchesEncodingJSON(t *testing.T) {
	var cases []Response
	for a := call.Allow; a <= call.Deny; a++ {
		cases = append(cases,
			Response{Decision: a, MatchedPolicies: []string{}},
			Response{Decision: a, Message: "m", MatchedPolicies: nil},
			Response{Decision: a, Message: "denied", MatchedPolicies: []string{"p1", "p2"}, Flags: []string{"bad_input"}, Error: "e"},
			Response{Decision: a, MatchedPolicies: []string{}, Flags: []string{}, ApprovalID: "ap_1", Status: approval.Pending},
		)
	}
	for _, s := range awkward {
		cases = append(cases, Response{Decision: call.Deny, Message: s, MatchedPolicies: []string{s, s}, Flags: []string{s}, ApprovalID: s, Status: approval.Status(s), Error: s})
	}
	for _, r := range cases {
		got := r.appendJSON(nil)
		if want := encoded(t, &r); !bytes.Equal(got, want) {
			t.Errorf("appendJSON(%+v)\n got %q\nwant %q", r, got, want)
		}
	}
}

func TestWriteResponseFallsBack(t *testing.T) {
	for _, r := range []*Response{
		{Decision: call.Allow, MatchedPolicies: []string{}, Result: map[string]any{"exit_code": 0, "stdout": "<x>\n"}},
		{Decision: call.Action(9), MatchedPolicies: []string{}},
	} {
		w := httptest.NewRecorder()
		writeResponse(w, 200, r)
		if want := encoded(t, r); !bytes.Equal(w.Body.Bytes(), want) {
			t.Errorf("writeResponse(%+v) = %q, want %q", r, w.Body.Bytes(), want)
		}
		if ct := w.Header().Get("Content-Type"); ct != "application/json" {
			t.Errorf("Content-Type %q", ct)
		}
	}
}

func FuzzResponseAppendJSON(f *testing.F) {
	for _, s := range awkward {
		f.Add(s, s, uint8(0))
	}
	f.Fuzz(func(t *testing.T, msg, policy string, a uint8) {
		r := Response{Decision: call.Action(a % 4), Message: msg, MatchedPolicies: []string{policy}, Flags: []string{msg}, Error: policy}
		if got, want := r.appendJSON(nil), encoded(t, &r); !bytes.Equal(got, want) {
			t.Fatalf("appendJSON(%+v)\n got %q\nwant %q", r, got, want)
		}
	})
}

// BenchmarkWriteResponse is the answer to a preflight allow, written.
func BenchmarkWriteResponse(b *testing.B) {
	r := &Response{Decision: call.Allow, MatchedPolicies: []string{}}
	w := httptest.NewRecorder()
	b.ReportAllocs()
	for b.Loop() {
		w.Body.Reset()
		writeResponse(w, 200, r)
	}
}

// BenchmarkWriteJSONResponse is the same answer through encoding/json.
func BenchmarkWriteJSONResponse(b *testing.B) {
	r := &Response{Decision: call.Allow, MatchedPolicies: []string{}}
	w := httptest.NewRecorder()
	b.ReportAllocs()
	for b.Loop() {
		w.Body.Reset()
		writeJSON(w, 200, r)
	}
}
