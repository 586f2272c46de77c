package audit

import (
	"bytes"
	"crypto/sha256"
	"errors"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"testing"
	"time"
)

func BenchmarkAppend(b *testing.B) {
	for _, bc := range []struct {
		name  string
		fsync bool
	}{{"nofsync", false}, {"fsync", true}} {
		b.Run(bc.name, func(b *testing.B) {
			l, _ := newLog(b, 0, Options{Fsync: bc.fsync, MaxSize: -1})
			e := entry(1)
			b.ReportAllocs()
			for b.Loop() {
				if _, err := l.Append(e); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "appends/s")
		})
	}
}

// BenchmarkAppendAlone is an append that comes alone, as one call judged
// at a time (rampart-mcp) makes them: longer than holdGap after the last,
// so that it takes the lock and reads the head. The pauses are not timed.
// Besides the mean it reports the median and the tenth percentile of the
// appends' own times, which a loaded machine moves less.
func BenchmarkAppendAlone(b *testing.B) {
	for _, mapped := range []bool{true, false} {
		name := "mapped-head"
		if !mapped {
			name = "pread-head"
		}
		b.Run(name, func(b *testing.B) {
			defer func(m bool) { mapHeads = m }(mapHeads)
			mapHeads = mapped
			l, _ := newLog(b, 0, Options{MaxSize: -1})
			e := entry(1)
			var took []time.Duration
			b.ReportAllocs()
			for b.Loop() {
				b.StopTimer()
				time.Sleep(2 * holdGap)
				b.StartTimer()
				t0 := time.Now()
				if _, err := l.Append(e); err != nil {
					b.Fatal(err)
				}
				took = append(took, time.Since(t0))
			}
			l.mu.Lock()
			locks := l.locks
			l.mu.Unlock()
			b.ReportMetric(float64(locks)/float64(b.N), "locks/op")
			slices.Sort(took)
			b.ReportMetric(float64(took[len(took)/2].Nanoseconds()), "median-ns")
			b.ReportMetric(float64(took[len(took)/10].Nanoseconds()), "p10-ns")
		})
	}
}

// Four writers with their own Log (their own descriptors and flock), as
// four processes would be, in one process.
func BenchmarkAppend4Writers(b *testing.B) {
	_, path := newLog(b, 0, Options{})
	b.SetParallelism(4) // 4 × GOMAXPROCS goroutines, each its own writer
	b.ReportAllocs()
	b.RunParallel(func(pb *testing.PB) {
		l, err := Open(path, Options{})
		if err != nil {
			b.Error(err)
			return
		}
		defer l.Close()
		e := entry(1)
		for pb.Next() {
			if _, err := l.Append(e); err != nil {
				b.Error(err)
				return
			}
		}
	})
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "appends/s")
}

// BenchmarkAppendShared is one Log shared by many goroutines, as in a
// server: appends that arrive while a batch is written are written in the
// next one (records/write says how many share a write).
func BenchmarkAppendShared(b *testing.B) {
	for _, bc := range []struct {
		name  string
		fsync bool
	}{{"nofsync", false}, {"fsync", true}} {
		b.Run(bc.name, func(b *testing.B) {
			l, _ := newLog(b, 0, Options{Fsync: bc.fsync, MaxSize: -1})
			b.SetParallelism(4) // 4 × GOMAXPROCS goroutines
			b.ReportAllocs()
			b.RunParallel(func(pb *testing.PB) {
				e := entry(1)
				for pb.Next() {
					if _, err := l.Append(e); err != nil {
						b.Error(err)
						return
					}
				}
			})
			l.mu.Lock()
			writes, locks := l.writes, l.locks
			l.mu.Unlock()
			b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "appends/s")
			b.ReportMetric(float64(b.N)/float64(max(writes, 1)), "records/write")
			b.ReportMetric(float64(b.N)/float64(max(locks, 1)), "records/lock")
		})
	}
}

// Four real processes, each appending b.N/4 records; includes their start.
func BenchmarkAppend4Processes(b *testing.B) {
	_, path := newLog(b, 0, Options{})
	for b.Loop() {
		b.StopTimer()
		var cmds []*exec.Cmd
		n := 2000
		for range 4 {
			cmds = append(cmds, writerCmd(path, n, 0, ""))
		}
		b.StartTimer()
		for _, c := range cmds {
			if err := c.Start(); err != nil {
				b.Fatal(err)
			}
		}
		for _, c := range cmds {
			if err := c.Wait(); err != nil {
				b.Fatal(err)
			}
		}
	}
	b.ReportMetric(float64(b.N*4*2000)/b.Elapsed().Seconds(), "appends/s")
}

// verifyLog builds a 20,000-record log once for the verify benchmarks.
func verifyLog(b *testing.B) (string, []byte) {
	l, path := newLog(b, 0, Options{MaxSize: -1})
	for i := range 20000 {
		if _, err := l.Append(entry(i)); err != nil {
			b.Fatal(err)
		}
	}
	data, err := os.ReadFile(path)
	if err != nil {
		b.Fatal(err)
	}
	return path, data
}

// BenchmarkVerify against BenchmarkVerifySHA256: the chain check costs
// about the same as hashing the bytes.
func BenchmarkVerify(b *testing.B) {
	path, data := verifyLog(b)
	b.Run("file", func(b *testing.B) {
		b.SetBytes(int64(len(data)))
		for b.Loop() {
			res, err := Verify(path, VerifyOptions{})
			if err != nil || res.Problem != nil {
				b.Fatal(err, res.Problem)
			}
		}
	})
	b.Run("reader", func(b *testing.B) {
		b.SetBytes(int64(len(data)))
		for b.Loop() {
			res, err := VerifyReader("x", bytes.NewReader(data), VerifyOptions{})
			if err != nil || res.Problem != nil {
				b.Fatal(err, res.Problem)
			}
		}
	})
	b.Run("strict", func(b *testing.B) {
		b.SetBytes(int64(len(data)))
		for b.Loop() {
			VerifyReader("x", bytes.NewReader(data), VerifyOptions{Strict: true})
		}
	})
	b.Run("sha256", func(b *testing.B) {
		b.SetBytes(int64(len(data)))
		for b.Loop() {
			sha256.Sum256(data)
		}
	})
	b.Run("sha256_lines", func(b *testing.B) {
		// The floor for any per-record hash: SHA-256 of each line on its own.
		lines := bytes.Split(data[:len(data)-1], []byte{'\n'})
		b.SetBytes(int64(len(data)))
		for b.Loop() {
			for _, l := range lines {
				sha256.Sum256(l)
			}
		}
	})
}

func BenchmarkReader(b *testing.B) {
	_, data := verifyLog(b)
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		r := NewReader(bytes.NewReader(data))
		for {
			if _, err := r.Next(); err != nil {
				if errors.Is(err, io.EOF) {
					break
				}
				b.Fatal(err)
			}
		}
	}
}

func FuzzReader(f *testing.F) {
	dir := f.TempDir()
	path := filepath.Join(dir, "audit.jsonl")
	l, err := Open(path, Options{Now: fixedClock()})
	if err != nil {
		f.Fatal(err)
	}
	for i := range 3 {
		e := entry(i)
		e.Call.Params["s"] = "x\u2028y\x01" + strconv.Itoa(i)
		l.Append(e)
	}
	l.Close()
	data, _ := os.ReadFile(path)
	f.Add(data)
	f.Add(data[:len(data)-7])
	f.Add([]byte("{}\n\n" + `{"seq":1}` + "\n"))
	f.Add(bytes.Replace(data, []byte(`"seq":2`), []byte(`"seq":9`), 1))
	f.Fuzz(func(t *testing.T, b []byte) {
		r := NewReader(bytes.NewReader(b))
		for {
			rec, err := r.Next()
			if err == io.EOF {
				break
			}
			var le *LineError
			if err != nil {
				if !errors.As(err, &le) {
					t.Fatalf("Next: %v is not a *LineError", err)
				}
				continue
			}
			// Encoding a parsed record and parsing it again is stable.
			line := rec.AppendLine(nil)
			again, err := ParseRecord(line[:len(line)-1])
			if err != nil {
				t.Fatalf("ParseRecord(%q) = %v", line, err)
			}
			if got := again.AppendLine(nil); !bytes.Equal(got, line) {
				t.Fatalf("round trip:\n%q\n%q", line, got)
			}
		}
		res, err := VerifyReader("fuzz", bytes.NewReader(b), VerifyOptions{Strict: true})
		if err != nil {
			t.Fatal(err)
		}
		if res.Problem == nil && res.Records > 0 && !bytes.HasSuffix(b, []byte("\n")) && len(res.Notes) == 0 {
			t.Fatalf("verified a log with a torn end and no note")
		}
	})
}

// BenchmarkAppendTime: a record's time laid out digit by digit, and by
// time.Time.AppendFormat as before.
func BenchmarkAppendTime(b *testing.B) {
	tm := time.Date(2026, 12, 4, 10, 58, 1, 123456000, time.UTC)
	buf := make([]byte, 0, 64)
	b.Run("digits", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			buf = appendTime(buf[:0], tm)
		}
	})
	b.Run("AppendFormat", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			buf = tm.AppendFormat(buf[:0], TimeFormat)
		}
	})
}
