// Package frame reads newline-delimited messages, the framing of the MCP
// stdio transport: one JSON-RPC message per line, no embedded newlines.
//
// A [Reader] hands out each line as soon as its newline arrives, so a relay
// built on it adds no buffering delay, and bounds a line at [MaxLine] so a
// runaway peer cannot exhaust memory. A line over the limit is consumed and
// reported as [ErrTooLong]; the stream goes on with the next line.
package frame

import (
	"bufio"
	"errors"
	"fmt"
	"io"
)

// MaxLine bounds one message. MCP puts whole files (base64 images, embedded
// resources) in one line, and the TypeScript SDK buffers up to 10 MiB; 64 MiB
// leaves room above every real message while keeping memory bounded.
const MaxLine = 64 << 20

// readSize is the bufio buffer: large enough that typical messages arrive in
// one read, small enough to cost nothing per connection.
const readSize = 64 << 10

// bigBuf is the largest line buffer kept between messages.
const bigBuf = 1 << 20

// ErrTooLong reports a line longer than the reader's limit.
var ErrTooLong = errors.New("message exceeds size limit")

// TooLongError is returned (wrapping [ErrTooLong]) for an over-long line,
// with how many bytes it had.
type TooLongError struct {
	Size  int64 // bytes in the line, newline included
	Limit int
	// Head is the start of the line (at most HeadSize bytes), so that a
	// reply can name the request it refuses.
	Head []byte
}

// HeadSize bounds TooLongError.Head.
const HeadSize = 4 << 10

func head(b []byte) []byte { return append([]byte(nil), b[:min(len(b), HeadSize)]...) }

// Error says how long the line was and the limit.
func (e *TooLongError) Error() string {
	return fmt.Sprintf("message of %d bytes exceeds the %d MiB limit", e.Size, e.Limit>>20)
}

// Unwrap returns ErrTooLong.
func (e *TooLongError) Unwrap() error { return ErrTooLong }

// Reader splits a stream into lines.
type Reader struct {
	br  *bufio.Reader
	buf []byte
	max int
}

// NewReader returns a Reader over r with the MaxLine limit.
func NewReader(r io.Reader) *Reader { return NewReaderSize(r, MaxLine) }

// NewReaderSize returns a Reader over r whose lines may hold at most max
// bytes, newline excluded.
func NewReaderSize(r io.Reader, max int) *Reader { return newReader(r, max, readSize) }

func newReader(r io.Reader, max, bufSize int) *Reader {
	return &Reader{br: bufio.NewReaderSize(r, bufSize), max: max}
}

// Next returns the next line with its newline ("\n", or "\r\n" as sent). The
// last line of a stream may lack one. The slice is valid until the next call.
// At the end of the stream Next returns io.EOF; a line over the limit yields
// a *TooLongError and the following call reads the line after it.
func (r *Reader) Next() ([]byte, error) {
	chunk, err := r.br.ReadSlice('\n')
	if err == nil {
		// The common case: the whole line sits in the buffer. No copy.
		if len(chunk)-1 > r.max {
			return nil, &TooLongError{Size: int64(len(chunk)), Limit: r.max, Head: head(chunk)}
		}
		return chunk, nil
	}
	if cap(r.buf) > bigBuf {
		r.buf = nil // do not keep the memory of one huge message for the whole session
	}
	r.buf = append(r.buf[:0], chunk...)
	size := int64(len(chunk))
	over := false
	var first []byte
	for err == bufio.ErrBufferFull {
		chunk, err = r.br.ReadSlice('\n')
		size += int64(len(chunk))
		if over {
			continue
		}
		if len(r.buf)+len(chunk) > r.max+1 {
			first = head(r.buf)
			over, r.buf = true, r.buf[:0]
			continue
		}
		r.buf = append(r.buf, chunk...)
	}
	if err != nil && err != io.EOF {
		return nil, err
	}
	if over || (err == io.EOF && int64(len(r.buf)) > int64(r.max)) {
		if first == nil {
			first = head(r.buf)
		}
		return nil, &TooLongError{Size: size, Limit: r.max, Head: first}
	}
	if err == io.EOF && len(r.buf) == 0 {
		return nil, io.EOF
	}
	return r.buf, nil
}
