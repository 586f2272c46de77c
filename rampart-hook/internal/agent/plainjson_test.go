package agent

import (
	"math/rand"
	"reflect"
	"strings"
	"testing"
)

// samePlain checks that decodePlain gives for payload what encoding/json
// gives (decodeJSON), whenever it reads it at all; it reports whether it
// did.
func samePlain(t *testing.T, payload []byte) bool {
	t.Helper()
	got, ok := decodePlain(payload)
	if !ok {
		return false
	}
	want, err := decodeJSON(payload)
	if err != nil {
		t.Fatalf("decodePlain read %q, encoding/json refused it: %v", payload, err)
	}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("decodePlain read %q as\n%#v\nencoding/json as\n%#v", payload, got, want)
	}
	return true
}

// TestDecodePlainReadsPayloads checks that payloads as agents send them
// (the bench script's among them) are read by decodePlain, and as
// encoding/json reads them.
func TestDecodePlainReadsPayloads(t *testing.T) {
	for _, p := range []string{
		`{"session_id":"bench","transcript_path":"/t.jsonl","cwd":"/home/u/p","permission_mode":"default","hook_event_name":"PreToolUse","tool_name":"Bash","tool_input":{"command":"git status","description":"status"},"tool_use_id":"toolu_1"}` + "\n",
		`{"session_id":"bench","transcript_path":"/t.jsonl","cwd":"/home/u/p","hook_event_name":"PostToolUse","tool_name":"Bash","tool_input":{"command":"env"},"tool_response":{"stdout":"PATH=/usr/bin\nAWS_ACCESS_KEY_ID=AKIAIOSFODNN7EXAMPLE\n","stderr":"","interrupted":false},"tool_use_id":"toolu_4"}`,
		`{"tool_name":"MultiEdit","tool_input":{"file_path":"/p/a.go","edits":[{"old_string":"a","new_string":"b"},{"old_string":"c","new_string":"d"}],"timeout":120000,"x":-1.5e+3,"y":null,"z":true,"w":[]}}`,
		` {"a" : "caf\u00e9 ünïcödé 世界 \" \\ \/ \b\f\n\r\t" , "b":{}} ` + "\r\n",
	} {
		p = strings.ReplaceAll(p, `\u00e9`, "é")
		if !samePlain(t, []byte(p)) {
			t.Errorf("decodePlain did not read %q", p)
		}
	}
}

// TestDecodePlainRefuses checks payloads decodePlain must leave to
// encoding/json: what it does not read, and what is not one JSON object.
func TestDecodePlainRefuses(t *testing.T) {
	for _, p := range []string{
		``, ` `, `[]`, `"x"`, `1`, `null`, `{`, `}`, `{}}`, `{} {}`, `{}x`, `{"a":1}]`,
		`{"a":"\u0041"}`, `{"a":"\x"}`, "{\"a\":\"\x01\"}", "{\"a\":\"\xff\"}", "{\"a\":\"\xed\xa0\x80\"}",
		`{"a":01}`, `{"a":1.}`, `{"a":.5}`, `{"a":-}`, `{"a":1e}`, `{"a":+1}`, `{"a":tru}`, `{"a":truex}`,
		`{"a":nul}`, `{"a" 1}`, `{"a":1,}`, `{,}`, `{a:1}`, `{"a":[1,]}`, `{"a":[,1]}`, `{"a":[1 2]}`,
		"\ufeff{}", "{\"a\":1}\x00", "{\"a\":1}\v", `{"a":"b`, `{"a":"b\`,
		`{"a":` + strings.Repeat("[", maxPlainDepth) + strings.Repeat("]", maxPlainDepth) + `}`,
	} {
		if m, ok := decodePlain([]byte(p)); ok {
			t.Errorf("decodePlain read %q as %#v", p, m)
		}
	}
	for _, p := range []string{`{}`, ` {} `, `{"a":` + strings.Repeat("[", maxPlainDepth-1) + strings.Repeat("]", maxPlainDepth-1) + `}`} {
		if !samePlain(t, []byte(p)) {
			t.Errorf("decodePlain did not read %q", p)
		}
	}
}

// TestDecodePlainSameAsJSON generates payloads, reads each and copies of
// it with bytes changed, cut or added, and checks that decodePlain reads
// every one it reads as encoding/json does. The payloads it generates
// from what decodePlain reads must all be read.
func TestDecodePlainSameAsJSON(t *testing.T) {
	rng := rand.New(rand.NewSource(15))
	read, mutants := 0, 0
	for n := 0; n < 3000; n++ {
		var b strings.Builder
		g := &payloadGen{rng: rng, b: &b}
		g.object(0)
		p := []byte(g.ws() + b.String() + g.ws())
		if !samePlain(t, p) {
			t.Fatalf("decodePlain did not read the generated %q", p)
		}
		read++
		for range 20 {
			q := mutate(rng, p)
			if samePlain(t, q) {
				mutants++
			}
		}
	}
	t.Logf("%d payloads read; %d of their %d copies read", read, mutants, read*20)
}

// payloadGen writes random JSON text of the kind decodePlain reads.
type payloadGen struct {
	rng *rand.Rand
	b   *strings.Builder
}

func (g *payloadGen) ws() string {
	return []string{"", "", "", " ", "\n", "\t", "\r\n  "}[g.rng.Intn(7)]
}

var genStrings = []string{"", "a", "git status", "é", "世界", `\"`, `\\`, `\/`, `\n`, `\t`, `\b\f\r`, "x y", "key", "tool_input", "~/.ssh/id_rsa", "\x7f", "😀"}
var genNumbers = []string{"0", "-0", "1", "-1", "120000", "1.5", "-0.25", "1e3", "1E+3", "2.5e-7", "12345678901234567890", "0.0"}

func (g *payloadGen) str() {
	g.b.WriteByte('"')
	for range g.rng.Intn(4) {
		g.b.WriteString(genStrings[g.rng.Intn(len(genStrings))])
	}
	g.b.WriteByte('"')
}

func (g *payloadGen) value(depth int) {
	g.b.WriteString(g.ws())
	k := g.rng.Intn(9)
	if depth >= 5 && k >= 7 {
		k = 0
	}
	switch k {
	case 0, 1, 2:
		g.str()
	case 3:
		g.b.WriteString(genNumbers[g.rng.Intn(len(genNumbers))])
	case 4:
		g.b.WriteString([]string{"true", "false", "null"}[g.rng.Intn(3)])
	case 5, 6:
		g.b.WriteByte('[')
		for i := range g.rng.Intn(4) {
			if i > 0 {
				g.b.WriteByte(',')
			}
			g.value(depth + 1)
		}
		g.b.WriteString(g.ws() + "]")
	default:
		g.object(depth + 1)
	}
	g.b.WriteString(g.ws())
}

func (g *payloadGen) object(depth int) {
	g.b.WriteByte('{')
	for i := range g.rng.Intn(6) {
		if i > 0 {
			g.b.WriteByte(',')
		}
		g.b.WriteString(g.ws())
		g.str() // keys repeat often: the last value must win
		g.b.WriteString(g.ws() + ":")
		g.value(depth)
	}
	g.b.WriteString(g.ws() + "}")
}

// mutate returns a copy of p with a byte changed, removed or added, or cut
// short.
func mutate(rng *rand.Rand, p []byte) []byte {
	q := append([]byte(nil), p...)
	i := rng.Intn(len(q))
	special := []byte(`{}[]":,\ 0123456789-+.eEtfnu` + "\x00\x01\x80\xff\n")
	c := special[rng.Intn(len(special))]
	switch rng.Intn(4) {
	case 0:
		q[i] = c
	case 1:
		q = append(q[:i], q[i+1:]...)
	case 2:
		q = append(q[:i], append([]byte{c}, q[i:]...)...)
	default:
		q = q[:i]
	}
	return q
}
