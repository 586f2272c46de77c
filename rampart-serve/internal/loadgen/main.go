// Command loadgen drives a running rampart-serve with decision requests for
// a fixed time and reports throughput and latency. It only ever talks to a
// loopback address, and it stops by itself.
//
// Usage:
//
//	go run ./internal/loadgen -addr 127.0.0.1:9090 -token-file ~/.rampart/agent.token [-duration 20s] [-c 16] [-client raw|http]
//	go run ./internal/loadgen -trivial-server DIR
//
// It prints one JSON object on stdout:
//
//	{"requests":312345,"errors":0,"seconds":20.0,"rps":15617,"p50_ms":0.9,"p90_ms":1.6,"p99_ms":3.1,"max_ms":12.4,"decisions":{"allow":312345}}
//
// and a human summary on stderr.
//
// The load generator shares the machine with the server, so its own cost
// is part of every figure. The default client (raw) is a minimal HTTP/1.1
// client over keep-alive connections: one write of a prepared request and
// the reads of the answer per call. -client http uses net/http's client
// instead, which costs several times as much per request.
//
// -trivial-server DIR serves the same endpoint with a handler that reads
// the body and answers a fixed allow, through net/http as rampart-serve
// does, writing a token to DIR/agent.token and "listening on http://ADDR"
// to stderr: loadgen against it is the ceiling of what can be measured on
// this machine.
package main

import (
	"bufio"
	"bytes"
	"context"
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"runtime/debug"
	"slices"
	"sort"
	"strings"
	"sync"
	"time"
)

// maxDuration bounds a run: a load test on a shared machine is short.
const maxDuration = 2 * time.Minute

func main() {
	if err := run(os.Args[1:]); err != nil {
		fmt.Fprintf(os.Stderr, "loadgen: error: %v\n", err)
		os.Exit(2)
	}
}

type result struct {
	Requests int64   `json:"requests"`
	Errors   int64   `json:"errors"`
	Seconds  float64 `json:"seconds"`
	RPS      float64 `json:"rps"`
	P50      float64 `json:"p50_ms"`
	P90      float64 `json:"p90_ms"`
	P99      float64 `json:"p99_ms"`
	Max      float64 `json:"max_ms"`
	// CPUPerReq is the generator's own CPU time (user and system) per
	// request in µs, where the system reports it: the share of the cores
	// the generator took from the server it measures.
	CPUPerReq float64          `json:"cpu_us_per_req,omitempty"`
	Decisions map[string]int64 `json:"decisions"`
}

// caller makes one request and returns the answer's status and body; each
// worker has its own.
type caller interface {
	call() (status int, body []byte, err error)
}

func run(args []string) error {
	fs := flag.NewFlagSet("loadgen", flag.ContinueOnError)
	addr := fs.String("addr", "127.0.0.1:9090", "rampart-serve `address` (loopback only)")
	tokenFile := fs.String("token-file", "", "file holding the agent token")
	duration := fs.Duration("duration", 20*time.Second, "how long to send requests")
	conc := fs.Int("c", 16, "concurrent connections")
	path := fs.String("path", "/v1/preflight/exec", "endpoint")
	body := fs.String("body", `{"params":{"command":"git status"},"agent":"loadgen","session":"bench"}`, "request body")
	client := fs.String("client", "raw", "raw (minimal HTTP/1.1 client) or http (net/http's client)")
	trivial := fs.String("trivial-server", "", "serve a trivial decision endpoint instead, with its token in `DIR`")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if *trivial != "" {
		return serveTrivial(*trivial)
	}
	debug.SetGCPercent(400) // the generator should not be what limits the run
	if *duration <= 0 || *duration > maxDuration {
		return fmt.Errorf("-duration must be in (0, %s]", maxDuration)
	}
	if *conc < 1 || *conc > 1024 {
		return errors.New("-c must be between 1 and 1024")
	}
	host, _, err := net.SplitHostPort(*addr)
	if err != nil {
		return err
	}
	if ip := net.ParseIP(host); host != "localhost" && (ip == nil || !ip.IsLoopback()) {
		return fmt.Errorf("%s is not a loopback address; loadgen only loads this machine", *addr)
	}
	tok, err := os.ReadFile(*tokenFile)
	if err != nil {
		return err
	}
	token := "Bearer " + strings.TrimSpace(string(tok))
	payload := []byte(*body)

	var newCaller func() caller
	switch *client {
	case "raw":
		req := rawRequest(*addr, *path, token, payload)
		newCaller = func() caller { return &rawCaller{addr: *addr, req: req} }
	case "http":
		tr := &http.Transport{MaxIdleConnsPerHost: *conc, MaxConnsPerHost: *conc, DisableCompression: true}
		hc := &http.Client{Transport: tr, Timeout: 10 * time.Second}
		url := "http://" + *addr + *path
		newCaller = func() caller { return &httpCaller{client: hc, url: url, token: token, payload: payload} }
	default:
		return fmt.Errorf("-client must be raw or http, not %q", *client)
	}

	ctx, cancel := context.WithTimeout(context.Background(), *duration)
	defer cancel()

	type worker struct {
		lat       []time.Duration
		errs      int64
		decisions map[string]int64
	}
	ws := make([]*worker, *conc)
	var wg sync.WaitGroup
	cpu0 := cpuTime()
	start := time.Now()
	for i := range ws {
		w := &worker{lat: make([]time.Duration, 0, 1<<16), decisions: map[string]int64{}}
		ws[i] = w
		c := newCaller()
		wg.Add(1)
		go func() {
			defer wg.Done()
			for ctx.Err() == nil {
				t0 := time.Now()
				status, b, err := c.call()
				if err != nil {
					w.errs++
					continue
				}
				w.lat = append(w.lat, time.Since(t0))
				if status != http.StatusOK {
					w.errs++
					continue
				}
				w.decisions[decisionOf(b)]++
			}
		}()
	}
	wg.Wait()
	elapsed := time.Since(start)
	cpu := cpuTime() - cpu0

	var all []time.Duration
	res := result{Decisions: map[string]int64{}, Seconds: elapsed.Seconds()}
	for _, w := range ws {
		all = append(all, w.lat...)
		res.Errors += w.errs
		for k, v := range w.decisions {
			res.Decisions[k] += v
			res.Requests += v
		}
	}
	if len(all) == 0 {
		return errors.New("no request completed")
	}
	sort.Slice(all, func(i, j int) bool { return all[i] < all[j] })
	q := func(p float64) float64 {
		return float64(all[min(len(all)-1, int(p*float64(len(all))))].Microseconds()) / 1000
	}
	res.RPS = float64(res.Requests) / elapsed.Seconds()
	res.P50, res.P90, res.P99, res.Max = q(0.50), q(0.90), q(0.99), q(1)
	if cpu > 0 && res.Requests > 0 {
		res.CPUPerReq = float64(cpu.Microseconds()) / float64(res.Requests)
	}
	fmt.Fprintf(os.Stderr, "loadgen: %s for %.1fs with %d connections (%s client): %d requests (%d errors), %.0f req/s, p50 %.2f ms, p90 %.2f ms, p99 %.2f ms, max %.2f ms, %.1f CPU µs per request in the generator\n",
		*path, res.Seconds, *conc, *client, res.Requests, res.Errors, res.RPS, res.P50, res.P90, res.P99, res.Max, res.CPUPerReq)
	return json.NewEncoder(os.Stdout).Encode(res)
}

// decisionOf reads the decision of an answer ("" when it has none). The
// answers are rampart-serve's own compact JSON, so finding the member is
// enough, and costs the generator a fraction of decoding the answer.
func decisionOf(b []byte) string {
	const key = `"decision":"`
	i := bytes.Index(b, []byte(key))
	if i < 0 {
		return ""
	}
	v := b[i+len(key):]
	j := bytes.IndexByte(v, '"')
	if j < 0 {
		return ""
	}
	switch d := v[:j]; string(d) { // no allocation for the known ones
	case "allow":
		return "allow"
	case "deny":
		return "deny"
	case "require_approval":
		return "require_approval"
	case "log":
		return "log"
	default:
		return string(d)
	}
}

// httpCaller calls through net/http's client.
type httpCaller struct {
	client  *http.Client
	url     string
	token   string
	payload []byte
	buf     bytes.Buffer
}

func (c *httpCaller) call() (int, []byte, error) {
	req, _ := http.NewRequest("POST", c.url, bytes.NewReader(c.payload))
	req.Header.Set("Authorization", c.token)
	req.Header.Set("Content-Type", "application/json")
	resp, err := c.client.Do(req)
	if err != nil {
		return 0, nil, err
	}
	c.buf.Reset()
	_, err = io.Copy(&c.buf, resp.Body)
	resp.Body.Close()
	return resp.StatusCode, c.buf.Bytes(), err
}

// serveTrivial serves POST requests with a fixed allow through net/http,
// as the ceiling the load generator can measure on this machine.
func serveTrivial(dir string) error {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return err
	}
	var tok [32]byte
	rand.Read(tok[:])
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return err
	}
	if err := os.WriteFile(filepath.Join(dir, "agent.token"), []byte(hex.EncodeToString(tok[:])), 0o600); err != nil {
		return err
	}
	answer := []byte(`{"decision":"allow","message":"","matched_policies":[]}` + "\n")
	fmt.Fprintf(os.Stderr, "loadgen: trivial server listening on http://%s\n", ln.Addr())
	return http.Serve(ln, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		io.Copy(io.Discard, r.Body)
		w.Header().Set("Content-Type", "application/json")
		w.Write(answer)
	}))
}

// rawRequest is the whole request, written as is for every call.
func rawRequest(addr, path, token string, body []byte) []byte {
	h := fmt.Sprintf("POST %s HTTP/1.1\r\nHost: %s\r\nAuthorization: %s\r\nContent-Type: application/json\r\nContent-Length: %d\r\n\r\n", path, addr, token, len(body))
	return append([]byte(h), body...)
}

// rawCaller is a minimal HTTP/1.1 client on one keep-alive connection: it
// writes the prepared request and reads the status line, the headers it
// needs (Content-Length, Transfer-Encoding, Connection) and the body. It
// dials again when the server closes the connection.
type rawCaller struct {
	addr string
	req  []byte
	conn net.Conn
	r    *bufio.Reader
	body []byte
}

func (c *rawCaller) call() (int, []byte, error) {
	if c.conn == nil {
		conn, err := net.DialTimeout("tcp", c.addr, 10*time.Second)
		if err != nil {
			return 0, nil, err
		}
		c.conn, c.r = conn, bufio.NewReaderSize(conn, 16<<10)
	}
	c.conn.SetDeadline(time.Now().Add(10 * time.Second))
	status, keep, err := c.exchange()
	if err != nil || !keep {
		c.conn.Close()
		c.conn = nil
	}
	return status, c.body, err
}

func (c *rawCaller) exchange() (status int, keep bool, err error) {
	if _, err := c.conn.Write(c.req); err != nil {
		return 0, false, err
	}
	line, err := c.r.ReadSlice('\n')
	if err != nil {
		return 0, false, err
	}
	// HTTP/1.1 200 OK
	if len(line) < 12 || !bytes.HasPrefix(line, []byte("HTTP/1.")) {
		return 0, false, fmt.Errorf("bad status line %q", line)
	}
	for _, d := range line[9:12] {
		if d < '0' || d > '9' {
			return 0, false, fmt.Errorf("bad status line %q", line)
		}
		status = status*10 + int(d-'0')
	}
	length, chunked, keep := -1, false, true
	for {
		line, err := c.r.ReadSlice('\n')
		if err != nil {
			return 0, false, err
		}
		line = bytes.TrimRight(line, "\r\n")
		if len(line) == 0 {
			break
		}
		k, v, _ := bytes.Cut(line, []byte(":"))
		v = bytes.TrimSpace(v)
		switch {
		case bytes.EqualFold(k, []byte("Content-Length")):
			n, ok := atoi(v)
			if !ok {
				return 0, false, fmt.Errorf("bad Content-Length %q", v)
			}
			length = n
		case bytes.EqualFold(k, []byte("Transfer-Encoding")):
			chunked = bytes.EqualFold(v, []byte("chunked"))
		case bytes.EqualFold(k, []byte("Connection")):
			keep = !bytes.EqualFold(v, []byte("close"))
		}
	}
	c.body = c.body[:0]
	switch {
	case chunked:
		err = c.readChunked()
	case length >= 0:
		err = c.readN(length)
	default:
		return 0, false, errors.New("an answer with neither Content-Length nor chunked encoding")
	}
	return status, keep, err
}

func (c *rawCaller) readN(n int) error {
	start := len(c.body)
	c.body = slices.Grow(c.body, n)[:start+n]
	_, err := io.ReadFull(c.r, c.body[start:])
	return err
}

func (c *rawCaller) readChunked() error {
	for {
		line, err := c.r.ReadSlice('\n')
		if err != nil {
			return err
		}
		line, _, _ = bytes.Cut(bytes.TrimRight(line, "\r\n"), []byte(";"))
		var n int
		if _, err := fmt.Sscanf(string(line), "%x", &n); err != nil || n < 0 || n > 64<<20 {
			return fmt.Errorf("bad chunk size %q", line)
		}
		if n > 0 {
			if err := c.readN(n); err != nil {
				return err
			}
		}
		if _, err := c.r.Discard(2); err != nil { // CRLF after the chunk
			return err
		}
		if n == 0 {
			return nil // no trailers are sent here
		}
	}
}

func atoi(b []byte) (int, bool) {
	if len(b) == 0 || len(b) > 12 {
		return 0, false
	}
	n := 0
	for _, d := range b {
		if d < '0' || d > '9' {
			return 0, false
		}
		n = n*10 + int(d-'0')
	}
	return n, true
}
