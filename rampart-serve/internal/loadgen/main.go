// Command loadgen drives a running rampart-serve with decision requests for
// a fixed time and reports throughput and latency. It only ever talks to a
// loopback address, and it stops by itself.
//
// Usage:
//
//	go run ./internal/loadgen -addr 127.0.0.1:9090 -token-file ~/.rampart/agent.token [-duration 20s] [-c 16]
//
// It prints one JSON object on stdout:
//
//	{"requests":312345,"errors":0,"seconds":20.0,"rps":15617,"p50_ms":0.9,"p90_ms":1.6,"p99_ms":3.1,"max_ms":12.4,"decisions":{"allow":312345}}
//
// and a human summary on stderr.
package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"runtime/debug"
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
	Requests  int64            `json:"requests"`
	Errors    int64            `json:"errors"`
	Seconds   float64          `json:"seconds"`
	RPS       float64          `json:"rps"`
	P50       float64          `json:"p50_ms"`
	P90       float64          `json:"p90_ms"`
	P99       float64          `json:"p99_ms"`
	Max       float64          `json:"max_ms"`
	Decisions map[string]int64 `json:"decisions"`
}

func run(args []string) error {
	fs := flag.NewFlagSet("loadgen", flag.ContinueOnError)
	addr := fs.String("addr", "127.0.0.1:9090", "rampart-serve `address` (loopback only)")
	tokenFile := fs.String("token-file", "", "file holding the agent token")
	duration := fs.Duration("duration", 20*time.Second, "how long to send requests")
	conc := fs.Int("c", 16, "concurrent connections")
	path := fs.String("path", "/v1/preflight/exec", "endpoint")
	body := fs.String("body", `{"params":{"command":"git status"},"agent":"loadgen","session":"bench"}`, "request body")
	if err := fs.Parse(args); err != nil {
		return err
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
	url := "http://" + *addr + *path
	payload := []byte(*body)

	tr := &http.Transport{MaxIdleConnsPerHost: *conc, MaxConnsPerHost: *conc, DisableCompression: true}
	client := &http.Client{Transport: tr, Timeout: 10 * time.Second}
	ctx, cancel := context.WithTimeout(context.Background(), *duration)
	defer cancel()

	type worker struct {
		lat       []time.Duration
		errs      int64
		decisions map[string]int64
	}
	ws := make([]*worker, *conc)
	var wg sync.WaitGroup
	start := time.Now()
	for i := range ws {
		w := &worker{lat: make([]time.Duration, 0, 1<<16), decisions: map[string]int64{}}
		ws[i] = w
		wg.Add(1)
		go func() {
			defer wg.Done()
			var buf bytes.Buffer
			for ctx.Err() == nil {
				req, _ := http.NewRequest("POST", url, bytes.NewReader(payload))
				req.Header.Set("Authorization", token)
				req.Header.Set("Content-Type", "application/json")
				t0 := time.Now()
				resp, err := client.Do(req)
				if err != nil {
					w.errs++
					continue
				}
				buf.Reset()
				io.Copy(&buf, resp.Body)
				resp.Body.Close()
				w.lat = append(w.lat, time.Since(t0))
				if resp.StatusCode != 200 {
					w.errs++
					continue
				}
				var d struct {
					Decision string `json:"decision"`
				}
				json.Unmarshal(buf.Bytes(), &d)
				w.decisions[d.Decision]++
			}
		}()
	}
	wg.Wait()
	elapsed := time.Since(start)

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
	fmt.Fprintf(os.Stderr, "loadgen: %s for %.1fs with %d connections: %d requests (%d errors), %.0f req/s, p50 %.2f ms, p90 %.2f ms, p99 %.2f ms, max %.2f ms\n",
		*path, res.Seconds, *conc, res.Requests, res.Errors, res.RPS, res.P50, res.P90, res.P99, res.Max)
	return json.NewEncoder(os.Stdout).Encode(res)
}
