package export

import (
	"bufio"
	"context"
	"io"
	"net"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"rampart.dev/pkg/audit"
)

func sampleItem(t *testing.T) Item {
	t.Helper()
	line := []byte(`{"seq":7,"id":"01JZ0000000000000000000000","time":"2025-01-02T03:04:05.000006Z","agent":"claude \"code\"","session":"s]1","tool":"exec","cwd":"/p","params":{"command":"rm -rf /"},"decision":"deny","matched_policies":["block-destructive","x"],"matched":"rm -rf /","message":"Destructive | blocked = yes\nreally","eval_ns":900,"via":"rampart-hook","flags":[],"prev":"` + strings.Repeat("1", 64) + `","hash":"` + strings.Repeat("2", 64) + `"}`)
	rec, err := audit.ParseRecord(line)
	if err != nil {
		t.Fatal(err)
	}
	return Item{Rec: rec, Line: line}
}

func TestRFC5424(t *testing.T) {
	it := sampleItem(t)
	got := string(AppendRFC5424(nil, it, SyslogConfig{Facility: 4, Hostname: "host a", AppName: "rampart"}))
	want := `<36>1 2025-01-02T03:04:05.000006Z hosta rampart - deny [rampart@32473 seq="7" id="01JZ0000000000000000000000" hash="` +
		strings.Repeat("2", 64) + `" prev="` + strings.Repeat("1", 64) + `" tool="exec" decision="deny" agent="claude \"code\"" session="s\]1" policy="block-destructive,x" via="rampart-hook"] ` + string(it.Line)
	if got != want {
		t.Errorf("AppendRFC5424 =\n%s\nwant\n%s", got, want)
	}
	if f := string(AppendFrame(nil, []byte("héllo"))); f != "6 héllo" {
		t.Errorf("AppendFrame = %q, want octet count 6", f)
	}
}

func TestCEF(t *testing.T) {
	it := sampleItem(t)
	got := string(AppendCEF(nil, it.Rec, "v1.2"))
	for _, want := range []string{
		`CEF:0|Rampart|Rampart|v1.2|deny|Destructive \| blocked = yes really|8|`,
		` act=deny `, ` externalId=01JZ0000000000000000000000 `, ` cn1Label=seq cn1=7 `,
		` cs1Label=hash cs1=` + strings.Repeat("2", 64) + ` `, ` cs6Label=policy cs6=block-destructive,x `,
		` msg=Destructive | blocked \= yes\nreally `, `|rt=1735787045000 `, `flexString1={"command":"rm -rf /"}`,
	} {
		if !strings.Contains(got, want) {
			t.Errorf("AppendCEF = %s\nwant it to contain %s", got, want)
		}
	}
}

// frameReader reads octet-counted syslog frames.
func readFrame(br *bufio.Reader) (string, error) {
	n, err := br.ReadString(' ')
	if err != nil {
		return "", err
	}
	k, err := strconv.Atoi(strings.TrimSuffix(n, " "))
	if err != nil || k <= 0 || k > 1<<20 {
		return "", io.ErrUnexpectedEOF
	}
	b := make([]byte, k)
	_, err = io.ReadFull(br, b)
	return string(b), err
}

// seqOf finds seq="N" in a message.
func seqOf(msg string) uint64 {
	_, rest, _ := strings.Cut(msg, ` seq="`)
	v, _, _ := strings.Cut(rest, `"`)
	n, _ := strconv.ParseUint(v, 10, 64)
	return n
}

// TestSyslogReconnectReplays: a collector that drops the connection after
// every few messages still gets every record, in order on each connection,
// with replayed duplicates allowed.
func TestSyslogReconnectReplays(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	var mu sync.Mutex
	seen := map[uint64]bool{}
	conns := 0
	go func() {
		for {
			c, err := ln.Accept()
			if err != nil {
				return
			}
			mu.Lock()
			conns++
			mu.Unlock()
			go func(c net.Conn) {
				defer c.Close()
				br := bufio.NewReader(c)
				for i := 0; i < 20; i++ { // then hang up
					msg, err := readFrame(br)
					if err != nil {
						return
					}
					mu.Lock()
					seen[seqOf(msg)] = true
					mu.Unlock()
				}
			}(c)
		}
	}()
	l, path := openLog(t, -1)
	appendN(t, l, 1, 60)
	sink := NewSyslog(SyslogConfig{Addr: ln.Addr().String(), Replay: 10})
	defer sink.Close()
	_, err = Run(context.Background(), NewFollower(path, Cursor{}, nil), sink, Options{
		Cursor: t.TempDir() + "/c", Batch: 5, Retries: 20, Backoff: time.Millisecond, MaxBackoff: 10 * time.Millisecond,
	})
	if err != nil {
		t.Fatal(err)
	}
	// The last batch may be taken in by the TCP stack of a collector that
	// then hangs up: a following export replays it with its next records;
	// this one has no next records, so only 1 to 55 must have arrived.
	deadline := time.Now().Add(10 * time.Second)
	for {
		mu.Lock()
		n := len(seen)
		mu.Unlock()
		if n >= 55 || time.Now().After(deadline) {
			break
		}
		time.Sleep(10 * time.Millisecond)
	}
	mu.Lock()
	defer mu.Unlock()
	for s := uint64(1); s <= 55; s++ {
		if !seen[s] {
			t.Errorf("record %d never reached the collector (%d connections)", s, conns)
		}
	}
	if conns < 3 {
		t.Errorf("%d connections: the collector's hang-ups were not noticed", conns)
	}
}

// TestSyslogReplayBound: the replay window keeps at most maxReplayBytes,
// however large the records.
func TestSyslogReplayBound(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	go func() {
		c, err := ln.Accept()
		if err == nil {
			io.Copy(io.Discard, c)
			c.Close()
		}
	}()
	sink := NewSyslog(SyslogConfig{Addr: ln.Addr().String()})
	defer sink.Close()
	it := sampleItem(t)
	it.Line = []byte(strings.Repeat("x", 1<<20))
	for i := 0; i < 20; i++ {
		if err := sink.Send(context.Background(), []Item{it}); err != nil {
			t.Fatal(err)
		}
	}
	total := 0
	for _, fr := range sink.recent {
		total += len(fr)
	}
	if total > maxReplayBytes || total != sink.kept || len(sink.recent) < 7 {
		t.Fatalf("replay window: %d frames, %d bytes (kept says %d), want about 8 MiB", len(sink.recent), total, sink.kept)
	}
}
