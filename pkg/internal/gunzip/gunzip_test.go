package gunzip

import (
	"bytes"
	"compress/gzip"
	"encoding/binary"
	"hash/crc32"
	"io"
	"math/rand"
	"strings"
	"testing"
	"time"
)

// read reads a stream as the engine does (decode.go's unwrapped): a
// reader made from it, then at most 64 KiB copied out of it. It returns
// whether the reader was made, the bytes copied and whether the copy
// ended in an error.
func read(d string, std bool) (made bool, out string, failed bool) {
	var r io.Reader
	var err error
	if std {
		r, err = gzip.NewReader(strings.NewReader(d))
	} else {
		r, err = NewReader(strings.NewReader(d))
	}
	if err != nil {
		return false, "", true
	}
	var b bytes.Buffer
	_, err = io.Copy(&b, io.LimitReader(r, 64<<10))
	return true, b.String(), err != nil
}

// member returns one gzip member of data, its header set from r.
func member(t *testing.T, r *rand.Rand, data []byte) []byte {
	var b bytes.Buffer
	w, err := gzip.NewWriterLevel(&b, []int{gzip.NoCompression, gzip.BestSpeed, gzip.DefaultCompression, gzip.HuffmanOnly}[r.Intn(4)])
	if err != nil {
		t.Fatal(err)
	}
	if r.Intn(2) == 0 {
		w.Name = "file.txt"
	}
	if r.Intn(3) == 0 {
		w.Comment = "a comment, caf\u00e9"
	}
	if r.Intn(3) == 0 {
		w.Extra = []byte{'A', 'B', 2, 0, 'x', 'y'}
	}
	if r.Intn(2) == 0 {
		w.ModTime = time.Unix(1700000000, 0)
	}
	if _, err := w.Write(data); err != nil {
		t.Fatal(err)
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// withHeaderCRC returns m (a member written by gzip.Writer) with the
// FHCRC flag set and the header's CRC-16 after its name, as compress/gzip
// does not write it; a wrong one when bad.
func withHeaderCRC(m []byte, bad bool) []byte {
	end := 10
	flg := m[3]
	if flg&flagExtra != 0 {
		end += 2 + int(binary.LittleEndian.Uint16(m[end:]))
	}
	for _, f := range []byte{flagName, flagComment} {
		if flg&f != 0 {
			end += bytes.IndexByte(m[end:], 0) + 1
		}
	}
	h := append([]byte{}, m[:end]...)
	h[3] |= flagHdrCrc
	sum := uint16(crc32.ChecksumIEEE(h))
	if bad {
		sum++
	}
	h = binary.LittleEndian.AppendUint16(h, sum)
	return append(h, m[end:]...)
}

// TestSameAsCompressGzip reads streams and their damaged copies (cut
// short, a byte changed, data appended) with this package and with
// compress/gzip, and wants the same bytes from both, stopping alike.
func TestSameAsCompressGzip(t *testing.T) {
	r := rand.New(rand.NewSource(1))
	text := func(n int) []byte {
		b := make([]byte, n)
		for i := range b {
			if r.Intn(4) == 0 {
				b[i] = byte(r.Intn(256))
			} else {
				b[i] = "abc def\n"[r.Intn(8)]
			}
		}
		return b
	}
	var streams [][]byte
	for range 100 {
		var s []byte
		for range 1 + r.Intn(3) {
			m := member(t, r, text([]int{0, 1, 10, 300, 5000, 70000}[r.Intn(6)]))
			if r.Intn(4) == 0 {
				m = withHeaderCRC(m, r.Intn(3) == 0)
			}
			s = append(s, m...)
		}
		streams = append(streams, s)
	}
	check := func(d []byte, what string) {
		t.Helper()
		sm, so, sf := read(string(d), true)
		m, o, f := read(string(d), false)
		if m != sm || o != so || f != sf {
			t.Fatalf("%s (%d bytes): made %v, %d bytes, failed %v; compress/gzip: made %v, %d bytes, failed %v",
				what, len(d), m, len(o), f, sm, len(so), sf)
		}
	}
	for k, s := range streams {
		check(s, "stream")
		check(append(append([]byte{}, s...), 0x1f, 0x8b), "two bytes after")
		check(append(append([]byte{}, s...), "garbage after the end"...), "garbage after")
		// every position of a short stream, 40 of a long one, the
		// first and last 40 bytes always (headers and trailers)
		at := func(i int) bool { return len(s) < 400 || i < 40 || i >= len(s)-40 || r.Intn(len(s)) < 40 }
		for cut := 0; cut < len(s); cut++ {
			if at(cut) {
				check(s[:cut], "cut short")
			}
		}
		for i := range s {
			if at(i) {
				d := append([]byte{}, s...)
				d[i] ^= byte(1 + r.Intn(255))
				check(d, "a byte changed")
			}
		}
		if k%20 == 0 {
			// a name of 512 bytes or more, which compress/gzip refuses
			long := member(t, r, text(10))
			long[3] |= flagName
			head := append(append([]byte{}, long[:10]...), bytes.Repeat([]byte{'n'}, 511+k%3)...)
			check(append(append(head, 0), long[10:]...), "long name")
		}
	}
}

// TestUpdateIsCRC32 checks update against hash/crc32.
func TestUpdateIsCRC32(t *testing.T) {
	r := rand.New(rand.NewSource(2))
	crc, want := uint32(0), uint32(0)
	for range 200 {
		p := make([]byte, r.Intn(100))
		r.Read(p)
		crc, want = update(crc, p), crc32.Update(want, crc32.IEEETable, p)
		if crc != want {
			t.Fatalf("update = %#x, crc32.Update = %#x", crc, want)
		}
	}
}
