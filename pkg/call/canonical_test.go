package call

import (
	"errors"
	"strings"
	"testing"

	"mvdan.cc/sh/v3/expand"
	"mvdan.cc/sh/v3/syntax"
)

// A call's subject under an agent's own param name is judged by it; a
// canonical tool with no subject is bad input, not an empty call let
// through.
func TestParseCanonical(t *testing.T) {
	for _, tc := range []struct {
		in, tool, key, want string
		err                 error
	}{
		{`{"tool":"exec","params":{"command":"ls"}}`, "exec", "command", "ls", nil},
		{`{"tool":"Exec","params":{"command":"ls"}}`, "exec", "command", "ls", nil},
		{`{"tool":"exec","params":{"cmd":"ls -l"}}`, "exec", "command", "ls -l", nil},
		{`{"tool":"exec","params":{"argv":["rm","-rf","my dir","it's"]}}`, "exec", "command", `rm -rf 'my dir' 'it'\''s'`, nil},
		{`{"tool":"exec","params":{"command":["git","status"]}}`, "exec", "command", "git status", nil},
		{`{"tool":"READ","params":{"file_path":"/etc/hosts"}}`, "read", "path", "/etc/hosts", nil},
		{`{"tool":"write","params":{"filePath":"a.txt","content":"x"}}`, "write", "path", "a.txt", nil},
		{`{"tool":"fetch","params":{"uri":"https://x"}}`, "fetch", "url", "https://x", nil},
		{`{"tool":"Bash","params":{"cmd":"ls"}}`, "Bash", "", "", nil}, // not canonical: kept as given
		{`{"tool":"exec","params":{}}`, "", "", "", ErrNoSubject},
		{`{"tool":"exec"}`, "", "", "", ErrNoSubject},
		{`{"tool":"exec","params":{"command":7}}`, "", "", "", ErrNoSubject},
		{`{"tool":"read","params":{"path":["a","b"]}}`, "", "", "", ErrNoSubject},
		{`{"tool":"fetch","params":{"method":"GET"}}`, "", "", "", ErrNoSubject},
		{`{"tool":"exec","params":{"command":"ls","cmd":"rm -rf ~"}}`, "", "", "", ErrNoSubject},
		{`{"tool":"read","params":{"path":"README.md","file_path":"/home/dev/.ssh/id_rsa"}}`, "", "", "", ErrNoSubject},
		{`{"tool":"exec","params":{"command":"","cmd":"rm -rf ~"}}`, "exec", "command", "rm -rf ~", nil},
		{`{"tool":"exec","params":{"command":""}}`, "", "", "", ErrNoSubject},
		{`{"tool":"exec ","params":{"command":"ls"}}`, "exec", "command", "ls", nil},
		{`{"tool":"read","params":{"path":"a.txt","file_path":"a.txt"}}`, "read", "path", "a.txt", nil},
	} {
		c, err := Parse([]byte(tc.in))
		if tc.err != nil {
			if !errors.Is(err, tc.err) || !IsBadInput(err) {
				t.Errorf("Parse(%s) error = %v, want %v (bad input)", tc.in, err, tc.err)
			}
			continue
		}
		if err != nil {
			t.Fatalf("Parse(%s): %v", tc.in, err)
		}
		if c.Tool != tc.tool {
			t.Errorf("Parse(%s).Tool = %q, want %q", tc.in, c.Tool, tc.tool)
		}
		if tc.key != "" && c.Params.String(tc.key) != tc.want {
			t.Errorf("Parse(%s) %s = %q, want %q", tc.in, tc.key, c.Params.String(tc.key), tc.want)
		}
	}
}

// An argv array becomes a line the shell reads back as the same words.
func TestArgvLineRoundTrip(t *testing.T) {
	p := syntax.NewParser()
	for _, argv := range [][]string{
		{"rm", "-rf", "/home/dev"},
		{"sh", "-c", "echo $HOME; ls | wc -l"},
		{"printf", "%s\n", "it's", "`x`", "a b", ""},
		{"echo", "*", "~", "{a,b}", "$(id)"},
	} {
		in := make([]any, len(argv))
		for i, w := range argv {
			in[i] = w
		}
		line, ok := argvLine(in)
		if !ok {
			t.Fatalf("argvLine(%q) not ok", argv)
		}
		f, err := p.Parse(strings.NewReader(line), "")
		if err != nil {
			t.Fatalf("%q does not parse: %v", line, err)
		}
		call := f.Stmts[0].Cmd.(*syntax.CallExpr)
		if len(call.Args) != len(argv) {
			t.Fatalf("%q: %d words, want %d", line, len(call.Args), len(argv))
		}
		for i, w := range call.Args {
			fields, err := expand.Fields(&expand.Config{}, w)
			lit := strings.Join(fields, " ")
			if err != nil || len(fields) != 1 || lit != argv[i] {
				t.Errorf("%q word %d = %q (%v), want %q", line, i, lit, err, argv[i])
			}
		}
	}
}

// Parse never panics, and a call it accepts for a canonical tool carries
// its subject as a string.
func FuzzParse(f *testing.F) {
	for _, s := range []string{`{"tool":"exec","params":{"argv":["a","b c"]}}`, `{"tool":"Read","params":{"file_path":"x"}}`, `{"tool":"exec","params":null}`, `{"tool":"mcp"}`, `{}`} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		c, err := Parse(b)
		if err != nil {
			if !IsBadInput(err) {
				t.Fatalf("Parse error %v is not bad input", err)
			}
			return
		}
		if key := required(c.Tool); key != "" {
			if _, ok := c.Params[key].(string); !ok {
				t.Fatalf("accepted %s call without a string %s: %s", c.Tool, key, b)
			}
		}
	})
}
