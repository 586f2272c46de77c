package call

import (
	"bytes"
	"errors"
	"io"
	"strings"
	"testing"
)

func TestReader(t *testing.T) {
	in := `{"tool":"exec","params":{"command":"ls"}}

not json
{"params":{}}
` + `{"tool":"read","params":{"path":"` + strings.Repeat("a", MaxLine) + `"}}
{"tool":"fetch","params":{"url":"https://x"}}`
	r := NewReader(strings.NewReader(in))
	var got []string
	for {
		c, err := r.Read()
		if err == io.EOF {
			break
		}
		switch {
		case err == nil:
			got = append(got, c.Tool)
		case IsBadInput(err):
			got = append(got, "bad")
		default:
			t.Fatalf("Read: %v", err)
		}
	}
	want := "exec bad bad bad fetch"
	if strings.Join(got, " ") != want {
		t.Errorf("Read sequence = %q, want %q", strings.Join(got, " "), want)
	}
}

func TestParseAction(t *testing.T) {
	for in, want := range map[string]Action{"ask": RequireApproval, "watch": Log, "deny": Deny, "allow": Allow} {
		if got, err := ParseAction(in); err != nil || got != want {
			t.Errorf("ParseAction(%q) = %v, %v; want %v", in, got, err, want)
		}
	}
	if _, err := ParseAction("nope"); err == nil {
		t.Errorf("ParseAction(nope) succeeded")
	}
}

func TestWriterOneLinePerValue(t *testing.T) {
	var b bytes.Buffer
	w := NewWriter(&b)
	w.Write(Decision{Decision: Deny, Message: "a <b> & c"})
	w.Write(Decision{Decision: Allow})
	if got := b.String(); got != `{"decision":"deny","message":"a <b> & c","eval_ns":0}`+"\n"+`{"decision":"allow","eval_ns":0}`+"\n" {
		t.Errorf("Writer output = %q", got)
	}
}

// FuzzReader: any input yields Calls with a tool, bad-input errors, or EOF;
// never a panic, never an unbounded line.
func FuzzReader(f *testing.F) {
	f.Add([]byte(`{"tool":"exec","params":{"command":"rm -rf /"},"agent":"a","session":"s","cwd":"/"}` + "\n"))
	f.Add([]byte("{\"tool\":\"\"}\n\n{\n"))
	f.Add([]byte(`{"tool":"mcp","params":{"arguments":{"x":[1,2,{"y":null}]}}}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		r := NewReader(bytes.NewReader(data))
		for i := 0; i < 10000; i++ {
			c, err := r.Read()
			if err == io.EOF {
				return
			}
			if err != nil {
				if !IsBadInput(err) {
					t.Fatalf("unexpected error: %v", err)
				}
				continue
			}
			if c.Tool == "" {
				t.Fatalf("call without tool accepted")
			}
			if errors.Is(err, ErrTooLong) {
				t.Fatalf("impossible")
			}
		}
	})
}
