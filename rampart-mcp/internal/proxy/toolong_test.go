package proxy

import (
	"strings"
	"testing"
)

func TestIDFromHead(t *testing.T) {
	big := strings.Repeat("x", 8000)
	for _, tc := range []struct{ head, want string }{
		{`{"jsonrpc":"2.0","id":7,"method":"tools/call","params":{"arguments":{"text":"` + big[:100], `7`},
		{`{"jsonrpc":"2.0","method":"tools/call","id":"a-1","params":{"`, `"a-1"`},
		{`{"method":"tools/call","params":{"id":3,"text":"` + big[:100], ``}, // the id is past the head
		{`{"jsonrpc":"2.0","id":9,"result":{"text":"`, ``},                   // a response is not answered
		{`{"id":{"x":1},"method":"m"}`, ``},
		{`not json`, ``},
	} {
		if got := string(idFromHead([]byte(tc.head))); got != tc.want {
			t.Errorf("idFromHead(%.60q) = %q, want %q", tc.head, got, tc.want)
		}
	}
}

// FuzzIDFromHead: never panics, and any id found is a JSON string or number.
func FuzzIDFromHead(f *testing.F) {
	f.Add([]byte(`{"jsonrpc":"2.0","id":7,"method":"tools/call","params":{`))
	f.Add([]byte(`{"id":"x","method":"m"}`))
	f.Fuzz(func(t *testing.T, head []byte) {
		id := idFromHead(head)
		if id != nil && !(id[0] == '"' || id[0] == '-' || '0' <= id[0] && id[0] <= '9') {
			t.Fatalf("idFromHead(%q) = %q", head, id)
		}
	})
}
