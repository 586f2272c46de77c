package main

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"os"
	"syscall"
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
		if f, err = os.Open(in.files[len(in.files)-1]); err != nil {
			return err
		}
		defer f.Close()
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
	return a.follow(ctx, in.files[len(in.files)-1], f, off, asJSON)
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
// new file when the log rotates, until ctx is done.
func (a *app) follow(ctx context.Context, path string, f *os.File, off int64, asJSON bool) error {
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
		// switch under the lock): read it to its end, then move on.
		if st, err := os.Stat(path); err == nil && !sameFile(st, f) {
			if nf, err := os.Open(path); err == nil {
				if err := drain(); err != nil {
					nf.Close()
					return err
				}
				if len(partial) > 0 {
					a.warnf("%s: torn last line (%d bytes) before rotation", f.Name(), len(partial))
				}
				f.Close()
				f, partial = nf, nil
				continue
			}
		}
		select {
		case <-ctx.Done():
			f.Close()
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
	a, ok1 := st.Sys().(*syscall.Stat_t)
	b, ok2 := fst.Sys().(*syscall.Stat_t)
	return ok1 && ok2 && a.Dev == b.Dev && a.Ino == b.Ino
}
