package main

import (
	"bufio"
	"encoding/json"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"testing"
	"time"

	"rampart.dev/pkg/audit"
	"rampart.dev/pkg/decide"
	"rampart.dev/pkg/home"
	"rampart.dev/rampart-mcp/internal/proxy"
)

// echoServer answers every request on r with a small tools/call result on
// w, as a fast MCP server would.
func echoServer(r io.Reader, w io.Writer) {
	br := bufio.NewReaderSize(r, 1<<20)
	for {
		line, err := br.ReadSlice('\n')
		if err != nil {
			return
		}
		var req struct {
			ID json.RawMessage `json:"id"`
		}
		if json.Unmarshal(line, &req) != nil || req.ID == nil {
			continue
		}
		resp := `{"jsonrpc":"2.0","id":` + string(req.ID) + `,"result":{"content":[{"type":"text","text":"hello from the sandbox\n"}],"structuredContent":{"content":"hello from the sandbox\n"}}}` + "\n"
		if _, err := io.WriteString(w, resp); err != nil {
			return
		}
	}
}

func pipe(b *testing.B) (*os.File, *os.File) {
	r, w, err := os.Pipe()
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { r.Close(); w.Close() })
	return r, w
}

// benchProject makes a user's home holding a project with a file in it,
// as scripts/bench-mcp.sh does; it returns the project's directory.
func benchProject(b *testing.B) string {
	// The call's working directory exists, as a client's does: the
	// project layer's lookup is then what it is in use; so does the file
	// the calls read, so that its path's lookups are what they are in use.
	project := filepath.Join(b.TempDir(), "home", "project")
	if err := os.MkdirAll(project, 0o755); err != nil {
		b.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(project, "hello.txt"), []byte("hello from the sandbox\n"), 0o644); err != nil {
		b.Fatal(err)
	}
	return project
}

// benchProxy starts a proxy with the embedded standard profile and package
// secret between kernel pipes, in front of server, for calls made from
// project (benchProject); it returns the client's ends.
func benchProxy(b *testing.B, server func(io.Reader, io.Writer), project string) (toProxy io.Writer, fromProxy io.Reader) {
	dir := b.TempDir()
	judge, err := openJudge(decide.Config{Profile: "standard", Home: home.Layout{Dir: filepath.Join(dir, "rampart")}, UserHome: filepath.Dir(project), Via: audit.ViaMCP, RawLookups: true}, io.Discard)
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { judge.Close() })
	cr, cw := pipe(b) // client → proxy
	pr, pw := pipe(b) // proxy → client
	sr, sw := pipe(b) // proxy → server
	rr, rw := pipe(b) // server → proxy
	p := proxy.New(proxy.Config{Server: "filesystem", Judge: judge, Redactor: secretRedactor{}, Session: "bench", Cwd: project}, pw, sw)
	go p.FromClient(cr)
	go p.FromServer(rr)
	go server(sr, rw)
	return cw, pr
}

func benchDirect(b *testing.B, server func(io.Reader, io.Writer), _ string) (io.Writer, io.Reader) {
	sr, sw := pipe(b)
	rr, rw := pipe(b)
	go server(sr, rw)
	return sw, rr
}

// BenchmarkToolsCall measures one tools/call round trip (an allowed
// read_text_file and its result) directly against a server and through the
// proxy; the difference of the two is what the proxy adds. p50-ns is the
// median round trip, cpu-ns/op the CPU time of the whole test process per
// call (client, server and proxy; steadier than wall time on a loaded
// machine).
func BenchmarkToolsCall(b *testing.B) {
	for _, via := range []struct {
		name  string
		setup func(*testing.B, func(io.Reader, io.Writer), string) (io.Writer, io.Reader)
	}{{"direct", benchDirect}, {"proxy", benchProxy}} {
		b.Run(via.name, func(b *testing.B) {
			project := benchProject(b)
			w, r := via.setup(b, echoServer, project)
			path := filepath.Join(project, "hello.txt")
			br := bufio.NewReaderSize(r, 1<<20)
			var times []time.Duration
			id := 0
			b.ReportAllocs()
			cpu0 := processCPU()
			for b.Loop() {
				id++
				req := `{"jsonrpc":"2.0","id":` + strconv.Itoa(id) + `,"method":"tools/call","params":{"name":"read_text_file","arguments":{"path":` + strconv.Quote(path) + `}}}` + "\n"
				start := time.Now()
				if _, err := io.WriteString(w, req); err != nil {
					b.Fatal(err)
				}
				if _, err := br.ReadSlice('\n'); err != nil {
					b.Fatal(err)
				}
				times = append(times, time.Since(start))
			}
			b.ReportMetric(float64((processCPU()-cpu0).Nanoseconds())/float64(len(times)), "cpu-ns/op")
			slices.Sort(times)
			b.ReportMetric(float64(times[len(times)/2].Nanoseconds()), "p50-ns")
		})
	}
}

// sink reads and drops everything.
func sink(r io.Reader, w io.Writer) { io.Copy(io.Discard, r) }

// BenchmarkRelay measures streaming throughput of messages the proxy does
// not judge: progress notifications from the client to the server.
func BenchmarkRelay(b *testing.B) {
	done := make(chan struct{})
	counted := func(r io.Reader, w io.Writer) {
		br := bufio.NewReaderSize(r, 1<<20)
		for {
			if _, err := br.ReadSlice('\n'); err != nil {
				close(done)
				return
			}
		}
	}
	w, _ := benchProxy(b, counted, benchProject(b))
	msg := []byte(`{"jsonrpc":"2.0","method":"notifications/progress","params":{"progressToken":"tok-1","progress":50,"total":100,"message":"halfway"}}` + "\n")
	b.SetBytes(int64(len(msg)))
	b.ReportAllocs()
	start := time.Now()
	n := 0
	for b.Loop() {
		if _, err := w.Write(msg); err != nil {
			b.Fatal(err)
		}
		n++
	}
	b.ReportMetric(float64(n)/time.Since(start).Seconds(), "msgs/s")
}

// BenchmarkRelayResults measures throughput from the server to the client
// of tools/call results, each decoded and scanned for credentials.
func BenchmarkRelayResults(b *testing.B) {
	ready := make(chan io.Writer, 1)
	srv := func(r io.Reader, w io.Writer) {
		ready <- w
		io.Copy(io.Discard, r)
	}
	_, r := benchProxy(b, srv, benchProject(b))
	w := <-ready
	msg := []byte(`{"jsonrpc":"2.0","id":7,"result":{"content":[{"type":"text","text":"total 12\ndrwxr-xr-x 2 u u 4096 src\n-rw-r--r-- 1 u u  120 go.mod\n"}]}}` + "\n")
	b.SetBytes(int64(len(msg)))
	b.ReportAllocs()
	go func() {
		br := bufio.NewReaderSize(r, 1<<20)
		for {
			if _, err := br.ReadSlice('\n'); err != nil {
				return
			}
		}
	}()
	start := time.Now()
	n := 0
	for b.Loop() {
		if _, err := w.Write(msg); err != nil {
			b.Fatal(err)
		}
		n++
	}
	b.ReportMetric(float64(n)/time.Since(start).Seconds(), "msgs/s")
}
