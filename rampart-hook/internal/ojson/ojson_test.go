package ojson

import (
	"encoding/json"
	"errors"
	"testing"
)

func TestRoundTrip(t *testing.T) {
	in := `{"b": 1.50, "a": [true, null, {"z": "é \u2028 <&>", "y": {}}], "c": [], "b": 2}`
	o, err := Parse([]byte(in))
	if err != nil {
		t.Fatal(err)
	}
	want := "{\n  \"b\": 1.50,\n  \"a\": [\n    true,\n    null,\n    {\n      \"z\": \"é \\u2028 <&>\",\n      \"y\": {}\n    }\n  ],\n  \"c\": [],\n  \"b\": 2\n}\n"
	if got := string(Marshal(o)); got != want {
		t.Errorf("Marshal =\n%s\nwant\n%s", got, want)
	}
	if v, _ := o.Get("b"); v != json.Number("1.50") {
		t.Errorf("Get(b) = %v, want the first b, 1.50", v)
	}
	o.Set("c", "x")
	o.Set("d", json.Number("4"))
	if !o.Delete("b") || o.Delete("b") {
		t.Error("Delete(b) should remove both b and then report none")
	}
	if got, want := string(Marshal(o)), "{\n  \"a\": [\n    true,\n    null,\n    {\n      \"z\": \"é \\u2028 <&>\",\n      \"y\": {}\n    }\n  ],\n  \"c\": \"x\",\n  \"d\": 4\n}\n"; got != want {
		t.Errorf("after edits, Marshal =\n%s\nwant\n%s", got, want)
	}
}

func TestParseErrors(t *testing.T) {
	for _, tc := range []struct {
		in        string
		line, col int
	}{
		{"{\n  \"a\": 1,\n  // no\n}", 3, 3},
		{"{\"a\": 1", 1, 8},
		{"[1]", 1, 1},
		{"{} {}", 1, 5},
		{"", 1, 1},
	} {
		_, err := Parse([]byte(tc.in))
		var se *SyntaxError
		if !errors.As(err, &se) {
			t.Errorf("Parse(%q) error = %v, want a SyntaxError", tc.in, err)
			continue
		}
		if se.Line != tc.line || se.Col != tc.col {
			t.Errorf("Parse(%q) error at %d:%d (%v), want %d:%d", tc.in, se.Line, se.Col, se, tc.line, tc.col)
		}
	}
}

// FuzzParse: Parse never panics, and what it accepts is valid JSON that
// Marshal writes back to the same value.
func FuzzParse(f *testing.F) {
	f.Add([]byte(`{"hooks": {"PreToolUse": [{"matcher": "*", "hooks": [{"type": "command", "command": "x"}]}]}}`))
	f.Add([]byte(`{"a": [1, 2.50, -3e4, "s\n", null, true, {}]}`))
	f.Add([]byte(`{"a":`))
	f.Fuzz(func(t *testing.T, b []byte) {
		o, err := Parse(b)
		if err != nil {
			return
		}
		if !json.Valid(b) {
			t.Fatalf("Parse accepted invalid JSON %q", b)
		}
		out := Marshal(o)
		o2, err := Parse(out)
		if err != nil {
			t.Fatalf("Marshal wrote %q, which does not parse: %v", out, err)
		}
		if !Equal(o, o2) {
			t.Fatalf("round trip changed %q into %q", b, out)
		}
		if c := Clone(o); !Equal(o, c) {
			t.Fatal("Clone differs")
		}
	})
}
