package main

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"slices"
	"time"

	"github.com/peterbourgon/ff/v3/ffcli"

	"rampart.dev/pkg/audit"
)

// pollEvery is how often -follow looks for new records: fast enough to feel
// live, slow enough to cost nothing.
const pollEvery = 200 * time.Millisecond

func (a *app) tailCmd() *ffcli.Command {
	var c common
	fs := a.newFlags("tail", &c)
	n := fs.Int("n", 10, "how many of the newest records to print")
	follow := fs.Bool("follow", false, "then print new records as they are written, across rotations, until interrupted")
	return &ffcli.Command{
		Name:       "tail",
		ShortUsage: "rampart-audit tail [-n N] [-follow] [flags] [FILE...]",
		ShortHelp:  "print the newest records, and follow the log",
		FlagSet:    fs,
		// No RAMPART_ environment variables: see newFlags.
		Exec: func(ctx context.Context, args []string) error {
			asJSON, err := a.asJSON(&c)
			if err != nil {
				return err
			}
			if *n < 0 {
				return fmt.Errorf("-n must not be negative")
			}
			in, err := a.input(&c, args)
			if err != nil {
				return err
			}
			if *follow && in.stdin != nil {
				return fmt.Errorf("-follow can't be used with stdin")
			}
			return a.tail(ctx, in, *n, *follow, asJSON)
		},
	}
}

func (a *app) tail(ctx context.Context, in input, n int, follow, asJSON bool) error {
	// Hold the newest file open from the start, so that following goes on
	// from exactly where the last N ended.
	var f *os.File
	if follow {
		var err error
		if in, f, err = holdNewest(in); err != nil {
			return err
		}
		defer func() { f.Close() }()
	}
	ring := make([][]byte, 0, n)
	keep := func(line []byte) {
		if n == 0 {
			return
		}
		if len(ring) == n {
			copy(ring, ring[1:])
			ring = ring[:n-1]
		}
		ring = append(ring, bytes.Clone(line))
	}
	var off int64
	if follow {
		// Earlier files, then the held one up to its last whole line.
		earlier := in
		earlier.files = in.files[:len(in.files)-1]
		if err := a.lines(earlier, func(_ string, _ int, b []byte) error { keep(b); return nil }); err != nil {
			return err
		}
		rd := audit.NewReader(f)
		for {
			b, err := rd.ReadLine()
			if err == io.EOF {
				break
			}
			if le, ok := err.(*audit.LineError); ok && le.Err == audit.ErrTorn {
				break // half written: it will be whole, or set aside, by the time we read again
			}
			if err == nil {
				keep(b)
			}
			off = rd.End()
		}
	} else if err := a.lines(in, func(_ string, _ int, b []byte) error { keep(b); return nil }); err != nil {
		return err
	}
	if !asJSON && (len(ring) > 0 || follow) {
		fmt.Fprintln(a.stdout, recordHeader)
	}
	for _, b := range ring {
		a.print(b, asJSON)
	}
	if !follow {
		return nil
	}
	return a.follow(ctx, in.files[len(in.files)-1], &f, off, asJSON)
}

// listTries bounds how often the files are listed again when rotations keep
// coming between a listing and an open.
const listTries = 8

// holdNewest opens the newest file of in. For a log, the files are listed
// again after the open, until a listing and the file held agree: a rotation
// between the listing and the open would otherwise hold the new active file
// and leave the file rotated out of the listing unread.
func holdNewest(in input) (input, *os.File, error) {
	if in.log == "" {
		f, err := audit.OpenRead(in.files[len(in.files)-1])
		return in, f, err
	}
	for range listTries {
		if len(in.files) > 0 && in.files[len(in.files)-1] == in.log {
			f, err := audit.OpenRead(in.log)
			if err != nil && !errors.Is(err, fs.ErrNotExist) {
				return in, nil, err
			}
			if err == nil {
				files, err := audit.Files(in.log)
				if err == nil && slices.Equal(files, in.files) && isActive(in.log, f) {
					return in, f, nil
				}
				f.Close()
			}
		}
		files, err := audit.Files(in.log)
		if err != nil && !errors.Is(err, fs.ErrNotExist) {
			return in, nil, err
		}
		in.files = files
	}
	return in, nil, fmt.Errorf("%s keeps rotating while being opened; try again", in.log)
}

// nextFile opens the file that follows f among path's files (rotated ones
// oldest first, then path): nil if there is none yet, or if a rotation came
// between the listing and the open (then try again). Taking the files in
// turn means several rotations between two polls skip none of them.
func nextFile(path string, f *os.File) (*os.File, error) {
	files, err := audit.Files(path)
	if err != nil && !errors.Is(err, fs.ErrNotExist) {
		return nil, err
	}
	for i, name := range files {
		if st, err := os.Stat(name); err != nil || !sameFile(st, f) {
			continue
		}
		if i+1 == len(files) {
			return nil, nil
		}
		nf, err := audit.OpenRead(files[i+1])
		if errors.Is(err, fs.ErrNotExist) {
			return nil, nil
		}
		if err != nil {
			return nil, err
		}
		again, err := audit.Files(path)
		if err == nil && slices.Equal(files, again) && (files[i+1] != path || isActive(path, nf)) {
			return nf, nil
		}
		nf.Close()
		return nil, nil
	}
	return nil, errNotListed
}

// errNotListed: the file being read is not among the log's files.
var errNotListed = errors.New("no longer one of the log's files")

// isActive reports whether f is the file called path now.
func isActive(path string, f *os.File) bool {
	st, err := os.Stat(path)
	return err == nil && sameFile(st, f)
}

// print writes one stored line, as it is or as text.
func (a *app) print(b []byte, asJSON bool) {
	rec, err := audit.ParseRecord(b)
	if err != nil {
		a.warnf("%v", err)
		return
	}
	writeRecord(a.stdout, asJSON, rec, b)
}

// follow prints whole lines appended to path from off on, and moves to the
// next file when the log rotates, until ctx is done. *fp is the file held,
// kept up to date so the caller closes the last one.
func (a *app) follow(ctx context.Context, path string, fp **os.File, off int64, asJSON bool) error {
	f := *fp
	if _, err := f.Seek(off, io.SeekStart); err != nil {
		return err
	}
	var partial []byte
	buf := make([]byte, 256<<10)
	t := time.NewTicker(pollEvery)
	defer t.Stop()
	drain := func() error {
		for {
			k, err := f.Read(buf)
			if k > 0 {
				partial = append(partial, buf[:k]...)
				for {
					i := bytes.IndexByte(partial, '\n')
					if i < 0 {
						break
					}
					a.print(partial[:i], asJSON)
					partial = partial[i+1:]
				}
				partial = append([]byte(nil), partial...)
			}
			if err == io.EOF || k == 0 {
				return nil
			}
			if err != nil {
				return err
			}
		}
	}
	misses := 0
	for {
		if err := drain(); err != nil {
			return err
		}
		// A torn line we hold part of was set aside and cut off by a
		// writer: read again from where it started.
		if len(partial) > 0 {
			pos, err1 := f.Seek(0, io.SeekCurrent)
			st, err2 := f.Stat()
			if err1 == nil && err2 == nil && st.Size() < pos {
				if _, err := f.Seek(pos-int64(len(partial)), io.SeekStart); err != nil {
					return err
				}
				partial = nil
				continue
			}
		}
		// Rotated? Once renamed, the held file gets no more records (writers
		// switch under the lock): read it to its end, then move on to the
		// file after it, which may itself be rotated already.
		if st, err := os.Stat(path); err != nil || !sameFile(st, f) {
			if err := drain(); err != nil {
				return err
			}
			nf, err := nextFile(path, f)
			switch {
			case err == errNotListed:
				// A listing made mid-rename, or the file removed.
				if misses++; misses >= listTries {
					return fmt.Errorf("%s: %w", f.Name(), err)
				}
			case err != nil:
				return err
			case nf != nil:
				misses = 0
				if len(partial) > 0 {
					a.warnf("%s: torn last line (%d bytes) before rotation", f.Name(), len(partial))
				}
				f.Close()
				f, partial = nf, nil
				*fp = f
				continue
			}
		}
		select {
		case <-ctx.Done():
			return nil
		case <-t.C:
		}
	}
}

func sameFile(st os.FileInfo, f *os.File) bool {
	fst, err := f.Stat()
	if err != nil {
		return false
	}
	return os.SameFile(st, fst)
}
