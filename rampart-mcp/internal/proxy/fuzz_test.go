package proxy

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"
)

// goMessage is a JSON-RPC message as a server built on encoding/json reads
// it: member names matched without regard to case, the last one winning.
type goMessage struct {
	Method string
	Params struct {
		Name string
	}
}

// deniedCalls decodes the server's whole input the way the Go SDK does (one
// stream decoder over all lines, batches split) and returns the tools/call
// messages for write_file it would see.
func deniedCalls(in []byte) int {
	dec := json.NewDecoder(bytes.NewReader(in))
	n := 0
	for {
		var raw json.RawMessage
		if dec.Decode(&raw) != nil {
			return n
		}
		var msgs []json.RawMessage
		if json.Unmarshal(raw, &msgs) != nil {
			msgs = []json.RawMessage{raw}
		}
		for _, m := range msgs {
			var g goMessage
			if json.Unmarshal(m, &g) == nil && g.Method == "tools/call" && g.Params.Name == "write_file" {
				n++
			}
		}
	}
}

// FuzzProxy feeds any bytes through both sides of the proxy. It must never
// panic, and whatever it hands the server must never hold a tools/call the
// policy denies, however the client splits, cases or batches it.
func FuzzProxy(f *testing.F) {
	f.Add([]byte(readCall+"\n"+writeCall+"\n"), []byte(`{"jsonrpc":"2.0","id":10,"result":{}}`+"\n"))
	f.Add([]byte(`{"jsonrpc":"2.0","id":11,"method":`+"\n"+`"tools/call","params":{"name":"write_file"}}`+"\n"), []byte("x\n"))
	f.Add([]byte(`{"jsonrpc":"2.0","id":5,"method":"ping","Method":"tools/call","params":{"name":"write_file"}}`+"\n"), []byte{})
	f.Add([]byte(`[{"jsonrpc":"2.0","id":1,"method":"tools/call","params":{"name":"write_file"}},{"jsonrpc":"2.0","id":2,"method":"ping"}]`+"\n"), []byte(`[{"id":2,"result":{}}]`))
	f.Add([]byte(`{"jsonrpc":"2.0","id":1,"method":"tools/list"}`+"\n"), []byte(`{"jsonrpc":"2.0","id":1,"result":{"tools":[{"name":"write_file","annotations":{"destructiveHint":true}}]}}`+"\n"))
	f.Fuzz(func(t *testing.T, client, server []byte) {
		h := &harness{j: &fakeJudge{deny: map[string]bool{"write_file": true}, ask: map[string]bool{"drop_table": true}}, client: &lines{}, server: &lines{}}
		h.p = New(Config{Server: "fs", Judge: h.j, Redactor: fakeRedactor{}, HideDenied: true}, h.client, h.server)
		if err := h.p.FromServer(bytes.NewReader(server)); err != nil {
			t.Fatal(err)
		}
		if err := h.p.FromClient(bytes.NewReader(client)); err != nil {
			t.Fatal(err)
		}
		h.p.Wait()
		h.p.Abort("fuzz")
		got := []byte(strings.Join(h.server.get(), "\n"))
		if n := deniedCalls(got); n > 0 {
			t.Fatalf("the server was handed %d denied calls:\n%s", n, got)
		}
	})
}
