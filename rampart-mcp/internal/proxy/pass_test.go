package proxy

import (
	"bytes"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"io"
	"reflect"
	"sort"
	"strconv"
	"strings"
	"testing"

	"rampart.dev/pkg/call"
	"rampart.dev/pkg/secret"
)

// checkRedactor is package secret's redaction, judged string by string too.
type checkRedactor struct{}

func (checkRedactor) Value(v any) (any, []string) {
	out, fs := secret.RedactValue(v)
	var k []string
	for _, f := range fs {
		k = append(k, f.Kind)
	}
	return out, k
}

func (checkRedactor) Text(s string) (string, []string) {
	out, fs := secret.Redact(s)
	var k []string
	for _, f := range fs {
		k = append(k, f.Kind)
	}
	return out, k
}

func (checkRedactor) Clean(s, key string, _ bool) bool { return secret.Clean(s, key) }

// responseRulesJudge has response rules that withhold output naming
// "forbidden".
type responseRulesJudge struct{ fakeJudge }

func (*responseRulesJudge) HasResponseRules(string) bool { return true }

func (*responseRulesJudge) DecideResponse(c call.Call, output string) call.Decision {
	if strings.Contains(output, "forbidden") {
		return call.Decision{Decision: call.Deny, Message: "no"}
	}
	return call.Decision{Decision: call.Allow}
}

// passCorpus are server messages of every kind passServer meets.
func passCorpus() []string {
	aws := "AKIA" + "IOSFODNN7EXAMPLE"
	gh := "ghp_" + strings.Repeat("aB3d", 9)
	blob := base64.StdEncoding.EncodeToString([]byte("key " + aws))
	return []string{
		`{"jsonrpc":"2.0","id":1,"result":{"content":[{"type":"text","text":"hello from the sandbox\n"}]}}`,
		`{"result":{"content":[{"type":"text","text":"hello"}],"structuredContent":{"content":"hello"}},"jsonrpc":"2.0","id":1}`,
		`{"jsonrpc":"2.0","id":1,"result":{"content":[{"type":"text","text":"key ` + aws + `"}]}}`,
		`{"jsonrpc":"2.0","id":1,"result":{"content":[{"type":"text","text":"key \u0041KIA` + aws[4:] + `"}]}}`,
		`{"jsonrpc":"2.0","id":1,"result":{"content":[{"type":"text","text":"a\nb\t\"c\" \/ \\ \u00e9"}]}}`,
		`{"jsonrpc":"2.0","id":1,"result":{"env":{"DB_PASSWORD":"hunter22","HOME":"/root"}}}`,
		`{"jsonrpc":"2.0","id":1,"result":{"env":{"DB_PASSWORD":["x","hunter22"]}}}`,
		`{"jsonrpc":"2.0","id":1,"result":{"headers":{"Authorization":""}}}`,
		`{"jsonrpc":"2.0","id":1,"result":{"headers":{"Authorization":"Bearer abcdefgh1234"}}}`,
		`{"jsonrpc":"2.0","id":1,"result":{"content":[{"type":"image","data":"` + blob + `","mimeType":"image/png"}]}}`,
		`{"jsonrpc":"2.0","id":1,"result":{"content":[{"type":"text","text":"forbidden words"}]}}`,
		`{"jsonrpc":"2.0","id":1,"error":{"code":-32000,"message":"token ` + gh + `"}}`,
		`{"jsonrpc":"2.0","id":1,"result":{"text":"bad utf-8 ` + "\xff\xfe" + ` here"}}`,
		`{"jsonrpc":"2.0","id":1.0,"result":{}}`,
		`{"jsonrpc":"2.0","id":1e0,"result":{"t":"` + aws + `"}}`,
		`{"jsonrpc":"2.0","id":"1","result":{}}`,
		`{"jsonrpc":"2.0","id":"s\u0031","result":{"t":"x"}}`,
		`{"jsonrpc":"2.0","id":null,"error":{"code":-32700,"message":"parse error"}}`,
		`{"jsonrpc":"2.0","id":true,"result":{}}`,
		`{"jsonrpc":"2.0","id":{"x":1},"result":{"t":"` + aws + `"}}`,
		`{"jsonrpc":"2.0","result":{"t":"` + aws + `"}}`,
		`{"id":1,"id":3,"result":{"text":"x"}}`,
		`{"ID":1,"result":{"text":"x"}}`,
		`{"jsonrpc":"2.0","i\u0064":1,"result":{"text":"x"}}`,
		`{"jsonrpc":"2.0","id":2,"result":{"protocolVersion":"2025-11-25","password":"hunter22"}}`,
		`{"jsonrpc":"2.0","id":"a","result":{"tools":[{"name":"write_file","annotations":{"destructiveHint":true}},{"name":"read_text_file"}]}}`,
		`{"jsonrpc":"2.0","id":3,"result":{"contents":[{"uri":"file:///x","text":"` + gh + `"}]}}`,
		`{"jsonrpc":"2.0","method":"notifications/progress","params":{"progressToken":"` + aws + `","progress":1}}`,
		`{"jsonrpc":"2.0","id":9,"method":"sampling/createMessage","params":{"messages":[{"content":{"type":"text","text":"` + aws + `"}}]}}`,
		`{"jsonrpc":"2.0","id":9,"method":"sampling/createMessage","params":{"messages":[{"content":{"type":"text","text":"hi"}}]}}`,
		`{"jsonrpc":"2.0","id":9,"method":"roots/list"}`,
		`{"jsonrpc":"2.0","id":1,"result":{"a":[[[[{"b":[1,-2.5e3,true,false,null,"x"]}]]]]}}`,
		`{"jsonrpc":"2.0","id":1,"result":{"a":` + strings.Repeat("[", 600) + `"` + aws + `"` + strings.Repeat("]", 600) + `}}`,
		`{"jsonrpc":"2.0","id":1,"result":{ "t" : "x" , "u" : [ 1 , 2 ] }}`,
		`[{"jsonrpc":"2.0","id":1,"result":{}},{"jsonrpc":"2.0","id":2,"result":{}}]`,
		`{"jsonrpc":"2.0","id":1,`,
		`{"jsonrpc":"2.0","id":1,"result":{}} {}`,
	}
}

// passRun feeds line to a proxy with four requests pending and returns
// what it wrote to the client, what it recorded and what is still pending.
func passRun(t testing.TB, line string, decodeAll, rules, monitor bool) (string, string, []string) {
	var out bytes.Buffer
	var j Judge = &fakeJudge{}
	if rules {
		j = &responseRulesJudge{}
	}
	p := New(Config{Server: "fs", Judge: j, Redactor: checkRedactor{}, HideDenied: true, Monitor: monitor}, &out, &bytes.Buffer{})
	p.decodeAll = decodeAll
	c := &call.Call{Tool: call.ToolMCP, Params: call.Params{"server": "fs", "tool": "read_text_file"}}
	p.addPending(pending{id: json.RawMessage(`1`), method: "tools/call", call: c})
	p.addPending(pending{id: json.RawMessage(`"a"`), method: "tools/list"})
	p.addPending(pending{id: json.RawMessage(`2`), method: "initialize"})
	p.addPending(pending{id: json.RawMessage(`3`), method: "resources/read"})
	p.serverLine([]byte(line + "\n"))
	var rec []call.Decision
	switch j := j.(type) {
	case *fakeJudge:
		rec = j.recorded
	case *responseRulesJudge:
		rec = j.recorded
	}
	recorded, _ := json.Marshal(rec)
	var left []string
	for k := range p.pending {
		left = append(left, k)
	}
	sort.Strings(left)
	return out.String(), string(recorded), left
}

// TestPassServer: a server message passed on without decoding goes out,
// is recorded and answers its request exactly as on the decoding path.
func TestPassServer(t *testing.T) {
	for _, mode := range []struct{ rules, monitor bool }{{false, false}, {true, false}, {false, true}, {true, true}} {
		for i, line := range passCorpus() {
			t.Run(fmt.Sprintf("rules=%v/monitor=%v/%d", mode.rules, mode.monitor, i), func(t *testing.T) {
				out, rec, left := passRun(t, line, false, mode.rules, mode.monitor)
				wantOut, wantRec, wantLeft := passRun(t, line, true, mode.rules, mode.monitor)
				if out != wantOut || rec != wantRec || !reflect.DeepEqual(left, wantLeft) {
					t.Errorf("%s\npassed:  %q %s %v\ndecoded: %q %s %v", line, out, rec, left, wantOut, wantRec, wantLeft)
				}
			})
		}
	}
}

// TestPassCorpusRedacts: the corpus holds messages that are redacted and
// recorded, so that TestPassServer compares more than lines passed as
// they came.
func TestPassCorpusRedacts(t *testing.T) {
	redacted, recorded := 0, 0
	for _, line := range passCorpus() {
		out, rec, _ := passRun(t, line, false, false, false)
		if strings.Contains(out, secret.Mask) {
			redacted++
		}
		if rec != "null" {
			recorded++
		}
	}
	if redacted < 5 || recorded < 5 {
		t.Errorf("%d lines redacted, %d recorded; want at least 5 of each", redacted, recorded)
	}
}

// FuzzPassServer compares passServer with the decoding path on any line.
func FuzzPassServer(f *testing.F) {
	for _, line := range passCorpus() {
		f.Add(line)
	}
	f.Fuzz(func(t *testing.T, line string) {
		if strings.ContainsAny(line, "\n\r") {
			return
		}
		out, rec, left := passRun(t, line, false, false, false)
		wantOut, wantRec, wantLeft := passRun(t, line, true, false, false)
		if out != wantOut || rec != wantRec || !reflect.DeepEqual(left, wantLeft) {
			t.Errorf("%q\npassed:  %q %s %v\ndecoded: %q %s %v", line, out, rec, left, wantOut, wantRec, wantLeft)
		}
	})
}

// TestPassServerUndecoded: the common messages really are passed on
// without decoding (the decoder is never made).
func TestPassServerUndecoded(t *testing.T) {
	var out bytes.Buffer
	p := New(Config{Server: "fs", Judge: &fakeJudge{}, Redactor: checkRedactor{}}, &out, &bytes.Buffer{})
	p.addPending(pending{id: json.RawMessage(`1`), method: "tools/call", call: &call.Call{Tool: call.ToolMCP}})
	for _, line := range []string{
		`{"jsonrpc":"2.0","id":1,"result":{"content":[{"type":"text","text":"hello\n"}]}}`,
		`{"jsonrpc":"2.0","method":"notifications/progress","params":{"progressToken":"t","progress":1}}`,
	} {
		p.serverLine([]byte(line + "\n"))
	}
	if p.fromServer.dec != nil {
		t.Error("a clean message was decoded")
	}
	if len(p.pending) != 0 {
		t.Errorf("pending = %v, want the call answered", p.pending)
	}
}

// TestSmallIntKey: the key of a small integer id is the one the float's
// shortest form gives.
func TestSmallIntKey(t *testing.T) {
	slow := func(raw string) string {
		f, _ := strconv.ParseFloat(raw, 64)
		return "n" + strconv.FormatFloat(f, 'g', -1, 64)
	}
	for i := 0; i < 1_100_000; i += 1 + i/50 {
		raw := strconv.Itoa(i)
		if got, want := idKey([]byte(raw)), slow(raw); got != want {
			t.Fatalf("idKey(%s) = %q, want %q", raw, got, want)
		}
		if got, _ := idKeyValue(json.Number(raw)); got != slow(raw) {
			t.Fatalf("idKeyValue(%s) = %q, want %q", raw, got, slow(raw))
		}
	}
	for _, raw := range []string{"999999", "1000000", "01", "00", "-1", "1.0", "1e2", "0"} {
		if got, want := idKey([]byte(raw)), slow(raw); got != want {
			t.Errorf("idKey(%s) = %q, want %q", raw, got, want)
		}
	}
}

// TestStringValue: strings read from the frame are what encoding/json
// decodes.
func TestStringValue(t *testing.T) {
	for _, q := range []string{`""`, `"plain"`, `"a\nb\tc\rd\be\ff\"g\\h\/i"`, `"\\n"`, `"\u0041\u00e9"`, `"x\ud83d\ude00y"`, `"\ud800"`, "\"\xff\xfe\"", `"é\n"`, "\"\xc3\n\""} {
		var want string
		json.Unmarshal([]byte(q), &want)
		end, escaped, ok := skipString([]byte(q), 0)
		if !ok || end != len(q) {
			continue // not valid JSON: never asked
		}
		if got := stringValue([]byte(q), escaped); got != want {
			t.Errorf("stringValue(%s) = %q, want %q", q, got, want)
		}
		checkStringView(t, q, escaped, want)
	}
}

// checkStringView: stringView, with and without scratch (dirty from an
// earlier string), is what stringValue gives.
func checkStringView(t *testing.T, q string, escaped bool, want string) {
	t.Helper()
	scratch := []byte("left over from an earlier string")
	for _, sp := range []*[]byte{nil, &scratch} {
		frame := []byte(q)
		if got := stringView(frame, escaped, sp); got != want {
			t.Errorf("stringView(%s, scratch %v) = %q, want %q", q, sp != nil, got, want)
		}
	}
}

// A server message passed on is checked string by string where its
// strings lie: names and plain strings are the frame's bytes, escaped
// ones are resolved in a reused buffer, so a clean result costs no
// allocation, and the checker is asked about exactly the strings that
// encoding/json decodes.
func TestCleanMessageStrings(t *testing.T) {
	line := []byte(`{"result":{"content":[{"type":"text","text":"hello from the sandbox\n"},{"type":"text","text":"\u00e9t\u00e9 \"quoted\""}],"structuredContent":{"content":"hello from the sandbox\n","n":3,"ok":true}},"jsonrpc":"2.0","id":10}`)
	rec := &recordingChecker{}
	p := New(Config{Server: "fs", Judge: &fakeJudge{}, Redactor: rec}, io.Discard, io.Discard)
	if !p.cleanMessage(line) {
		t.Fatal("cleanMessage refused a clean message")
	}
	got := rec.seen
	wantSeen := []string{"type=text", "text=hello from the sandbox\n", "type=text", "text=été \"quoted\"", "content=hello from the sandbox\n", "jsonrpc=2.0"}
	if !reflect.DeepEqual(got, wantSeen) {
		t.Errorf("the checker saw %q, want %q", got, wantSeen)
	}
	plain := []byte(`{"result":{"content":[{"type":"text","text":"hello from the sandbox\n"}],"structuredContent":{"content":"hello from the sandbox\n"}},"jsonrpc":"2.0","id":10}`)
	q := New(Config{Server: "fs", Judge: &fakeJudge{}, Redactor: checkRedactor{}}, io.Discard, io.Discard)
	if raceEnabled {
		return
	}
	if n := testing.AllocsPerRun(100, func() { q.cleanMessage(plain) }); n != 0 {
		t.Errorf("cleanMessage of a clean result: %v allocations, want 0", n)
	}
}

// recordingChecker notes every string it is asked about, as key=s,
// copying both (Clean may not keep them).
type recordingChecker struct {
	checkRedactor
	seen []string
}

func (r *recordingChecker) Clean(s, key string, member bool) bool {
	r.seen = append(r.seen, strings.Clone(key)+"="+strings.Clone(s))
	return true
}

// FuzzStringValue compares stringValue with encoding/json on any valid
// JSON string.
func FuzzStringValue(f *testing.F) {
	f.Add(`"a\nb\u0041\"\\"`)
	f.Fuzz(func(t *testing.T, q string) {
		end, escaped, ok := skipString([]byte(q), 0)
		if len(q) == 0 || q[0] != '"' || !ok || end != len(q) {
			return
		}
		var want string
		if err := json.Unmarshal([]byte(q), &want); err != nil {
			t.Fatalf("skipString accepted %q, encoding/json did not: %v", q, err)
		}
		if got := stringValue([]byte(q), escaped); got != want {
			t.Errorf("stringValue(%q) = %q, want %q", q, got, want)
		}
		checkStringView(t, q, escaped, want)
	})
}

// FuzzDecodeArguments compares decodeArguments with encoding/json.
func FuzzDecodeArguments(f *testing.F) {
	for _, s := range []string{`{"path":"/home/u/p/hello.txt"}`, `{"a":[1,-2.5e3,true,false,null,{}],"b":{"c":"\u00e9\n"},"a":[]}`, `[]`, `1e400`, `"x"`, `{"a":1,}`, ` {"a" : [ 1 , 2 ] } `, `{"\u0041":"\ud800"}`} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, raw string) {
		got, ok := decodeArguments([]byte(raw))
		var want any
		err := json.Unmarshal([]byte(raw), &want)
		if !ok {
			return // left to encoding/json
		}
		if err != nil {
			t.Fatalf("decodeArguments(%q) decoded what encoding/json refuses: %v", raw, err)
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("decodeArguments(%q) = %#v, want %#v", raw, got, want)
		}
	})
}

// BenchmarkArguments: a tools/call's arguments decoded from the frame, and
// by encoding/json's decoder as before.
func BenchmarkArguments(b *testing.B) {
	raw := []byte(`{"path":"/home/u/p/hello.txt","head":10,"tail":null}`)
	b.Run("frame", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			decodeArguments(raw)
		}
	})
	b.Run("decoder", func(b *testing.B) {
		var d valueDecoder
		b.ReportAllocs()
		for b.Loop() {
			d.decode(raw)
		}
	})
}

// BenchmarkServerResult: a tool's result passed on from its frame, and
// decoded as before.
func BenchmarkServerResult(b *testing.B) {
	line := []byte(`{"result":{"content":[{"type":"text","text":"hello from the sandbox\n"}],"structuredContent":{"content":"hello from the sandbox\n"}},"jsonrpc":"2.0","id":10}` + "\n")
	for _, decodeAll := range []bool{false, true} {
		name := "frame"
		if decodeAll {
			name = "decoded"
		}
		b.Run(name, func(b *testing.B) {
			p := New(Config{Server: "fs", Judge: &fakeJudge{}, Redactor: checkRedactor{}}, io.Discard, io.Discard)
			p.decodeAll = decodeAll
			c := &call.Call{Tool: call.ToolMCP}
			b.ReportAllocs()
			for b.Loop() {
				p.mu.Lock()
				p.pending["n10"] = pending{id: json.RawMessage(`10`), method: "tools/call", call: c}
				p.mu.Unlock()
				p.serverLine(line)
			}
		})
	}
}
