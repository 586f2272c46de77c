package audit

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"path/filepath"
)

// VerifyOptions tune Verify.
type VerifyOptions struct {
	// Checkpoint, when set, must be extended by the log: the record with
	// its seq must carry its hash. Check its signature first
	// (auditkey.ParseCheckpoint and auditkey.SignedBy).
	Checkpoint *Checkpoint
	// Partial accepts a chain that starts after seq 1, as when old rotated
	// files were archived elsewhere or a piece of a log is checked.
	Partial bool
	// Strict also decodes every record and requires its canonical encoding
	// to give back its exact line. The chain does not need it (the hash
	// covers the bytes); it catches a forged chain of lines that are not
	// well-formed records, at a cost in speed.
	Strict bool
}

// Problem is the first place where a log is not whole.
type Problem struct {
	File   string
	Line   int // 0 when the problem is with the file as a whole
	Reason string
}

func (p *Problem) Error() string {
	if p.Line == 0 {
		return fmt.Sprintf("%s: %s", p.File, p.Reason)
	}
	return fmt.Sprintf("%s:%d: %s", p.File, p.Line, p.Reason)
}

// Result is what Verify found.
type Result struct {
	Files       []string // the files read, oldest first
	Records     int64
	Bytes       int64
	First, Last uint64 // seq of the first and last records checked
	LastHash    string
	// Notes explain irregularities that leave the chain whole: a torn last
	// line, a head that lags the log after a writer was killed, torn lines
	// set aside, a missing head file.
	Notes []string
	// Problem is the first place the log is not whole, nil when it is.
	Problem *Problem
}

// OK reports whether the log verified.
func (r *Result) OK() bool { return r.Problem == nil }

// Verify checks the log at path and its rotated files, oldest first: each
// line is a record whose hash matches its canonical bytes, whose seq follows
// the one before and whose prev is that record's hash; the head file agrees
// with the end of the log (so cut records are noticed), and opts.Checkpoint,
// if any, is extended. The files are opened under a shared lock, so that
// writers may go on appending while they are read. The error is for I/O
// trouble only; a broken log is reported in Result.Problem.
func Verify(path string, opts VerifyOptions) (Result, error) {
	s, err := takeSnapshot(path)
	if err != nil {
		return Result{}, err
	}
	defer s.close()
	v := newVerifier(opts)
	if s.head != nil {
		v.head = s.head
	} else if len(s.files) > 0 {
		v.note("%s: no head file beside the log: records cut from its end cannot be noticed without it or a checkpoint", headName(path))
	}
	v.res.Notes = append(v.res.Notes, s.notes...)
	for i, f := range s.files {
		more, err := v.read(f.name, io.NewSectionReader(f.f, 0, f.size), i == len(s.files)-1)
		if err != nil {
			return v.res, err
		}
		if !more {
			return v.res, nil
		}
	}
	if len(s.files) == 0 {
		v.res.Files = append(v.res.Files, path)
		v.lastFile = path
	}
	v.finish()
	if st, err := os.Stat(TornName(path)); err == nil && st.Size() > 0 {
		n := countLines(TornName(path))
		v.note("%s: %d torn line(s) set aside by writers that were interrupted mid-write", TornName(path), n)
	}
	return v.res, nil
}

// VerifyReader checks one stream, named name in the result. With no head
// file to compare, records cut from its end are noticed only against a
// checkpoint.
func VerifyReader(name string, r io.Reader, opts VerifyOptions) (Result, error) {
	v := newVerifier(opts)
	more, err := v.read(name, r, true)
	if err != nil || !more {
		return v.res, err
	}
	v.finish()
	return v.res, nil
}

type verifier struct {
	opts     VerifyOptions
	res      Result
	x        *hasher
	head     *head
	seq      uint64
	hash     [64]byte
	lastFile string
	lastLine int
	started  bool
}

func newVerifier(opts VerifyOptions) *verifier { return &verifier{opts: opts, x: newHasher()} }

func (v *verifier) note(format string, args ...any) {
	v.res.Notes = append(v.res.Notes, fmt.Sprintf(format, args...))
}

func (v *verifier) fail(file string, line int, format string, args ...any) bool {
	v.res.Problem = &Problem{File: file, Line: line, Reason: fmt.Sprintf(format, args...)}
	return false
}

// where names the last record read, for messages about the next.
func (v *verifier) where(file string) string {
	if v.lastFile == file {
		return fmt.Sprintf("line %d", v.lastLine)
	}
	return fmt.Sprintf("%s:%d", v.lastFile, v.lastLine)
}

// read checks one file; more is false once a problem is found.
func (v *verifier) read(name string, r io.Reader, last bool) (more bool, err error) {
	v.res.Files = append(v.res.Files, name)
	rd := NewReader(r)
	for {
		b, err := rd.ReadLine()
		if err == io.EOF {
			if v.lastFile != name {
				v.lastFile, v.lastLine = name, 0
			}
			return true, nil
		}
		if le, ok := err.(*LineError); ok {
			if le.Err == ErrTorn && last {
				v.note("%s:%d: torn last line (%d bytes, no newline): a writer was interrupted mid-write; the next append moves it to %s", name, le.Line, len(b), filepath.Base(TornName(name)))
				if v.lastFile != name {
					v.lastFile, v.lastLine = name, le.Line-1
				}
				return true, nil
			}
			return v.fail(name, le.Line, "%v", le.Err), nil
		}
		if err != nil {
			return false, fmt.Errorf("audit: %s: %w", name, err)
		}
		if !v.line(name, rd.Line(), b) {
			return false, nil
		}
		v.res.Bytes += int64(len(b)) + 1
	}
}

func (v *verifier) line(name string, n int, b []byte) bool {
	f, bad := v.x.check(b)
	if bad != "" {
		return v.fail(name, n, "%s", bad)
	}
	if v.opts.Strict {
		rec, err := ParseRecord(b)
		if err != nil {
			return v.fail(name, n, "%v", err)
		}
		if line := rec.AppendLine(nil); !bytes.Equal(line[:len(line)-1], b) {
			return v.fail(name, n, "record is not in canonical form")
		}
	}
	switch {
	case !v.started:
		if f.seq != 1 || len(f.prev) != 0 {
			if !v.opts.Partial {
				if f.seq == 1 {
					return v.fail(name, n, "the first record has a prev")
				}
				return v.fail(name, n, "the chain starts at seq %d, not 1: earlier records are missing (verify them too, or accept a partial log)", f.seq)
			}
			v.note("%s:%d: the chain starts at seq %d; earlier records were not checked", name, n, f.seq)
		}
		v.started = true
		v.res.First = f.seq
	case f.seq != v.seq+1:
		if f.seq <= v.seq {
			return v.fail(name, n, "seq %d does not follow seq %d (%s): records repeated or reordered", f.seq, v.seq, v.where(name))
		}
		return v.fail(name, n, "seq %d follows seq %d (%s): %d record(s) missing", f.seq, v.seq, v.where(name), f.seq-v.seq-1)
	case !bytes.Equal(f.prev, v.hash[:]):
		return v.fail(name, n, "prev does not match %s", v.where(name))
	}
	if v.head != nil && f.seq == v.head.Seq && string(f.hash) != v.head.Hash {
		return v.fail(name, n, "record seq %d differs from the one the head file records: rewritten", f.seq)
	}
	if cp := v.opts.Checkpoint; cp != nil && f.seq == cp.Seq && string(f.hash) != cp.Hash {
		return v.fail(name, n, "record seq %d differs from the checkpoint's: history was rewritten", f.seq)
	}
	v.seq = f.seq
	copy(v.hash[:], f.hash)
	v.lastFile, v.lastLine = name, n
	v.res.Records++
	return true
}

// finish compares the end of the chain with the head and the checkpoint.
func (v *verifier) finish() {
	v.res.Last = v.seq
	if v.started {
		v.res.LastHash = string(v.hash[:])
	}
	end := func(format string, args ...any) {
		v.fail(v.lastFile, v.lastLine+1, format, args...)
	}
	if cp := v.opts.Checkpoint; cp != nil && cp.Seq > 0 {
		switch {
		case v.seq < cp.Seq:
			end("the log ends at seq %d, before the checkpoint's seq %d: %d record(s) removed from the end", v.seq, cp.Seq, cp.Seq-v.seq)
			return
		case v.res.First > cp.Seq:
			v.note("the checkpoint's seq %d precedes the records checked (from seq %d); it was not compared", cp.Seq, v.res.First)
		}
	}
	if h := v.head; h != nil {
		switch {
		case v.seq < h.Seq:
			end("the log ends at seq %d but its head file records seq %d: %d record(s) removed from the end", v.seq, h.Seq, h.Seq-v.seq)
		case v.seq > h.Seq && h.Seq >= v.res.First:
			v.note("the head file lags the log by %d record(s): a writer was interrupted between writing a record and updating the head; the next append catches up", v.seq-h.Seq)
		}
	}
}

// snapshot holds a log's files opened together under the shared lock.
type snapshot struct {
	head  *head
	files []snapFile
	notes []string
}

type snapFile struct {
	name string
	f    *os.File
	size int64
}

func (s *snapshot) close() {
	for _, f := range s.files {
		f.f.Close()
	}
}

// takeSnapshot opens the rotated files and the active one, with their sizes,
// while holding a shared lock on the head file: appends in flight are
// either wholly in or wholly out, and a rotation cannot move a file between
// the listing and the opening.
func takeSnapshot(path string) (*snapshot, error) {
	s := &snapshot{}
	hf, err := os.Open(headName(path))
	switch {
	case err == nil:
		defer hf.Close()
		if err := flock(hf, lockSh); err != nil {
			return nil, fmt.Errorf("audit: lock: %w", err)
		}
		defer flock(hf, lockUn)
		var buf [headSize]byte
		n, _ := hf.ReadAt(buf[:], 0)
		if h, ok := parseHead(buf[:n]); ok {
			s.head = &h
		} else if n > 0 {
			s.notes = append(s.notes, fmt.Sprintf("%s: damaged head file; the next append rebuilds it", headName(path)))
		}
	case !os.IsNotExist(err):
		return nil, fmt.Errorf("audit: %w", err)
	}
	gens, err := rotatedGens(path)
	if err != nil {
		return nil, err
	}
	names := make([]string, 0, len(gens)+1)
	for i, g := range gens {
		if i > 0 && g != gens[i-1]+1 {
			s.notes = append(s.notes, fmt.Sprintf("rotated files %s to %s are missing", rotatedName(path, gens[i-1]+1), rotatedName(path, g-1)))
		}
		names = append(names, rotatedName(path, g))
	}
	if s.head != nil && len(gens) > 0 && gens[len(gens)-1] > s.head.Gen {
		s.notes = append(s.notes, fmt.Sprintf("%s is newer than the head file says: a rotation was interrupted; the next append completes it", rotatedName(path, gens[len(gens)-1])))
		if gens[len(gens)-1] == s.head.Gen+1 {
			s.head.Gen++
			// The head's size and seq still describe the rotated file.
		}
	}
	names = append(names, path)
	for _, name := range names {
		f, err := OpenRead(name)
		if os.IsNotExist(err) && name == path {
			continue
		}
		if err != nil {
			s.close()
			return nil, fmt.Errorf("audit: %w", err)
		}
		st, err := f.Stat()
		if err != nil {
			f.Close()
			s.close()
			return nil, fmt.Errorf("audit: %w", err)
		}
		s.files = append(s.files, snapFile{name: name, f: f, size: st.Size()})
	}
	return s, nil
}

func countLines(path string) int {
	b, err := os.ReadFile(path)
	if err != nil {
		return 0
	}
	return bytes.Count(b, []byte{'\n'})
}

// VerifyFiles checks files that hold one chain, oldest first, such as
// rotated files copied elsewhere. Without a head file, records cut from the
// end are noticed only against a checkpoint.
func VerifyFiles(files []string, opts VerifyOptions) (Result, error) {
	v := newVerifier(opts)
	for i, name := range files {
		f, err := OpenRead(name)
		if err != nil {
			return v.res, fmt.Errorf("audit: %w", err)
		}
		more, err := v.read(name, f, i == len(files)-1)
		f.Close()
		if err != nil || !more {
			return v.res, err
		}
	}
	v.finish()
	return v.res, nil
}

// Files lists the files of the log at path, oldest first: the rotated ones,
// then the active one if it exists.
func Files(path string) ([]string, error) {
	gens, err := rotatedGens(path)
	if err != nil {
		return nil, err
	}
	var files []string
	for _, g := range gens {
		files = append(files, rotatedName(path, g))
	}
	if _, err := os.Stat(path); err == nil {
		files = append(files, path)
	}
	return files, nil
}
