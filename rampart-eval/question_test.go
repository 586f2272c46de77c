package main

import (
	"bytes"
	"reflect"
	"strings"
	"testing"

	"rampart.dev/pkg/call"
)

// TestOneQuestion: a datagram of one line is that line, trimmed as
// call.Reader trims it; empty ones and several lines are not one question.
func TestOneQuestion(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{`{"tool":"exec"}` + "\n", `{"tool":"exec"}`},
		{`{"tool":"exec"}`, `{"tool":"exec"}`},
		{" \t{\"tool\":\"exec\"}\r\n", `{"tool":"exec"}`},
		{"\n", ""},
		{"", ""},
		{"{\"tool\":\"exec\"}\n{\"tool\":\"exec\"}\n", ""},
		{"{\"tool\":\"exec\"}\n\n{\"tool\":\"read\"}", ""},
	} {
		if got := string(oneQuestion([]byte(c.in))); got != c.want {
			t.Errorf("oneQuestion(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

// TestQuestionCache: a line asked again gives the Call call.Parse gives,
// in a copy that the caller may change without changing the next one's;
// a line with params that are not all strings is parsed every time; a
// line that is no Call is reported as such.
func TestQuestionCache(t *testing.T) {
	var q questionCache
	line := []byte(`{"tool":"exec","params":{"command":"/usr/bin/true"},"agent":"librampart","cwd":"/home/u/p"}`)
	want, err := call.Parse(line)
	if err != nil {
		t.Fatal(err)
	}
	for i := range 3 {
		c, ok := q.parse(bytes.Clone(line))
		if !ok || !reflect.DeepEqual(c, want) {
			t.Fatalf("ask %d: %+v, %v; want %+v", i, c, ok, want)
		}
		c.Params["command"] = "changed"
		c.Params["added"] = "x"
	}
	if q.line == nil {
		t.Fatal("the line was not kept")
	}

	// Another line replaces it, and is not answered with the old Call.
	other := []byte(`{"tool":"exec","params":{"command":"/usr/bin/false"},"agent":"librampart","cwd":"/home/u/p"}`)
	if c, ok := q.parse(other); !ok || c.Command() != "/usr/bin/false" {
		t.Fatalf("other line: %+v, %v", c, ok)
	}
	if c, ok := q.parse(line); !ok || !reflect.DeepEqual(c, want) {
		t.Fatalf("first line again: %+v, %v", c, ok)
	}

	// Params that are not all strings: answered, never kept.
	nested := []byte(`{"tool":"mcp","params":{"server":"s","tool":"t","arguments":{"a":["b"]}}}`)
	wantNested, err := call.Parse(nested)
	if err != nil {
		t.Fatal(err)
	}
	var fresh questionCache
	for range 2 {
		c, ok := fresh.parse(nested)
		if !ok || !reflect.DeepEqual(c, wantNested) {
			t.Fatalf("nested: %+v, %v; want %+v", c, ok, wantNested)
		}
		c.Params["arguments"].(map[string]any)["a"] = "changed"
	}
	if fresh.line != nil {
		t.Fatal("a line with nested params was kept")
	}

	// No Call, and no tool: not ok, so the caller answers bad input.
	for _, bad := range []string{`{"tool":`, `{"params":{}}`, strings.Repeat("x", 10)} {
		if _, ok := q.parse([]byte(bad)); ok {
			t.Errorf("%q parsed", bad)
		}
	}
}

// TestAnswerOneLine: a one-line question is answered as serve answers it,
// and a bad line and several lines still go through serve.
func TestAnswerOneLine(t *testing.T) {
	f, g := &fakeDecider{}, &fakeDecider{}
	var r reply
	var reported []error
	report := func(err error) { reported = append(reported, err) }
	for _, q := range []string{
		execLine("ls"),
		execLine("ls"),
		execLine("echo blocked-marker"),
		execLine("ls") + execLine("echo blocked-marker"),
		`{"tool":` + "\n",
		"\n",
	} {
		var want bytes.Buffer
		serve(strings.NewReader(q), &want, g, func(error) {})
		if got := answer([]byte(q), f, report, &r); !bytes.Equal(got, want.Bytes()) {
			t.Errorf("answer(%q) = %q, want %q", q, got, want.Bytes())
		}
	}
	if !reflect.DeepEqual(f.audited, g.audited) {
		t.Errorf("decided %+v, serve decides %+v", f.audited, g.audited)
	}
	if len(reported) != 1 {
		t.Errorf("reported %v, want the one bad line", reported)
	}
}
