package export

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"rampart.dev/pkg/audit"
)

// The test collector (testdata/otelcol) is an OpenTelemetry Collector built
// from the collector's own modules at the versions its go.mod pins: the OTLP
// receiver and the debug exporter, nothing else. At detailed verbosity the
// debug exporter writes every log record it is given, in the collector's
// text form of OTLP, to the file the test reads.

// otelcolSources are the files the test collector is built from; their
// hash names its directory in the cache.
var otelcolSources = []string{"go.mod", "go.sum", "main.go"}

// otelcolBinary builds the test collector once into a cache directory keyed
// by its sources and returns its path. A build that fails fails the test.
func otelcolBinary(t *testing.T) string {
	t.Helper()
	src, err := filepath.Abs("testdata/otelcol")
	if err != nil {
		t.Fatal(err)
	}
	h := sha256.New()
	for _, name := range otelcolSources {
		b, err := os.ReadFile(filepath.Join(src, name))
		if err != nil {
			t.Fatal(err)
		}
		fmt.Fprintf(h, "%s %d\n", name, len(b))
		h.Write(b)
	}
	cache := os.Getenv("XDG_CACHE_HOME")
	if cache == "" {
		home, _ := os.UserHomeDir()
		cache = filepath.Join(home, ".cache")
	}
	dir := filepath.Join(cache, "rampart-test", "otelcol-"+hex.EncodeToString(h.Sum(nil)[:8]))
	bin := filepath.Join(dir, "otelcol")
	if _, err := os.Stat(bin); err == nil {
		return bin
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	tmp, err := os.CreateTemp(dir, "otelcol-*.tmp")
	if err != nil {
		t.Fatal(err)
	}
	tmp.Close()
	defer os.Remove(tmp.Name())
	t0 := time.Now()
	// Without -trimpath, the standard library compiled for the other
	// tests is reused; -s -w: no symbol table or DWARF, which a test
	// collector never needs, so the linker writes less.
	cmd := exec.Command("go", "build", "-ldflags=-s -w", "-o", tmp.Name(), ".")
	cmd.Dir = src
	cmd.Env = append(os.Environ(), "GOWORK=off", "CGO_ENABLED=0", "GOFLAGS=-mod=readonly -buildvcs=false")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("building the test collector in %s: %v\n%s", src, err, lastLines(out, 20))
	}
	if err := os.Rename(tmp.Name(), bin); err != nil {
		t.Fatal(err)
	}
	t.Logf("built the test collector in %v into %s", time.Since(t0).Round(time.Second), dir)
	return bin
}

// otelcol is a running test collector: the OTLP receiver over HTTP on a
// loopback port, the debug exporter writing what it receives to out.
type otelcol struct {
	bin, conf, out string
	port           int
	cmd            *exec.Cmd
	log            *os.File
}

func startOtelcol(t *testing.T) *otelcol {
	t.Helper()
	bin := otelcolBinary(t)
	dir := t.TempDir()
	c := &otelcol{bin: bin, conf: filepath.Join(dir, "config.yaml"), out: filepath.Join(dir, "logs.txt"), port: freePort(t)}
	// No sending queue: the receiver answers once the exporter has
	// written the batch, so an acknowledged record is in the file.
	conf := fmt.Sprintf(`receivers:
  otlp:
    protocols:
      http:
        endpoint: 127.0.0.1:%d
exporters:
  debug:
    verbosity: detailed
    use_internal_logger: false
    output_paths: [%q]
    sending_queue:
      enabled: false
service:
  pipelines:
    logs:
      receivers: [otlp]
      exporters: [debug]
`, c.port, c.out)
	if err := os.WriteFile(c.conf, []byte(conf), 0o600); err != nil {
		t.Fatal(err)
	}
	var err error
	if c.log, err = os.Create(filepath.Join(dir, "otelcol.log")); err != nil {
		t.Fatal(err)
	}
	c.start(t)
	t.Cleanup(c.stop)
	return c
}

func (c *otelcol) start(t *testing.T) {
	t.Helper()
	c.cmd = exec.Command(c.bin, "--config", c.conf)
	c.cmd.Stdout, c.cmd.Stderr = c.log, c.log
	if err := c.cmd.Start(); err != nil {
		t.Fatal(err)
	}
	if !waitFor(30*time.Second, func() bool {
		conn, err := net.DialTimeout("tcp", fmt.Sprintf("127.0.0.1:%d", c.port), time.Second)
		if err == nil {
			conn.Close()
		}
		return err == nil
	}) {
		b, _ := os.ReadFile(c.log.Name())
		t.Fatalf("the collector does not listen on %d:\n%s", c.port, lastLines(b, 20))
	}
}

func (c *otelcol) stop() {
	if c.cmd == nil {
		return
	}
	c.cmd.Process.Signal(syscall.SIGTERM)
	done := make(chan struct{})
	go func() { c.cmd.Wait(); close(done) }()
	select {
	case <-done:
	case <-time.After(15 * time.Second):
		c.cmd.Process.Kill()
		<-done
	}
	c.cmd = nil
}

// received is one log record as the collector wrote it.
type received struct {
	seq   uint64
	body  string
	attrs map[string]any
	sev   int
	text  string
	event string
	res   map[string]any
}

// records reads the debug exporter's output: per batch, ResourceLog,
// ScopeLogs and LogRecord blocks, one field a line, attributes as
// "     -> KEY: TYPE(VALUE)". A record counts once its last line (Flags)
// is written.
func (c *otelcol) records(t *testing.T) []received {
	t.Helper()
	b, err := os.ReadFile(c.out)
	if err != nil {
		return nil
	}
	text := string(b)
	end := strings.LastIndexByte(text, '\n')
	if end < 0 {
		return nil
	}
	var out []received
	var res, into map[string]any // the resource's attributes; where "->" lines go
	var cur *received
	for _, line := range strings.Split(text[:end], "\n") {
		field, value, _ := strings.Cut(line, ": ")
		switch {
		case strings.HasPrefix(line, "     -> "):
			if into != nil {
				key, typed, _ := strings.Cut(strings.TrimPrefix(line, "     -> "), ": ")
				into[key] = textValue(typed)
			}
		case strings.HasPrefix(line, "ResourceLog #"):
			res, into, cur = map[string]any{}, nil, nil
		case line == "Resource attributes:":
			into = res
		case strings.HasPrefix(line, "InstrumentationScope attributes:"):
			into = nil
		case strings.HasPrefix(line, "InstrumentationScope "):
			into = nil
			if name, _, _ := strings.Cut(strings.TrimPrefix(line, "InstrumentationScope "), " "); name != ScopeName {
				t.Fatalf("scope %q, want %q", name, ScopeName)
			}
		case strings.HasPrefix(line, "LogRecord #"):
			cur, into = &received{attrs: map[string]any{}, res: res}, nil
		case cur == nil:
			// Headers, and the line that counts each batch.
		case line == "Attributes:":
			into = cur.attrs
		case field == "SeverityText":
			cur.text = value
		case field == "SeverityNumber":
			if _, n, ok := strings.Cut(strings.TrimSuffix(value, ")"), "("); ok {
				cur.sev, _ = strconv.Atoi(n)
			}
		case field == "EventName":
			cur.event = value
		case field == "Body":
			if s, ok := textValue(value).(string); ok && strings.HasPrefix(value, "Str(") {
				cur.body = s
			}
		case field == "Flags":
			cur.seq, _ = strconv.ParseUint(fmt.Sprint(cur.attrs["rampart.seq"]), 10, 64)
			out = append(out, *cur)
			cur, into = nil, nil
		}
	}
	return out
}

// textValue reads one value in the debug exporter's form TYPE(VALUE):
// strings and ints (as written, a decimal string) as strings, a slice of
// strings (written as JSON) as []string.
func textValue(typed string) any {
	typ, v, ok := strings.Cut(typed, "(")
	if !ok || !strings.HasSuffix(v, ")") {
		return nil
	}
	v = strings.TrimSuffix(v, ")")
	if typ == "Slice" {
		var ss []string
		if json.Unmarshal([]byte(v), &ss) != nil {
			return nil
		}
		return ss
	}
	return v
}

// TestOtelcol sends records to a real OpenTelemetry Collector over
// OTLP/HTTP, in protobuf and in JSON, stops the collector in the middle of
// a following export and starts it again, and checks what the collector
// wrote: every record, intact, with the attributes of the data model.
func TestOtelcol(t *testing.T) {
	needCollectors(t)
	c := startOtelcol(t)
	l, path := openLog(t, 32<<10)
	const total = 400
	appendN(t, l, 1, 100)
	url := fmt.Sprintf("http://127.0.0.1:%d/v1/logs", c.port)

	// Protobuf, following, through an outage.
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	cursor := filepath.Join(t.TempDir(), "otlp.cursor")
	done := make(chan error, 1)
	go func() {
		sink := NewOTLP(OTLPConfig{URL: url, Encoding: EncodingProto, Hostname: "test", Version: "test"})
		defer sink.Close()
		_, err := Run(ctx, NewFollower(path, Cursor{}, nil), sink, Options{
			Cursor: cursor, Follow: true, Batch: 25, Poll: 10 * time.Millisecond,
			Backoff: 100 * time.Millisecond, MaxBackoff: time.Second, Retries: 40,
		})
		done <- err
	}()
	for i := 101; i <= total; i += 10 {
		appendN(t, l, i, 10)
		if i == 201 {
			c.stop()
		}
		if i == 301 {
			c.start(t)
		}
		time.Sleep(5 * time.Millisecond)
	}
	ok := waitFor(60*time.Second, func() bool { cur, _ := LoadCursor(cursor); return cur.Seq == total })
	cancel()
	if err := waitRun(t, done); err != nil {
		t.Fatalf("export: %v", err)
	}
	if !ok {
		t.Fatalf("the cursor did not reach %d", total)
	}
	var got []received
	waitFor(10*time.Second, func() bool {
		got = c.records(t)
		seen := map[uint64]bool{}
		for _, r := range got {
			seen[r.seq] = true
		}
		return len(seen) == total
	})
	var seqs []uint64
	for _, r := range got {
		checkReceived(t, r)
		seqs = append(seqs, r.seq)
	}
	checkStream(t, seqs, total)

	// JSON encoding, everything there is, then exit.
	before := len(got)
	sink := NewOTLP(OTLPConfig{URL: url, Encoding: EncodingJSON, Hostname: "test", Version: "test"})
	st, err := Run(context.Background(), NewFollower(path, Cursor{}, nil), sink, Options{Cursor: filepath.Join(t.TempDir(), "json.cursor")})
	sink.Close()
	if err != nil || st.Records != total {
		t.Fatalf("JSON export: %+v, %v", st, err)
	}
	waitFor(10*time.Second, func() bool { got = c.records(t); return len(got)-before >= total })
	seqs = seqs[:0]
	for _, r := range got[before:] {
		checkReceived(t, r)
		seqs = append(seqs, r.seq)
	}
	checkStream(t, seqs, total)

	// A path the collector does not serve is a permanent error, not retried.
	sink = NewOTLP(OTLPConfig{URL: url + "/nope"})
	_, err = Run(context.Background(), NewFollower(path, Cursor{}, nil), sink, Options{Cursor: filepath.Join(t.TempDir(), "bad.cursor"), Retries: 5})
	if err == nil || !IsPermanent(err) {
		t.Fatalf("a 404: err %v, want a permanent error", err)
	}
}

// checkReceived checks one log record against the data model: the body is
// the record itself (its hash checks out) and the attributes agree with it.
func checkReceived(t *testing.T, r received) {
	t.Helper()
	rec, err := audit.ParseRecord([]byte(r.body))
	if err != nil || rec.ComputeHash() != rec.Hash {
		t.Fatalf("the body of record %d is not the intact record: %v\n%s", r.seq, err, r.body)
	}
	want := map[string]any{
		"rampart.seq": strconv.FormatUint(rec.Seq, 10), "rampart.id": rec.ID, "log.record.uid": rec.ID,
		"rampart.chain.hash": rec.Hash, "rampart.chain.prev": rec.Prev, "rampart.tool": "exec",
		"rampart.decision": "deny", "rampart.agent": "claude-code", "rampart.session": "s1",
		"rampart.via": "rampart-hook",
	}
	for k, v := range want {
		if r.attrs[k] != v {
			t.Fatalf("record %d: attribute %s = %v, want %v", r.seq, k, r.attrs[k], v)
		}
	}
	if p, _ := r.attrs["rampart.matched_policies"].([]string); len(p) != 1 || p[0] != "block-echo" {
		t.Fatalf("record %d: rampart.matched_policies = %v", r.seq, r.attrs["rampart.matched_policies"])
	}
	if r.sev != 14 || r.text != "WARN2" || r.event != EventName {
		t.Fatalf("record %d: severity %d %q, event %q", r.seq, r.sev, r.text, r.event)
	}
	if r.res["service.name"] != "rampart" || r.res["host.name"] != "test" {
		t.Fatalf("record %d: resource %v", r.seq, r.res)
	}
}
