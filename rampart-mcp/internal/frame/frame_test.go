package frame

import (
	"bytes"
	"errors"
	"io"
	"strings"
	"testing"
	"testing/iotest"
)

// want splits data the slow, obvious way: lines with their newline, the
// last one possibly without; over-long lines become nil.
func want(data []byte, max int) [][]byte {
	var out [][]byte
	for len(data) > 0 {
		i := bytes.IndexByte(data, '\n')
		var line []byte
		if i < 0 {
			line, data = data, nil
		} else {
			line, data = data[:i+1], data[i+1:]
		}
		n := len(line)
		if line[n-1] == '\n' {
			n--
		}
		if n > max {
			out = append(out, nil)
		} else {
			out = append(out, line)
		}
	}
	return out
}

func readAll(t testing.TB, r *Reader) [][]byte {
	var out [][]byte
	for {
		line, err := r.Next()
		if err == io.EOF {
			return out
		}
		var tl *TooLongError
		if errors.As(err, &tl) {
			if !errors.Is(err, ErrTooLong) {
				t.Fatalf("TooLongError does not wrap ErrTooLong")
			}
			out = append(out, nil)
			continue
		}
		if err != nil {
			t.Fatalf("Next: %v", err)
		}
		out = append(out, bytes.Clone(line))
	}
}

func check(t testing.TB, data []byte, max, bufSize int, oneByte bool) {
	var src io.Reader = bytes.NewReader(data)
	if oneByte {
		src = iotest.OneByteReader(src)
	}
	got := readAll(t, newReader(src, max, bufSize))
	w := want(data, max)
	if len(got) != len(w) {
		t.Fatalf("max %d buf %d: %d lines, want %d\ninput %q", max, bufSize, len(got), len(w), data)
	}
	for i := range w {
		if !bytes.Equal(got[i], w[i]) || (got[i] == nil) != (w[i] == nil) {
			t.Fatalf("max %d buf %d: line %d = %q, want %q", max, bufSize, i, got[i], w[i])
		}
	}
}

func TestNext(t *testing.T) {
	for _, in := range []string{
		"",
		"\n",
		"{}\n",
		"{}",
		"{\"a\":1}\r\n{}\n\n{\"b\":2}",
		strings.Repeat("x", 40) + "\n" + "short\n" + strings.Repeat("y", 17) + "\n" + strings.Repeat("z", 16),
		strings.Repeat("q", 100),
	} {
		for _, max := range []int{0, 1, 16, 17, 39, 40, 1000} {
			check(t, []byte(in), max, 16, false)
			check(t, []byte(in), max, 16, true)
			check(t, []byte(in), max, readSize, false)
		}
	}
}

func TestTooLongSize(t *testing.T) {
	r := newReader(strings.NewReader(strings.Repeat("a", 100)+"\nok\n"), 10, 16)
	_, err := r.Next()
	var tl *TooLongError
	if !errors.As(err, &tl) || tl.Size != 101 {
		t.Fatalf("Next = %v, want TooLongError of 101 bytes", err)
	}
	line, err := r.Next()
	if err != nil || string(line) != "ok\n" {
		t.Fatalf("Next after long line = %q, %v; want \"ok\\n\"", line, err)
	}
}

func TestTenMiB(t *testing.T) {
	big := append(bytes.Repeat([]byte("m"), 10<<20), '\n')
	data := append(append([]byte("{}\n"), big...), "{}\n"...)
	got := readAll(t, NewReader(bytes.NewReader(data)))
	if len(got) != 3 || !bytes.Equal(got[1], big) {
		t.Fatalf("10 MiB line not returned whole: %d lines", len(got))
	}
}

// FuzzNext checks the reader against a plain split for any input, limit
// and buffer size, read whole and one byte at a time.
func FuzzNext(f *testing.F) {
	f.Add([]byte("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}\n"), uint8(8), uint8(0))
	f.Add([]byte("a\r\nbb\n\nccc"), uint8(2), uint8(1))
	f.Add([]byte(strings.Repeat("z", 70)+"\n"+strings.Repeat("y", 10)), uint8(16), uint8(3))
	f.Fuzz(func(t *testing.T, data []byte, max, buf uint8) {
		bufSize := 16 + int(buf)%48
		check(t, data, int(max), bufSize, false)
		check(t, data, int(max), bufSize, true)
	})
}

func BenchmarkNext(b *testing.B) {
	line := []byte(`{"jsonrpc":"2.0","id":3,"method":"tools/call","params":{"name":"read_text_file","arguments":{"path":"/tmp/x"}}}` + "\n")
	data := bytes.Repeat(line, 1000)
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		r := NewReader(bytes.NewReader(data))
		for {
			if _, err := r.Next(); err != nil {
				break
			}
		}
	}
}
