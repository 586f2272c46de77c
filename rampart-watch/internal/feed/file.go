package feed

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"time"

	"rampart.dev/pkg/audit"
)

// maxBatch bounds the records in one emitted batch, so that reading a long
// log at start still redraws now and then.
const maxBatch = 4096

// File follows an audit log like tail -F: it reads the file from the
// start, then waits for appended lines, and when the log is rotated (the
// path now names another file) or truncated, it finishes the old file and
// starts on the new one from its first line. Only complete lines are read:
// a writer's half-written last line waits for its newline.
type File struct {
	Path string
	// Poll is how often the file is checked for growth and rotation.
	Poll time.Duration
}

// ReadAll reads the file once to its end, as --once does. A missing file
// is no records, not an error: nothing has been audited yet.
func (f File) ReadAll(emit func([]Event)) error {
	fh, err := os.Open(f.Path)
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	if err != nil {
		return err
	}
	defer fh.Close()
	t := newTail(fh, filepath.Base(f.Path))
	t.read(emit)
	if len(t.partial) > 0 {
		emit([]Event{{Where: t.where(t.line + 1), Err: audit.ErrTorn}})
	}
	return nil
}

// Run follows the file until ctx is done.
func (f File) Run(ctx context.Context, emit func([]Event)) error {
	poll := f.Poll
	if poll <= 0 {
		poll = 250 * time.Millisecond
	}
	name := filepath.Base(f.Path)
	var t *tail
	waiting := false
	for {
		if t == nil {
			fh, err := os.Open(f.Path)
			switch {
			case err == nil:
				t = newTail(fh, name)
				if waiting {
					t.rotated = true
				}
				waiting = false
			case errors.Is(err, fs.ErrNotExist):
				if !waiting {
					emit([]Event{{Note: "waiting for " + f.Path}})
					waiting = true
				}
			default:
				emit([]Event{{Err: err}})
			}
		}
		if t != nil {
			t.read(emit)
			if next, why := f.replaced(t); next != nil {
				// Finish what was written to the old file before it moved.
				t.read(emit)
				if len(t.partial) > 0 {
					emit([]Event{{Where: t.where(t.line + 1), Err: fmt.Errorf("%w before rotation", audit.ErrTorn)}})
				}
				f.between(t.f, next, emit)
				t.f.Close()
				t = newTail(next, name)
				t.rotated = true
				emit([]Event{{Note: why}})
				continue
			}
		}
		select {
		case <-ctx.Done():
			if t != nil {
				t.f.Close()
			}
			return ctx.Err()
		case <-time.After(poll):
		}
	}
}

// replaced reports whether the path now names a different file than the
// one being read, or the same file cut shorter than what was read; it
// returns the newly opened file and why.
func (f File) replaced(t *tail) (*os.File, string) {
	now, err := os.Stat(f.Path)
	if err != nil {
		return nil, "" // rotated away and not yet recreated: keep the old one
	}
	cur, err := t.f.Stat()
	if err != nil {
		return nil, ""
	}
	why := ""
	switch {
	case !os.SameFile(cur, now):
		why = "log rotated"
	case now.Size() < t.done:
		why = "log truncated"
	case now.Size() < t.pos:
		// The writer set a torn last line aside (see package audit, crash
		// recovery): drop the part read and go on from the last newline.
		t.resume()
		return nil, ""
	default:
		return nil, ""
	}
	next, err := os.Open(f.Path)
	if err != nil {
		return nil, ""
	}
	return next, why
}

// between reads the files rotated after old and before next, when the log
// rotated more than once between two looks, so that no generation is
// skipped. It finds them with [audit.Files], which lists the rotated files
// oldest first.
func (f File) between(old, next *os.File, emit func([]Event)) {
	files, err := audit.Files(f.Path)
	if err != nil {
		return
	}
	oldInfo, err1 := old.Stat()
	nextInfo, err2 := next.Stat()
	if err1 != nil || err2 != nil {
		return
	}
	start := -1
	for i, p := range files {
		fi, err := os.Stat(p)
		if err != nil {
			continue
		}
		if os.SameFile(fi, oldInfo) {
			start = i + 1
			continue
		}
		if start < 0 {
			continue
		}
		if os.SameFile(fi, nextInfo) {
			return
		}
		fh, err := os.Open(p)
		if err != nil {
			emit([]Event{{Err: err}})
			continue
		}
		t := newTail(fh, filepath.Base(p))
		t.rotated = true
		t.read(emit)
		fh.Close()
	}
}

// resume drops a partial line and reads on from the last newline.
func (t *tail) resume() {
	if _, err := t.f.Seek(t.done, io.SeekStart); err != nil {
		return
	}
	t.r.Reset(t.f)
	t.pos, t.partial, t.skip = t.done, nil, false
}

// tail reads complete lines from one file.
type tail struct {
	f    *os.File
	r    *bufio.Reader
	name string
	line int
	// done is the offset just past the last complete line read; pos is
	// how far the file has been read, a partial line included.
	done, pos int64
	partial   []byte
	skip      bool // inside an over-long line, dropping bytes until its newline
	rotated   bool
}

func newTail(f *os.File, name string) *tail {
	return &tail{f: f, r: bufio.NewReaderSize(f, 64<<10), name: name}
}

func (t *tail) where(line int) string { return fmt.Sprintf("%s:%d", t.name, line) }

// read emits every complete line now in the file.
func (t *tail) read(emit func([]Event)) {
	var batch []Event
	flush := func() {
		if len(batch) > 0 {
			emit(batch)
			batch = nil
		}
	}
	for {
		chunk, err := t.r.ReadSlice('\n')
		t.pos += int64(len(chunk))
		if !t.skip {
			if len(t.partial)+len(chunk) > audit.MaxRecord+1 {
				t.skip, t.partial = true, nil
			} else {
				t.partial = append(t.partial, chunk...)
			}
		}
		if err == bufio.ErrBufferFull {
			continue
		}
		if err != nil {
			if err != io.EOF {
				batch = append(batch, Event{Err: err})
			}
			flush()
			return
		}
		t.line++
		t.done = t.pos
		if t.skip {
			t.skip = false
			batch = append(batch, Event{Where: t.where(t.line), Err: audit.ErrTooLong})
		} else if line := trimNewline(t.partial); len(line) > 0 {
			ev := Event{Where: t.where(t.line), Line: line, Rotated: t.rotated}
			t.rotated = false
			ev.Record, ev.Err = Decode(line)
			batch = append(batch, ev)
		}
		t.partial = nil
		if len(batch) >= maxBatch {
			flush()
		}
	}
}

func trimNewline(b []byte) []byte {
	b = b[:len(b)-1]
	if n := len(b); n > 0 && b[n-1] == '\r' {
		b = b[:n-1]
	}
	return b
}
