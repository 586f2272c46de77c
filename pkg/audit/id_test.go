package audit

import (
	"bytes"
	"crypto/rand"
	"io"
	"testing"
	"testing/iotest"
	"time"

	"github.com/oklog/ulid/v2"
)

// Record IDs are ULIDs as the ulid package reads them: its parser gets back
// the time and the 80 random bits, and IDs made in one millisecond sort in
// the order they were made.
func TestIDsAreMonotonicULIDs(t *testing.T) {
	s := idSource{rand: rand.Reader}
	base := time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC)
	prev := ""
	for i := 0; i < 3000; i++ {
		now := base.Add(time.Duration(i/1000) * time.Millisecond) // 1000 IDs per millisecond
		id, err := s.next(now)
		if err != nil {
			t.Fatal(err)
		}
		u, err := ulid.ParseStrict(id)
		if err != nil {
			t.Fatalf("%s: %v", id, err)
		}
		if u.String() != id {
			t.Fatalf("%s reads back as %s", id, u)
		}
		if got := ulid.Time(u.Time()); !got.Equal(now) {
			t.Fatalf("%s: time %v, want %v", id, got, now)
		}
		if id <= prev {
			t.Fatalf("id %d: %s does not sort after %s", i, id, prev)
		}
		prev = id
	}
}

// The encoding is the ulid package's, on the bit.
func TestEncodeIDMatchesULID(t *testing.T) {
	for _, b := range [][16]byte{
		{},
		{0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff},
		{0x01, 0x8e, 0x2b, 0x3c, 0x4d, 0x5e, 0x6f, 0x70, 0x81, 0x92, 0xa3, 0xb4, 0xc5, 0xd6, 0xe7, 0xf8},
	} {
		if got, want := encodeID(&b), ulid.ULID(b).String(); got != want {
			t.Errorf("%x: %s, want %s", b, got, want)
		}
	}
	var b [16]byte
	for i := 0; i < 200; i++ {
		rand.Read(b[:])
		if got, want := encodeID(&b), ulid.ULID(b).String(); got != want {
			t.Fatalf("%x: %s, want %s", b, got, want)
		}
	}
}

// When the random part would overflow within one millisecond, next fails
// rather than wrapping to an ID that sorts first.
func TestIDOverflow(t *testing.T) {
	ones := bytes.NewReader(bytes.Repeat([]byte{0xff}, 64))
	s := idSource{rand: ones}
	now := time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC)
	if _, err := s.next(now); err != nil {
		t.Fatal(err)
	}
	if _, err := s.next(now); err != errIDOverflow {
		t.Fatalf("err = %v, want errIDOverflow", err)
	}
}

// countingReader counts the reads made of r.
type countingReader struct {
	r     io.Reader
	reads int
}

func (c *countingReader) Read(b []byte) (int, error) {
	c.reads++
	return c.r.Read(b)
}

// IDs take their random bits from a pool read ahead: a stream read one
// byte at a time gives the same IDs as the same stream read whole, the
// generator is read once for many IDs, and a generator that fails fails
// the ID.
func TestIDRandomPool(t *testing.T) {
	stream := make([]byte, 4096)
	rand.Read(stream)
	whole := &countingReader{r: bytes.NewReader(stream)}
	a, b := idSource{rand: whole}, idSource{rand: iotest.OneByteReader(bytes.NewReader(stream))}
	base := time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC)
	for i := 0; i < 300; i++ {
		now := base.Add(time.Duration(i/3) * time.Millisecond)
		x, err := a.next(now)
		if err != nil {
			t.Fatal(err)
		}
		y, err := b.next(now)
		if err != nil {
			t.Fatal(err)
		}
		if x != y {
			t.Fatalf("id %d: %s read whole, %s read bytewise", i, x, y)
		}
	}
	if whole.reads > 300*10/randPool+1 {
		t.Errorf("%d reads of the generator for 300 IDs", whole.reads)
	}
	c := idSource{rand: iotest.ErrReader(io.ErrUnexpectedEOF)}
	if _, err := c.next(base); err != io.ErrUnexpectedEOF {
		t.Errorf("err = %v, want the generator's", err)
	}
}
