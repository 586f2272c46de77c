package feed

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"rampart.dev/pkg/audit"
	"rampart.dev/pkg/call"
)

// records writes n audit records with the real writer to a scratch log and
// returns their lines (without newlines): exec calls of "echo 1", "echo 2" ...
// deny for every third.
func records(t testing.TB, n int) []string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "audit.jsonl")
	l, err := audit.Open(path, audit.Options{})
	if err != nil {
		t.Fatal(err)
	}
	for i := 1; i <= n; i++ {
		d := call.Decision{Decision: call.Allow}
		if i%3 == 0 {
			d = call.Decision{Decision: call.Deny, MatchedPolicies: []string{"block"}, Message: "blocked"}
		}
		if _, err := l.Append(audit.Entry{Call: call.Call{Tool: "exec", Params: call.Params{"command": fmt.Sprintf("echo %d", i)}}, Decision: d, Via: "test"}); err != nil {
			t.Fatal(err)
		}
	}
	l.Close()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return strings.Split(strings.TrimSuffix(string(b), "\n"), "\n")
}

func TestDecode(t *testing.T) {
	l := records(t, 3)
	r, err := Decode([]byte(l[2]))
	if err != nil {
		t.Fatal(err)
	}
	if r.Seq != 3 || r.Action != call.Deny || r.Summary != "echo 3" || r.MatchedPolicies[0] != "block" {
		t.Errorf("Decode = %+v", r)
	}
	bad := strings.Replace(l[0], `"decision":"allow"`, `"decision":"maybe"`, 1)
	for _, b := range []string{`{}`, bad, `not json`, `{"seq":1}`} {
		if _, err := Decode([]byte(b)); !errors.Is(err, audit.ErrNotRecord) {
			t.Errorf("Decode(%q) = %v, want ErrNotRecord", b, err)
		}
	}
}

func TestSummarize(t *testing.T) {
	tests := []struct{ tool, params, want string }{
		{"exec", `{"command":"git status"}`, "git status"},
		{"read", `{"path":"~/.ssh/id_rsa"}`, "~/.ssh/id_rsa"},
		{"write", `{"path":"a.txt","content":"secret"}`, "a.txt"},
		{"fetch", `{"url":"https://x.io"}`, "https://x.io"},
		{"fetch", `{"url":"https://x.io","method":"post"}`, "POST https://x.io"},
		{"fetch", `{"url":"https://x.io","method":"GET"}`, "https://x.io"},
		{"mcp", `{"server":"fs","tool":"read_file","arguments":{"path":"/a","b":1}}`, `fs/read_file {"b":1,"path":"/a"}`},
		{"Task", `{"prompt":"do\tit"}`, `{"prompt":"do\tit"}`},
		{"exec", `{"command":"echo \u001b[2Jgotcha\u0007"}`, "echo ?[2Jgotcha?"},
		{"exec", `"not an object"`, `"not an object"`},
		{"exec", ``, ""},
	}
	for _, tt := range tests {
		if got := Summarize(tt.tool, []byte(tt.params)); got != tt.want {
			t.Errorf("Summarize(%s, %s) = %q, want %q", tt.tool, tt.params, got, tt.want)
		}
	}
}

// collector gathers emitted events.
type collector struct {
	mu  sync.Mutex
	evs []Event
}

func (c *collector) emit(evs []Event) {
	c.mu.Lock()
	c.evs = append(c.evs, evs...)
	c.mu.Unlock()
}

// waitSeqs waits until the records seen are exactly want, by seq.
func (c *collector) waitSeqs(t *testing.T, want ...uint64) []Event {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for {
		c.mu.Lock()
		var got []uint64
		for _, ev := range c.evs {
			if ev.Record != nil {
				got = append(got, ev.Record.Seq)
			}
		}
		evs := append([]Event(nil), c.evs...)
		c.mu.Unlock()
		if fmt.Sprint(got) == fmt.Sprint(want) {
			return evs
		}
		if time.Now().After(deadline) {
			t.Fatalf("records seen %v, want %v", got, want)
		}
		time.Sleep(5 * time.Millisecond)
	}
}

// waitNote waits for a note from the source.
func (c *collector) waitNote(t *testing.T, note string) {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for time.Now().Before(deadline) {
		c.mu.Lock()
		for _, ev := range c.evs {
			if ev.Note == note {
				c.mu.Unlock()
				return
			}
		}
		c.mu.Unlock()
		time.Sleep(5 * time.Millisecond)
	}
	t.Fatalf("no note %q", note)
}

func appendTo(t *testing.T, path, s string) {
	t.Helper()
	f, err := os.OpenFile(path, os.O_APPEND|os.O_CREATE|os.O_WRONLY, 0o600)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := f.WriteString(s); err != nil {
		t.Fatal(err)
	}
	f.Close()
}

func TestFileFollowsAppendsAndRotation(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "audit.jsonl")
	recs := records(t, 7)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	var c collector
	done := make(chan error)
	go func() { done <- File{Path: path, Poll: 5 * time.Millisecond}.Run(ctx, c.emit) }()

	// The log does not exist yet: the follower waits for it.
	appendTo(t, path, recs[0]+"\n")
	c.waitSeqs(t, 1)

	// A half-written line waits for its newline.
	l2 := recs[1]
	appendTo(t, path, l2[:20])
	time.Sleep(30 * time.Millisecond)
	appendTo(t, path, l2[20:]+"\n")
	c.waitSeqs(t, 1, 2)

	// Rotation: the writer appends a last record, renames the file and
	// starts a new one. Both records arrive, in order.
	appendTo(t, path, recs[2]+"\n")
	if err := os.Rename(path, filepath.Join(dir, "audit-1.jsonl")); err != nil {
		t.Fatal(err)
	}
	appendTo(t, path, recs[3]+"\n")
	evs := c.waitSeqs(t, 1, 2, 3, 4)
	rotated := map[uint64]bool{}
	for _, ev := range evs {
		if ev.Rotated && ev.Record != nil {
			rotated[ev.Record.Seq] = true
		}
	}
	// Seq 1 may be marked too, when the follower started before the file
	// existed; seq 4 starts the new file.
	if !rotated[4] || rotated[2] || rotated[3] {
		t.Errorf("records marked rotated: %v, want 4 (and not 2 or 3)", rotated)
	}

	// A torn last line that the writer sets aside (truncating it away)
	// is dropped; reading goes on from the last newline.
	appendTo(t, path, recs[4][:30])
	time.Sleep(30 * time.Millisecond)
	fi, _ := os.Stat(path)
	if err := os.Truncate(path, fi.Size()-30); err != nil {
		t.Fatal(err)
	}
	time.Sleep(30 * time.Millisecond)
	appendTo(t, path, recs[4]+"\n")
	c.waitSeqs(t, 1, 2, 3, 4, 5)

	// Truncation starts again at the top.
	if err := os.Truncate(path, 0); err != nil {
		t.Fatal(err)
	}
	c.waitNote(t, "log truncated")
	appendTo(t, path, recs[5]+"\n")
	c.waitSeqs(t, 1, 2, 3, 4, 5, 6)

	// A bad line is reported with its place and the stream goes on.
	appendTo(t, path, "garbage\n"+recs[6]+"\n")
	evs = c.waitSeqs(t, 1, 2, 3, 4, 5, 6, 7)
	var bad []string
	for _, ev := range evs {
		if ev.Err != nil {
			bad = append(bad, ev.Where)
		}
	}
	if fmt.Sprint(bad) != "[audit.jsonl:2]" {
		t.Errorf("bad lines at %v, want [audit.jsonl:2]", bad)
	}
	cancel()
	<-done
}

func TestReadAll(t *testing.T) {
	path := filepath.Join(t.TempDir(), "audit.jsonl")
	recs := records(t, 1)
	var c collector
	if err := (File{Path: path}).ReadAll(c.emit); err != nil || len(c.evs) != 0 {
		t.Fatalf("ReadAll of a missing file = %v, %d events; want nil, 0", err, len(c.evs))
	}
	appendTo(t, path, recs[0]+"\n"+`{"seq":2,"to`)
	if err := (File{Path: path}).ReadAll(c.emit); err != nil {
		t.Fatal(err)
	}
	if len(c.evs) != 2 || c.evs[0].Record == nil || c.evs[1].Err == nil || c.evs[1].Where != "audit.jsonl:2" {
		t.Errorf("ReadAll = %+v, want one record and a torn line at audit.jsonl:2", c.evs)
	}
}

func TestStream(t *testing.T) {
	recs := records(t, 2)
	var mu sync.Mutex
	conns := 0
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path != "/v1/events" || r.Header.Get("Authorization") != "Bearer tok" {
			http.Error(w, "no", http.StatusUnauthorized)
			return
		}
		mu.Lock()
		conns++
		n := conns
		mu.Unlock()
		w.Header().Set("Content-Type", "text/event-stream")
		fmt.Fprint(w, "retry: 2000\n: rampart events\n\n")
		if n == 1 {
			fmt.Fprintf(w, "event: audit\nid: 1\ndata: %s\n\n", recs[0])
			fmt.Fprintf(w, "event: approval\nid: 01J\ndata: {\"id\":\"01J\",\"status\":\"pending\"}\n\n")
			fmt.Fprint(w, "event: overflow\ndata: {\"error\":\"too slow; reconnect\"}\n\n")
			return // the server cut us off: the client reconnects
		}
		fmt.Fprintf(w, "event: audit\nid: 2\ndata: %s\n\n", recs[1])
		w.(http.Flusher).Flush()
		<-r.Context().Done()
	}))
	defer srv.Close()
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	var c collector
	done := make(chan error)
	go func() { done <- Stream{URL: srv.URL, Token: "tok", Retry: time.Millisecond}.Run(ctx, c.emit) }()
	evs := c.waitSeqs(t, 1, 2)
	approvals, resyncs := 0, 0
	for _, ev := range evs {
		if ev.Approvals {
			approvals++
		}
		if ev.Resync {
			resyncs++
		}
	}
	if approvals != 1 || resyncs != 2 {
		t.Errorf("approval events %d, resyncs %d; want 1 and 2", approvals, resyncs)
	}
	cancel()
	<-done
}

func TestStreamRefusedToken(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		http.Error(w, "no", http.StatusUnauthorized)
	}))
	defer srv.Close()
	var lastID string
	_, err := Stream{URL: srv.URL}.once(context.Background(), &lastID, func([]Event) {})
	if err != ErrUnauthorized {
		t.Errorf("once = %v, want ErrUnauthorized", err)
	}
}

func TestEventsURL(t *testing.T) {
	for in, want := range map[string]string{
		"127.0.0.1:9090":         "http://127.0.0.1:9090/v1/events",
		"http://127.0.0.1:9090/": "http://127.0.0.1:9090/v1/events",
		"https://r.example":      "https://r.example/v1/events",
	} {
		if got := EventsURL(in); got != want {
			t.Errorf("EventsURL(%q) = %q, want %q", in, got, want)
		}
	}
}

// FuzzDecode: any line decodes or fails without panicking, and what the
// dashboard prints from it holds no control characters.
func FuzzDecode(f *testing.F) {
	for _, l := range records(f, 3) {
		f.Add([]byte(l))
	}
	f.Add([]byte(`{"seq":1,"id":"x","tool":"mcp","params":{"server":"s","tool":"t","arguments":[1,{"a":null}]},"decision":"ask","hash":"` + strings.Repeat("0", 64) + `"}`))
	f.Add([]byte(`{"seq":1,"id":"x","tool":"x\u001b[31m","params":{"command":"\u009b2J"},"decision":"deny","hash":"` + strings.Repeat("0", 64) + `"}`))
	f.Fuzz(func(t *testing.T, b []byte) {
		r, err := Decode(b)
		if err != nil {
			return
		}
		for _, s := range []string{r.Summary, Clean(r.Tool), Clean(r.Agent), Clean(r.Message)} {
			if strings.ContainsFunc(s, func(c rune) bool { return c < 0x20 || c == 0x7f || (c >= 0x80 && c < 0xa0) }) {
				t.Fatalf("control character in %q", s)
			}
		}
	})
}

func BenchmarkDecode(b *testing.B) {
	l := []byte(records(b, 1)[0])
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Decode(l); err != nil {
			b.Fatal(err)
		}
	}
}

// TestFileFollowsWriterRotation follows the real writer while it rotates
// the log every few records, faster than the follower looks, so that some
// generations come and go between two looks: every record arrives, once,
// in order.
func TestFileFollowsWriterRotation(t *testing.T) {
	path := filepath.Join(t.TempDir(), "audit", "audit.jsonl")
	l, err := audit.Open(path, audit.Options{MaxSize: 1500})
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	var c collector
	done := make(chan error)
	go func() { done <- File{Path: path, Poll: 50 * time.Millisecond}.Run(ctx, c.emit) }()
	var want []uint64
	for i := 1; i <= 40; i++ {
		if _, err := l.Append(audit.Entry{Call: call.Call{Tool: "exec", Params: call.Params{"command": fmt.Sprintf("echo %d", i)}}, Via: "test"}); err != nil {
			t.Fatal(err)
		}
		want = append(want, uint64(i))
		if i == 1 {
			c.waitSeqs(t, 1) // the follower has the first file open
		}
	}
	// However many times the log rotated between two looks, every record
	// arrives once, in order.
	c.waitSeqs(t, want...)
	if files, _ := audit.Files(path); len(files) < 3 {
		t.Errorf("the writer rotated into %d files, want several", len(files))
	}
	cancel()
	<-done
}

// FuzzStream: any bytes from a server parse as an event stream without a
// panic, and every record that comes out decoded.
func FuzzStream(f *testing.F) {
	l := records(f, 1)[0]
	f.Add([]byte("retry: 2000\n: rampart events\n\nevent: audit\nid: 1\ndata: " + l + "\n\n"))
	f.Add([]byte("event: approval\ndata: {}\n\nevent: overflow\ndata: {\"error\":\"x\"}\n\n"))
	f.Add([]byte("data: a\ndata: b\n\n:\n\nid\n\n"))
	f.Fuzz(func(t *testing.T, b []byte) {
		var lastID string
		p := parser{emit: func(evs []Event) {
			for _, ev := range evs {
				if ev.Record == nil && ev.Err == nil && !ev.Approvals {
					t.Fatalf("empty event %+v", ev)
				}
			}
		}}
		p.read(bytes.NewReader(b), &lastID)
	})
}
