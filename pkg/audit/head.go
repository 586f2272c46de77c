package audit

import (
	"bytes"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strconv"
	"strings"
)

// head is the state kept in the head file. It is rewritten in place, all
// its fixed size at once (a store through the mapping, or one pwrite(2)),
// under the lock; it is also the lock file, so it is never replaced.
type head struct {
	Seq  uint64 `json:"seq"`
	Hash string `json:"hash"`
	Gen  uint64 `json:"gen"`  // rotated files made so far
	Size int64  `json:"size"` // bytes of the active file up to and including record Seq
	// Flags are owed to the next record: a repair made by a process that
	// wrote nothing (Head, Open) is still told by the record that follows.
	Flags []string `json:"flags,omitempty"`
}

// headSize is the fixed size of the head file: the JSON padded with blanks.
const headSize = 256

func (h head) encode() []byte {
	var b [headSize]byte
	return h.encodeTo(&b)[:]
}

// encodeTo lays h out in b: its JSON padded with blanks to headSize bytes.
func (h head) encodeTo(b *[headSize]byte) *[headSize]byte {
	e := append(b[:0], `{"seq":`...)
	e = strconv.AppendUint(e, h.Seq, 10)
	e = append(append(append(e, `,"hash":"`...), h.Hash...), `","gen":`...)
	e = strconv.AppendUint(e, h.Gen, 10)
	e = strconv.AppendInt(append(e, `,"size":`...), h.Size, 10)
	if len(h.Flags) > 0 {
		fl, _ := json.Marshal(h.Flags)
		e = fmt.Appendf(e, `,"flags":%s`, fl)
	}
	e = append(e, '}')
	for len(e) < headSize-1 {
		e = append(e, ' ')
	}
	e = append(e, '\n')
	if len(e) != headSize {
		// Longer than the file's size (flags past all reason): the
		// bytes as they are, cut; parseHead refuses them and the next
		// append rebuilds the head.
		copy(b[:], e)
		b[headSize-1] = '\n'
	}
	return b
}

func parseHead(b []byte) (head, bool) {
	b = bytes.TrimRight(b, " \n\x00")
	h, ok := parsePlainHead(b)
	if !ok {
		if len(b) == 0 {
			return head{}, false
		}
		if h, ok = unmarshalHead(b); !ok {
			return head{}, false
		}
	}
	if h.Size < 0 || h.Seq == 0 && h.Hash != "" || h.Seq > 0 && len(h.Hash) != 64 {
		return head{}, false
	}
	return h, true
}

// unmarshalHead decodes b as JSON: a head of its own, so that only this
// path hands one to the decoder (which moves it to the heap).
func unmarshalHead(b []byte) (head, bool) {
	var h head
	if json.Unmarshal(b, &h) != nil {
		return head{}, false
	}
	return h, true
}

// parsePlainHead reads a head exactly as encode writes one without flags,
// which is the head file almost always, without the reflection of
// encoding/json; ok is false for anything else (flags, other spacing, an
// odd number), which parseHead then decodes as JSON.
func parsePlainHead(b []byte) (h head, ok bool) {
	field := func(prefix string) ([]byte, bool) {
		rest, ok := bytes.CutPrefix(b, []byte(prefix))
		if !ok {
			return nil, false
		}
		b = rest
		return b, true
	}
	number := func() (uint64, bool) {
		i := 0
		for i < len(b) && b[i] >= '0' && b[i] <= '9' {
			i++
		}
		if i == 0 || i > 18 || i > 1 && b[0] == '0' {
			return 0, false
		}
		v, err := strconv.ParseUint(string(b[:i]), 10, 64)
		b = b[i:]
		return v, err == nil
	}
	var size uint64
	if _, ok = field(`{"seq":`); !ok {
		return head{}, false
	}
	if h.Seq, ok = number(); !ok {
		return head{}, false
	}
	if _, ok = field(`,"hash":"`); !ok {
		return head{}, false
	}
	i := 0
	for i < len(b) && (b[i] >= '0' && b[i] <= '9' || b[i] >= 'a' && b[i] <= 'f') {
		i++
	}
	h.Hash, b = string(b[:i]), b[i:]
	if _, ok = field(`","gen":`); !ok {
		return head{}, false
	}
	if h.Gen, ok = number(); !ok {
		return head{}, false
	}
	if _, ok = field(`,"size":`); !ok {
		return head{}, false
	}
	if size, ok = number(); !ok {
		return head{}, false
	}
	h.Size = int64(size)
	if string(b) != "}" {
		return head{}, false
	}
	return h, true
}

// readHead reads the head file; ok is false when it is empty or damaged.
// The head is read through a mapping once the file is whole: a load from
// the page cache, which any process's writeHead updates, where a pread(2)
// would be one more system call in every append. Bytes past a shorter
// file's end read as zeros, which parseHead trims as it trims a short
// read; a file cut to nothing under the mapping faults, and the head is
// then read with pread(2) again. Bytes equal to the last head this Log
// read or wrote are that head, without parsing them again.
// mapHeads is false to read and write the head with pread(2) and
// pwrite(2) always (benchmarks compare the two).
var mapHeads = true

func (l *Log) readHead() (head, bool, error) {
	buf := &l.readBuf // a local array would be moved to the heap (readAt)
	n, mapped := 0, false
	if l.headMap != nil {
		if n, mapped = readMapped(l.headMap, buf[:]); !mapped {
			unmapHead(l.headMap)
			l.headMap = nil
		}
	}
	if !mapped {
		var err error
		n, err = readAt(l.headf, buf[:], 0)
		if err != nil && err != io.EOF {
			return head{}, false, fmt.Errorf("audit: read head: %w", err)
		}
		if n == headSize && mapHeads {
			l.headMap = mapHead(l.headf)
		}
	}
	if n == headSize && l.knownOK && *buf == l.known {
		h := l.knownHead
		h.Flags = slices.Clone(h.Flags)
		return h, true, nil
	}
	h, ok := parseHead(buf[:n])
	if ok && n == headSize {
		l.remember(buf, h)
	}
	return h, ok, nil
}

// remember keeps the bytes of the head file and the head they hold.
func (l *Log) remember(b *[headSize]byte, h head) {
	l.known, l.knownHead, l.knownOK = *b, h, true
	l.knownHead.Flags = slices.Clone(h.Flags)
}

// writeHead writes h over the head file: through the mapping when the
// file was whole when the lock was taken (see storeMapped), else with one
// pwrite(2). Through the mapping the head's mtime moves only when the page
// is written back; nothing reads it.
func (l *Log) writeHead(h head) error {
	b := h.encodeTo(&l.headBuf)
	l.knownOK = false
	if l.headMap != nil && l.headWhole {
		if storeMapped(l.headMap, b[:]) {
			l.remember(b, h)
			return nil
		}
		unmapHead(l.headMap)
		l.headMap = nil
	}
	if _, err := writeAt(l.headf, b[:], 0); err != nil {
		return fmt.Errorf("audit: write head: %w", err)
	}
	l.remember(b, h)
	return nil
}

// sync brings the head and the active file into agreement, under the lock,
// and returns the head the next record chains from, with the flags that
// record must carry if something had to be repaired.
func (l *Log) sync() (head, []string, error) {
	h, ok, err := l.readHead()
	if err != nil {
		return h, nil, err
	}
	if !ok {
		if h, err = l.rebuild(); err != nil {
			return h, nil, err
		}
	}
	if l.f == nil || l.gen != h.Gen {
		if err := l.openActive(); err != nil {
			return h, nil, err
		}
		l.gen = h.Gen
	}
	size, linked, err := fileState(l.f)
	if err != nil {
		return h, nil, fmt.Errorf("audit: %w", err)
	}
	if !linked { // removed behind our back
		if err := l.openActive(); err != nil {
			return h, nil, err
		}
		if size, _, err = fileState(l.f); err != nil {
			return h, nil, fmt.Errorf("audit: %w", err)
		}
	}
	if size == h.Size && ok {
		return h, h.Flags, nil
	}
	return l.recover(h, size)
}

// recover handles an active file whose size is not the one the head
// records. See Log for the cases.
func (l *Log) recover(h head, size int64) (head, []string, error) {
	if size < h.Size {
		if st, err := os.Stat(rotatedName(l.path, h.Gen+1)); err == nil && st.Size() == h.Size {
			// A rotation renamed the file and died before the head said so.
			h.Gen, h.Size = h.Gen+1, 0
			l.gen = h.Gen
		} else {
			// Cut: chain from the head regardless, so the gap shows.
			h.Flags = addFlag(h.Flags, FlagAfterTruncation)
			last, err := lastNewline(l.f, size)
			if err != nil {
				return h, nil, err
			}
			h.Size = last
		}
	}
	if size > h.Size {
		var err error
		var torn bool
		if h, torn, err = l.adopt(h, size); err != nil {
			return h, nil, err
		}
		if torn {
			h.Flags = addFlag(h.Flags, FlagAfterTorn)
		}
	}
	if err := l.writeHead(h); err != nil {
		return h, nil, err
	}
	return h, h.Flags, nil
}

func addFlag(flags []string, f string) []string {
	for _, g := range flags {
		if g == f {
			return flags
		}
	}
	return append(flags, f)
}

// adopt reads the active file from h.Size to size: whole records that chain
// from h extend it (a writer died before updating the head); lines that do
// not are left for Verify to report; a torn last line is set aside.
func (l *Log) adopt(h head, size int64) (head, bool, error) {
	r := NewReader(io.NewSectionReader(l.f, h.Size, size-h.Size))
	x := newHasher()
	chaining := true
	for {
		b, err := r.ReadLine()
		if err == io.EOF {
			return h, false, nil
		}
		le, isLine := err.(*LineError)
		if isLine && le.Err == ErrTorn {
			if err := l.setAside(h, h.Size, b); err != nil {
				return h, false, err
			}
			if err := truncate(l.f, h.Size); err != nil {
				return h, false, fmt.Errorf("audit: truncate torn line: %w", err)
			}
			l.reserved = 0 // the cut gave back what was reserved
			return h, true, nil
		}
		if err != nil && !isLine {
			return h, false, fmt.Errorf("audit: %w", err)
		}
		if chaining && err == nil {
			f, bad := x.check(b)
			if bad == "" && f.seq == h.Seq+1 && string(f.prev) == h.Hash {
				h.Seq, h.Hash = f.seq, string(f.hash)
			} else {
				chaining = false
			}
		} else {
			chaining = false
		}
		h.Size += r.End() - r.Offset()
	}
}

// tornRecord is one line of the .torn file.
type tornRecord struct {
	File     string `json:"file"`
	Offset   int64  `json:"offset"`
	Bytes    int    `json:"bytes"`
	AfterSeq uint64 `json:"after_seq"`
	Data     string `json:"data"` // base64
}

// setAside appends torn bytes to the .torn file before they are cut off.
func (l *Log) setAside(h head, off int64, b []byte) error {
	line, _ := json.Marshal(tornRecord{
		File: filepath.Base(l.path), Offset: off, Bytes: len(b), AfterSeq: h.Seq,
		Data: base64.StdEncoding.EncodeToString(b),
	})
	f, err := openFile(TornName(l.path), os.O_WRONLY|os.O_APPEND|os.O_CREATE, 0o600)
	if err != nil {
		return fmt.Errorf("audit: set torn line aside: %w", err)
	}
	defer f.Close()
	if _, err := f.Write(append(line, '\n')); err != nil {
		return fmt.Errorf("audit: set torn line aside: %w", err)
	}
	return f.Sync() // the bytes are about to be cut from the log
}

// lastNewline returns the offset just past the last newline in f's first
// size bytes (0 when there is none), reading backwards from the end.
func lastNewline(f io.ReaderAt, size int64) (int64, error) {
	buf := make([]byte, 64<<10)
	for end := size; end > 0; {
		start := max(end-int64(len(buf)), 0)
		n, err := f.ReadAt(buf[:end-start], start)
		if err != nil && err != io.EOF {
			return 0, err
		}
		if i := bytes.LastIndexByte(buf[:n], '\n'); i >= 0 {
			return start + int64(i) + 1, nil
		}
		end = start
	}
	return 0, nil
}

// rebuild recreates a lost or damaged head from the files: the generation
// from the rotated files, the last record from the end of the active file
// (or of the newest rotated file when the active one holds none).
func (l *Log) rebuild() (head, error) {
	var h head
	gens, err := rotatedGens(l.path)
	if err != nil {
		return h, err
	}
	if len(gens) > 0 {
		h.Gen = gens[len(gens)-1]
	}
	if err := l.openActive(); err != nil {
		return h, err
	}
	l.gen = h.Gen
	f, found, err := lastFrame(l.f)
	if err != nil {
		return h, err
	}
	if found {
		h.Seq, h.Hash = f.seq, string(f.hash)
		h.Size = f.end
		return h, nil
	}
	// No record in the active file: whatever is there is torn or foreign
	// and is left to recover; the chain ends in the newest rotated file.
	h.Size = 0
	if len(gens) > 0 {
		rf, err := os.Open(rotatedName(l.path, h.Gen))
		if err != nil {
			return h, fmt.Errorf("audit: %w", err)
		}
		defer rf.Close()
		f, found, err := lastFrame(rf)
		if err != nil {
			return h, err
		}
		if found {
			h.Seq, h.Hash = f.seq, string(f.hash)
		}
	}
	return h, nil
}

// tailFrame is the frame of the last record of a file and the offset just
// past its line.
type tailFrame struct {
	seq  uint64
	hash []byte
	end  int64
}

// lastFrame finds the last whole record in f by reading backwards from its
// end, at most 2*MaxRecord bytes: O(1) in the length of the log.
func lastFrame(f *os.File) (tailFrame, bool, error) {
	st, err := f.Stat()
	if err != nil {
		return tailFrame{}, false, fmt.Errorf("audit: %w", err)
	}
	size := st.Size()
	start := max(size-2*MaxRecord, 0)
	for window := int64(64 << 10); ; window *= 4 {
		from := max(size-window, start)
		buf := make([]byte, size-from)
		if _, err := f.ReadAt(buf, from); err != nil && err != io.EOF {
			return tailFrame{}, false, fmt.Errorf("audit: %w", err)
		}
		x := newHasher()
		// Walk whole lines from the last back; the first may be partial
		// unless the window starts the file.
		end := bytes.LastIndexByte(buf, '\n')
		for end >= 0 {
			i := bytes.LastIndexByte(buf[:end], '\n')
			if i < 0 && from > 0 {
				break // the line may begin before the window
			}
			if fr, bad := x.check(buf[i+1 : end]); bad == "" {
				return tailFrame{seq: fr.seq, hash: bytes.Clone(fr.hash), end: from + int64(end) + 1}, true, nil
			}
			end = i
		}
		if from == start {
			if bytes.IndexByte(buf, '\n') >= 0 && size > 0 {
				return tailFrame{}, false, fmt.Errorf("audit: %s: no whole record in its last %d bytes; run rampart-audit verify", f.Name(), size-from)
			}
			return tailFrame{}, false, nil
		}
	}
}

// rotatedGens lists the generations of the rotated files beside path.
func rotatedGens(path string) ([]uint64, error) {
	dir, base := filepath.Split(path)
	if dir == "" {
		dir = "."
	}
	ents, err := os.ReadDir(dir)
	if err != nil {
		return nil, fmt.Errorf("audit: %w", err)
	}
	var gens []uint64
	for _, e := range ents {
		rest, ok := strings.CutPrefix(e.Name(), base+".")
		if !ok || rest == "" || rest[0] == '0' {
			continue
		}
		if g, err := strconv.ParseUint(rest, 10, 64); err == nil {
			gens = append(gens, g)
		}
	}
	sort.Slice(gens, func(i, j int) bool { return gens[i] < gens[j] })
	return gens, nil
}
