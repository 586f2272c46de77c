package call

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
)

// MaxLine bounds one JSON line. A tool call carries a command or a file to
// write; 4 MiB is far above any real one and keeps a runaway producer from
// exhausting memory.
const MaxLine = 4 << 20

// Errors for lines that are not Calls. The reader skips to the next line, so
// the stream goes on.
var (
	ErrTooLong   = errors.New("line exceeds 4 MiB limit")
	ErrMalformed = errors.New("malformed call")
	ErrNoTool    = errors.New("call has no tool")
)

// IsBadInput reports whether err is about one bad line (answered with a
// deny) rather than a failing reader.
func IsBadInput(err error) bool {
	return errors.Is(err, ErrTooLong) || errors.Is(err, ErrMalformed) || errors.Is(err, ErrNoTool) || errors.Is(err, ErrNoSubject)
}

// Reader reads Calls as JSON Lines.
type Reader struct {
	r    *bufio.Reader
	line int
	max  int
}

// NewReader returns a Reader over r with the MaxLine limit.
func NewReader(r io.Reader) *Reader { return &Reader{r: bufio.NewReaderSize(r, 64<<10), max: MaxLine} }

// Line is the number of the line last read, from 1.
func (r *Reader) Line() int { return r.line }

// ReadLine returns the next non-empty line without its newline. Over-long
// lines are consumed and reported as ErrTooLong. At the end it returns io.EOF.
func (r *Reader) ReadLine() ([]byte, error) {
	for {
		var buf []byte
		tooLong := false
		for {
			chunk, err := r.r.ReadSlice('\n')
			if !tooLong {
				if len(buf)+len(chunk) > r.max+1 {
					tooLong, buf = true, nil
				} else {
					buf = append(buf, chunk...)
				}
			}
			if err == bufio.ErrBufferFull {
				continue
			}
			if err != nil && err != io.EOF {
				return nil, err
			}
			if err == io.EOF && len(chunk) == 0 && len(buf) == 0 && !tooLong {
				return nil, io.EOF
			}
			break
		}
		r.line++
		if tooLong {
			return nil, ErrTooLong
		}
		buf = bytes.TrimSpace(buf)
		if len(buf) == 0 {
			continue
		}
		return buf, nil
	}
}

// Read returns the next Call. A line that is not a valid Call yields an
// error that names the line; the caller may go on reading.
func (r *Reader) Read() (Call, error) {
	b, err := r.ReadLine()
	if err != nil {
		if err == io.EOF {
			return Call{}, err
		}
		return Call{}, fmt.Errorf("line %d: %w", r.line, err)
	}
	c, err := Parse(b)
	if err != nil {
		return Call{}, fmt.Errorf("line %d: %w", r.line, err)
	}
	return c, nil
}

// Parse decodes one Call, checks that it names a tool and, for a
// canonical tool, what it acts on, and puts it in canonical form
// (Canonicalize).
func Parse(b []byte) (Call, error) {
	c, ok := parseFast(b)
	if !ok {
		c = Call{}
		if err := json.Unmarshal(b, &c); err != nil {
			return Call{}, fmt.Errorf("%w: %v", ErrMalformed, err)
		}
	}
	if err := c.Canonicalize(); err != nil {
		return Call{}, err
	}
	return c, nil
}

// Writer writes values as JSON Lines, flushing after each one.
type Writer struct {
	w   io.Writer
	enc *json.Encoder
	buf []byte // a Decision's line (see appendDecision)
}

// NewWriter returns a Writer on w.
func NewWriter(w io.Writer) *Writer {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	return &Writer{w: w, enc: enc}
}

// Write encodes v as one line and flushes w if it can be flushed.
func (w *Writer) Write(v any) error {
	var line []byte
	ok := false
	switch d := v.(type) {
	case Decision:
		line, ok = appendDecision(w.buf[:0], d)
	case *Decision:
		if d != nil {
			line, ok = appendDecision(w.buf[:0], *d)
		}
	}
	if ok {
		w.buf = line
		if _, err := w.w.Write(line); err != nil {
			return err
		}
	} else if err := w.enc.Encode(v); err != nil {
		return err
	}
	if f, ok := w.w.(interface{ Flush() error }); ok {
		return f.Flush()
	}
	return nil
}
