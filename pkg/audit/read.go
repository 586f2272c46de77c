package audit

import (
	"bufio"
	"errors"
	"fmt"
	"io"
)

// Errors a Reader reports for a line, wrapped in a *LineError.
var (
	// ErrTorn: the last line has no newline, the mark of a writer
	// interrupted mid-write.
	ErrTorn = errors.New("torn last line (no newline)")
	// ErrTooLong: a line longer than MaxRecord; it is skipped.
	ErrTooLong = errors.New("line longer than 4 MiB")
)

// LineError is a problem with one line of a log.
type LineError struct {
	Line int
	Err  error
}

func (e *LineError) Error() string { return fmt.Sprintf("line %d: %v", e.Line, e.Err) }

func (e *LineError) Unwrap() error { return e.Err }

// Reader reads the lines and records of a log. A bad line is reported as a
// *LineError and reading can go on; the end is io.EOF.
type Reader struct {
	br    *bufio.Reader
	line  int
	off   int64 // offset of the next line
	start int64 // offset of the line last read
	buf   []byte
}

// NewReader returns a Reader over r.
func NewReader(r io.Reader) *Reader {
	return &Reader{br: bufio.NewReaderSize(r, 256<<10)}
}

// Line is the number of the line last read, from 1.
func (r *Reader) Line() int { return r.line }

// Offset is the byte offset of the start of the line last read.
func (r *Reader) Offset() int64 { return r.start }

// End is the byte offset just past the line last read (and its newline).
func (r *Reader) End() int64 { return r.off }

// ReadLine returns the next line without its newline. The slice is valid
// until the next call. A last line with no newline is returned with an
// ErrTorn *LineError; an over-long line is skipped with ErrTooLong.
func (r *Reader) ReadLine() ([]byte, error) {
	r.start = r.off
	var line []byte
	n, copied, long := 0, false, false
	for {
		chunk, err := r.br.ReadSlice('\n')
		r.off += int64(len(chunk))
		n += len(chunk)
		switch {
		case long:
		case n > MaxRecord+1:
			long = true
			r.buf = r.buf[:0]
		case !copied && err != bufio.ErrBufferFull:
			line = chunk // the common case: no copy
		default:
			if !copied {
				r.buf = r.buf[:0]
				copied = true
			}
			r.buf = append(r.buf, chunk...)
			line = r.buf
		}
		if err == bufio.ErrBufferFull {
			continue
		}
		if err != nil && err != io.EOF {
			return nil, err
		}
		if err == io.EOF && n == 0 {
			return nil, io.EOF
		}
		r.line++
		switch {
		case long:
			return nil, &LineError{r.line, ErrTooLong}
		case err == io.EOF:
			return line, &LineError{r.line, ErrTorn}
		}
		return line[:len(line)-1], nil
	}
}

// Next returns the next record. A line that is not one yields a *LineError
// wrapping ErrNotRecord, ErrTorn or ErrTooLong.
func (r *Reader) Next() (Record, error) {
	b, err := r.ReadLine()
	if err != nil {
		return Record{}, err
	}
	rec, err := ParseRecord(b)
	if err != nil {
		return Record{}, &LineError{r.line, err}
	}
	return rec, nil
}
