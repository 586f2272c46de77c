package export

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"slices"

	"rampart.dev/pkg/audit"
)

// ErrChain is wrapped by the errors a Follower returns when the log does not
// continue the chain the cursor points into: a record missing, a record
// changed, or a log replaced. Nothing is exported past such a point; the
// log wants `rampart-audit verify`.
var ErrChain = errors.New("the log does not continue the exported chain")

// Follower reads the records of a log that come after a cursor, in order,
// across rotations. It reads with pread at offsets it keeps itself, so a
// torn line cut off by a writer, a rotation and a log cut short behind it
// are all noticed; each record it returns has seq one more than the one
// before, and prev equal to that one's hash.
type Follower struct {
	path string
	last Cursor // the last record returned, or the starting cursor
	warn func(string)

	f       *os.File
	base    int64  // offset in f of buf[0]
	buf     []byte // bytes read from f at base
	start   int    // first byte of buf not yet returned
	rotated bool   // f was seen renamed away: one last read, then move on
	skipTo  bool   // dropping an over-long line up to its newline
	first   bool   // no record returned yet
}

// NewFollower returns a Follower of the log whose active file is path
// (rotated files path.1, path.2 ... beside it), starting after from. warn,
// if not nil, hears about lines that are not records.
func NewFollower(path string, from Cursor, warn func(string)) *Follower {
	if warn == nil {
		warn = func(string) {}
	}
	return &Follower{path: path, last: from, warn: warn, first: true}
}

// Last is the last record returned (or the starting cursor).
func (fl *Follower) Last() Cursor { return fl.last }

// Close releases the file being read.
func (fl *Follower) Close() error {
	if fl.f == nil {
		return nil
	}
	err := fl.f.Close()
	fl.f = nil
	return err
}

// Next returns the next record and its line (a copy, exactly as stored).
// At the current end of the log it returns io.EOF; call again later to
// follow the log as it grows.
func (fl *Follower) Next() (audit.Record, []byte, error) {
	for {
		if fl.f == nil {
			if err := fl.open(); err != nil {
				return audit.Record{}, nil, err
			}
			if fl.f == nil {
				return audit.Record{}, nil, io.EOF // no log yet
			}
		}
		line, ok, err := fl.readLine()
		if err != nil {
			return audit.Record{}, nil, err
		}
		if !ok {
			moved, err := fl.advance()
			if err != nil {
				return audit.Record{}, nil, err
			}
			if !moved {
				return audit.Record{}, nil, io.EOF
			}
			continue
		}
		rec, err := audit.ParseRecord(line)
		if err != nil {
			fl.warn(fmt.Sprintf("%s: offset %d: %v; skipped", fl.f.Name(), fl.base+int64(fl.start-len(line)-1), err))
			continue
		}
		next := fl.last.Seq + 1
		switch {
		case rec.Seq < next-1:
			continue
		case rec.Seq == next-1:
			if rec.Hash != fl.last.Hash {
				return audit.Record{}, nil, fmt.Errorf("%w: record %d has hash %.12s…, the cursor %.12s…", ErrChain, rec.Seq, rec.Hash, fl.last.Hash)
			}
			continue
		case fl.last.Seq > 0 && rec.Seq > next:
			return audit.Record{}, nil, fmt.Errorf("%w: records %d to %d are missing (rotated files removed?)", ErrChain, next, rec.Seq-1)
		case fl.last.Seq > 0 && rec.Prev != fl.last.Hash:
			return audit.Record{}, nil, fmt.Errorf("%w: record %d does not chain from record %d", ErrChain, rec.Seq, fl.last.Seq)
		}
		if fl.first && fl.last.Seq == 0 && rec.Seq != 1 {
			fl.warn(fmt.Sprintf("%s: the log starts at record %d; exporting from there", fl.path, rec.Seq))
		}
		fl.first = false
		fl.last = Cursor{Seq: rec.Seq, Hash: rec.Hash, ID: rec.ID}
		return rec, bytes.Clone(line), nil
	}
}

// readChunk is how much is read at a time.
const readChunk = 256 << 10

// readLine returns the next whole line of f without its newline, valid until
// the next call; ok is false at the end of what f holds now.
func (fl *Follower) readLine() ([]byte, bool, error) {
	for {
		if i := bytes.IndexByte(fl.buf[fl.start:], '\n'); i >= 0 {
			line := fl.buf[fl.start : fl.start+i]
			fl.start += i + 1
			if fl.skipTo {
				fl.skipTo = false
				continue
			}
			return line, true, nil
		}
		if len(fl.buf)-fl.start > audit.MaxRecord {
			if !fl.skipTo {
				fl.warn(fmt.Sprintf("%s: offset %d: line longer than %d bytes; skipped", fl.f.Name(), fl.base+int64(fl.start), audit.MaxRecord))
			}
			fl.skipTo = true
			fl.start = len(fl.buf)
		}
		// Keep only what is not returned yet, then read more after it.
		n := copy(fl.buf, fl.buf[fl.start:])
		fl.base += int64(fl.start)
		fl.buf, fl.start = fl.buf[:n], 0
		if cap(fl.buf)-n < readChunk {
			fl.buf = append(make([]byte, 0, 2*cap(fl.buf)+readChunk), fl.buf...)
		}
		k, err := fl.f.ReadAt(fl.buf[n:n+readChunk], fl.base+int64(n))
		fl.buf = fl.buf[:n+k]
		if err != nil && err != io.EOF {
			return nil, false, err
		}
		if k > 0 {
			continue
		}
		// At the end. A torn line we hold part of may have been set
		// aside and cut off by a writer, or the log cut shorter still:
		// read again from what is left.
		st, err := fl.f.Stat()
		if err != nil {
			return nil, false, err
		}
		if end := fl.base + int64(len(fl.buf)); st.Size() < end {
			if st.Size() < fl.base {
				fl.warn(fmt.Sprintf("%s: cut to %d bytes behind the reader; reading it again from the start", fl.f.Name(), st.Size()))
				fl.base, fl.skipTo = 0, false
				fl.buf = fl.buf[:0]
				continue
			}
			fl.buf = fl.buf[:st.Size()-fl.base]
		}
		return nil, false, nil
	}
}

// advance is called at the end of f: it reports whether reading should go
// on (in f once more after a rotation was seen, or in the next file).
func (fl *Follower) advance() (bool, error) {
	st, err := os.Stat(fl.path)
	if err == nil && sameFile(st, fl.f) {
		return false, nil // the live end of the active file
	}
	if !fl.rotated {
		// Writers switch files under the lock, after their last write to
		// the old one: read it once more now the switch is seen.
		fl.rotated = true
		return true, nil
	}
	nf, err := fl.openListed(fl.nextFile)
	if err != nil || nf == nil {
		return false, err
	}
	if len(fl.buf) > fl.start {
		fl.warn(fmt.Sprintf("%s: torn last line (%d bytes) before rotation", fl.f.Name(), len(fl.buf)-fl.start))
	}
	fl.f.Close()
	fl.setFile(nf)
	return true, nil
}

func (fl *Follower) setFile(f *os.File) {
	fl.f, fl.base, fl.buf, fl.start, fl.rotated, fl.skipTo = f, 0, fl.buf[:0], 0, false, false
}

// open opens the file that holds the record after the cursor.
func (fl *Follower) open() error {
	f, err := fl.openListed(fl.locate)
	if err != nil || f == nil {
		return err
	}
	fl.setFile(f)
	return nil
}

// testHookChosen, if set, runs between choosing a file and listing the
// files again: tests rotate the log there.
var testHookChosen func()

// listTries bounds how often openListed lists the files again when a
// rotation keeps coming in between; it then gives up until the next poll.
const listTries = 8

// errNotListed is returned by a chooser when the file being read is not in
// the listing: a listing made while it was being renamed, or a file removed.
var errNotListed = errors.New("not listed")

// openListed opens the file choose picks from a listing of the log's files
// (nil: none yet), and makes sure no rotation came in between: the log must
// still have exactly those files after the open, the active one still the
// file opened. Otherwise the name of the active file may stand for a newer
// file than the one looked at, and a rotated file may be missing from the
// listing; both would skip records. Files are judged through the descriptor
// that is then read, never by name twice.
func (fl *Follower) openListed(choose func(files []string) (*os.File, error)) (*os.File, error) {
	notListed := false
	for range listTries {
		files, err := audit.Files(fl.path)
		if err != nil && !errors.Is(err, fs.ErrNotExist) {
			return nil, err
		}
		if len(files) == 0 {
			return nil, nil // no log yet
		}
		f, err := choose(files)
		if notListed = err == errNotListed; notListed {
			continue
		}
		if err != nil || f == nil {
			return nil, err
		}
		if testHookChosen != nil {
			testHookChosen()
		}
		again, err := audit.Files(fl.path)
		if err == nil && slices.Equal(files, again) && (f.Name() != fl.path || isActive(fl.path, f)) {
			return f, nil
		}
		f.Close()
	}
	if notListed && fl.f != nil {
		return nil, fmt.Errorf("%w: %s is no longer one of the log's files", ErrChain, fl.f.Name())
	}
	return nil, nil // rotating faster than we list: try again at the next poll
}

// locate opens the newest file whose first record is at most the one wanted
// next: the file it is in, or, when the log does not reach it yet, the file
// it will follow. Only the first line of each file is read.
func (fl *Follower) locate(files []string) (*os.File, error) {
	want := fl.last.Seq + 1
	for i := len(files) - 1; i > 0; i-- {
		f, err := audit.OpenRead(files[i])
		if err != nil {
			if errors.Is(err, fs.ErrNotExist) {
				return nil, errNotListed // renamed since the listing
			}
			return nil, err
		}
		if seq, ok := firstSeq(f); ok && seq <= want {
			return f, nil
		}
		f.Close()
	}
	f, err := audit.OpenRead(files[0])
	if errors.Is(err, fs.ErrNotExist) {
		return nil, errNotListed
	}
	return f, err
}

// nextFile opens the file that follows the one being read, which has been
// rotated and read to its end; nil if there is none yet. Files are taken in
// turn, so several rotations between two polls skip none of them; a file
// that does not continue the chain is an error of Next, not a silent skip.
func (fl *Follower) nextFile(files []string) (*os.File, error) {
	for i, name := range files {
		st, err := os.Stat(name)
		if err != nil || !sameFile(st, fl.f) {
			continue
		}
		if i+1 == len(files) {
			return nil, nil
		}
		f, err := audit.OpenRead(files[i+1])
		if errors.Is(err, fs.ErrNotExist) {
			return nil, errNotListed
		}
		return f, err
	}
	return nil, errNotListed
}

// firstSeq is the seq of the first record of f.
func firstSeq(f *os.File) (uint64, bool) {
	rec, err := audit.NewReader(io.NewSectionReader(f, 0, audit.MaxRecord+1)).Next()
	if err != nil {
		return 0, false
	}
	return rec.Seq, true
}

// isActive reports whether f is the log's active file, path.
func isActive(path string, f *os.File) bool {
	st, err := os.Stat(path)
	return err == nil && sameFile(st, f)
}

func sameFile(st os.FileInfo, f *os.File) bool {
	fst, err := f.Stat()
	if err != nil {
		return false
	}
	return os.SameFile(st, fst)
}
