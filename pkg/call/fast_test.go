package call

import (
	"bytes"
	"encoding/json"
	"reflect"
	"testing"
)

// fastLines are lines parseFast must take (want true) or leave to
// encoding/json (false).
var fastLines = []struct {
	line string
	want bool
}{
	{`{"tool":"exec","params":{"command":"/bin/true"},"agent":"librampart","cwd":"/home/dev/project"}`, true},
	{`{"tool":"exec","params":{"command":"ls -la"},"agent":"librampart","session":"s1","cwd":"/tmp"}`, true},
	{` { "cwd" : "/x" , "tool" : "read" , "params" : { "path" : "a b" } } `, true},
	{"{\"tool\":\"exec\",\n\"params\":{\"command\":\"echo \\\"hi\\\" \\\\ \\/ \\b\\f\\n\\r\\t\"}}", true},
	{`{"tool":"exec","params":{"command":"echo héllo ✓"}}`, true},
	{`{"tool":"exec","params":{}}`, true},
	{`{"tool":"exec"}`, true},
	{`{}`, true},
	{`{"tool":"write","params":{"path":"f","content":""}}`, true},
	{`{"tool":""}`, true},
	// Left to encoding/json.
	{`{"Tool":"exec","params":{"command":"ls"}}`, false},           // another case
	{`{"tool":"exec","tool":"read","params":{"path":"x"}}`, false}, // duplicate
	{`{"tool":"exec","params":{"command":"a","command":"b"}}`, false},
	{`{"tool":"exec","params":{"command":"\u0041"}}`, false},
	{`{"tool":"exec","params":{"argv":["ls","-l"]}}`, false},
	{`{"tool":"exec","params":{"command":null}}`, false},
	{`{"tool":"exec","agent":null}`, false},
	{`{"tool":"exec","extra":1}`, false},
	{"{\"tool\":\"exec\",\"params\":{\"command\":\"a\xffb\"}}", false}, // invalid UTF-8
	{"{\"tool\":\"exec\",\"params\":{\"command\":\"a\x01b\"}}", false}, // control byte
	{`{"tool":"exec","params":{"command":"a\qb"}}`, false},
	{`{"tool":"exec"} {}`, false},
	{`{"tool":"exec",}`, false},
	{`{"tool":"exec"`, false},
	{`["tool"]`, false},
	{``, false},
	{`{"tool":"exec","params":"ls"}`, false},
}

// Every line parseFast takes is read as encoding/json reads it.
func TestParseFastAgreesWithJSON(t *testing.T) {
	for _, tc := range fastLines {
		got, ok := parseFast([]byte(tc.line))
		if ok != tc.want {
			t.Errorf("parseFast(%q) ok = %v; want %v", tc.line, ok, tc.want)
		}
		if ok {
			checkSameAsJSON(t, tc.line, got)
		}
	}
}

func checkSameAsJSON(t *testing.T, line string, got Call) {
	t.Helper()
	var want Call
	if err := json.Unmarshal([]byte(line), &want); err != nil {
		t.Errorf("parseFast took %q, which encoding/json refuses: %v", line, err)
		return
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("parseFast(%q) = %#v; encoding/json reads %#v", line, got, want)
	}
}

// Parse gives the same Call and the same error through either reader.
func TestParseSameEitherWay(t *testing.T) {
	for _, tc := range fastLines {
		got, gerr := Parse([]byte(tc.line))
		var want Call
		werr := json.Unmarshal([]byte(tc.line), &want)
		if werr == nil {
			werr = want.Canonicalize()
		} else {
			want = Call{}
		}
		if werr != nil {
			want = Call{}
		}
		if (gerr == nil) != (werr == nil) || !reflect.DeepEqual(got, want) {
			t.Errorf("Parse(%q) = %#v, %v; want %#v, %v", tc.line, got, gerr, want, werr)
		}
	}
}

func FuzzParseFast(f *testing.F) {
	for _, tc := range fastLines {
		f.Add(tc.line)
	}
	f.Fuzz(func(t *testing.T, line string) {
		if got, ok := parseFast([]byte(line)); ok {
			checkSameAsJSON(t, line, got)
		}
	})
}

var fastDecisions = []Decision{
	{},
	{Decision: Deny, Message: "rm -rf is destructive", MatchedPolicies: []string{"standard/destructive"}, Matched: "rm -rf /", Explicit: true, Flags: []string{FlagUnparsed, FlagMonitor}, EvalNS: 12345},
	{Decision: RequireApproval, Message: "<html> & \"quotes\" \\ \n\t\r\b\f \x01 \x7f", EvalNS: -1},
	{Decision: Log, Message: "bad \xff utf8 \u2028 \u2029 ✓", Matched: "\xc3"},
	{Decision: Allow, MatchedPolicies: []string{}, Flags: []string{}, Explicit: false},
	{Decision: Allow, MatchedPolicies: []string{"", "a\"b"}},
}

// appendDecision writes what json.Encoder (HTML escaping off) writes.
func TestAppendDecisionAgreesWithJSON(t *testing.T) {
	for _, d := range fastDecisions {
		checkDecision(t, d)
	}
	if _, ok := appendDecision(nil, Decision{Decision: Action(9)}); ok {
		t.Error("appendDecision wrote an action with no name; encoding/json fails on it")
	}
}

func checkDecision(t *testing.T, d Decision) {
	t.Helper()
	var want bytes.Buffer
	enc := json.NewEncoder(&want)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(d); err != nil {
		t.Fatal(err)
	}
	got, ok := appendDecision(nil, d)
	if !ok || string(got) != want.String() {
		t.Errorf("appendDecision(%#v) = %q, %v; encoding/json writes %q", d, got, ok, want.String())
	}
}

func FuzzAppendDecision(f *testing.F) {
	for _, d := range fastDecisions {
		f.Add(uint8(d.Decision), d.Message, d.Matched, "p", true, int64(d.EvalNS))
	}
	f.Fuzz(func(t *testing.T, a uint8, msg, matched, pol string, explicit bool, ns int64) {
		checkDecision(t, Decision{Decision: Action(a % 4), Message: msg, Matched: matched,
			MatchedPolicies: []string{pol, msg}, Flags: []string{matched}, Explicit: explicit, EvalNS: ns})
	})
}

// A Writer writes a Decision, by value or by pointer, as encoding/json
// does, and anything else through encoding/json.
func TestWriterWritesDecisionsAsJSON(t *testing.T) {
	var got, want bytes.Buffer
	w := NewWriter(&got)
	enc := json.NewEncoder(&want)
	enc.SetEscapeHTML(false)
	for _, d := range fastDecisions {
		d := d
		for _, v := range []any{d, &d} {
			if err := w.Write(v); err != nil {
				t.Fatal(err)
			}
			enc.Encode(v)
		}
	}
	other := map[string]string{"a": "<b>"}
	w.Write(other)
	enc.Encode(other)
	if err := w.Write(Decision{Decision: Action(9)}); err == nil {
		t.Error("Write of an action with no name: no error")
	}
	if got.String() != want.String() {
		t.Errorf("Writer wrote\n%s\nencoding/json writes\n%s", got.String(), want.String())
	}
}

// The question librampart asks for an exec, and its answer.
var (
	benchLine = []byte(`{"tool":"exec","params":{"command":"/bin/true"},"agent":"librampart","cwd":"/home/dev/project"}`)
	benchDec  = Decision{Decision: Allow, Matched: "/bin/true", Explicit: true, EvalNS: 4321}
)

func BenchmarkParse(b *testing.B) {
	b.Run("fast", func(b *testing.B) {
		for range b.N {
			Parse(benchLine)
		}
	})
	b.Run("encoding-json", func(b *testing.B) {
		for range b.N {
			var c Call
			json.Unmarshal(benchLine, &c)
			c.Canonicalize()
		}
	})
}

func BenchmarkWriteDecision(b *testing.B) {
	var buf bytes.Buffer
	b.Run("fast", func(b *testing.B) {
		w := NewWriter(&buf)
		for range b.N {
			buf.Reset()
			w.Write(benchDec)
		}
	})
	b.Run("encoding-json", func(b *testing.B) {
		enc := json.NewEncoder(&buf)
		enc.SetEscapeHTML(false)
		for range b.N {
			buf.Reset()
			enc.Encode(benchDec)
		}
	})
}
