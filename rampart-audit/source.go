package main

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"

	"rampart.dev/pkg/audit"
)

// input is what a verb reads: a log (rotation-aware, with its head file),
// plain files in order, or standard input.
type input struct {
	log   string    // the log's active path, when reading a log
	files []string  // the files to read, oldest first
	stdin io.Reader // standard input, when reading it
}

// input resolves where a verb reads from: FILE arguments, else -file, else
// standard input when it is a file or a pipe, else the configured log.
func (a *app) input(c *common, args []string) (input, error) {
	if len(args) > 0 {
		if c.file != "" {
			return input{}, fmt.Errorf("-file can't be used with FILE arguments")
		}
		if len(args) == 1 && args[0] == "-" {
			return input{stdin: a.stdin}, nil
		}
		for _, f := range args {
			if f == "-" {
				return input{}, fmt.Errorf("standard input (-) can't be read with other files")
			}
		}
		return input{files: args}, nil
	}
	path := c.file
	if path == "" {
		if r := stdinData(a.stdin); r != nil {
			return input{stdin: r}, nil
		}
		path = a.env.home.AuditLog()
	}
	files, err := audit.Files(path)
	if err != nil && !errors.Is(err, fs.ErrNotExist) {
		return input{}, err
	}
	if len(files) == 0 {
		return input{}, fmt.Errorf("no audit log at %s", path)
	}
	return input{log: path, files: files}, nil
}

// stdinData returns standard input when something was redirected or piped
// into the command: a regular file, or a pipe that carries data. A terminal,
// /dev/null, or a pipe closed without data (as a parent process that gives
// its child an empty stdin leaves it) is no input, and the configured log is
// read instead. A pipe held open without data blocks, as it would for cat;
// name the log with -file, or give ssh -n, in that case.
func stdinData(r io.Reader) io.Reader {
	f, ok := r.(*os.File)
	if !ok {
		return r
	}
	st, err := f.Stat()
	if err != nil {
		return nil
	}
	switch m := st.Mode(); {
	case m.IsRegular():
		return f
	case m&os.ModeNamedPipe != 0:
		var b [1]byte
		if n, _ := f.Read(b[:]); n == 1 {
			return io.MultiReader(bytes.NewReader(b[:]), f)
		}
	}
	return nil
}

// name is how input is named in messages.
func (in input) name() string {
	if in.stdin != nil {
		return "stdin"
	}
	if in.log != "" {
		return in.log
	}
	return in.files[len(in.files)-1]
}

// lines calls fn with each line of the input, oldest first, naming its file
// and line number. Lines that cannot be read as lines (too long, torn at the
// end) are reported on stderr and skipped.
func (a *app) lines(in input, fn func(file string, n int, line []byte) error) error {
	each := func(name string, r io.Reader) error {
		rd := audit.NewReader(r)
		for {
			b, err := rd.ReadLine()
			if err == io.EOF {
				return nil
			}
			if le, ok := err.(*audit.LineError); ok {
				a.warnf("%s:%d: %v", name, le.Line, le.Err)
				continue
			}
			if err != nil {
				return fmt.Errorf("%s: %w", name, err)
			}
			if err := fn(name, rd.Line(), b); err != nil {
				return err
			}
		}
	}
	if in.stdin != nil {
		return each("stdin", in.stdin)
	}
	for _, name := range in.files {
		f, err := audit.OpenRead(name)
		if os.IsNotExist(err) && name == in.log {
			continue // rotated away since it was listed; its records are in the last rotated file
		}
		if err != nil {
			return err
		}
		err = each(name, f)
		f.Close()
		if err != nil {
			return err
		}
	}
	return nil
}

// records calls fn with each record of the input; lines that are not
// records are reported on stderr and skipped.
func (a *app) records(in input, fn func(rec audit.Record, line []byte) error) error {
	return a.lines(in, func(file string, n int, line []byte) error {
		rec, err := audit.ParseRecord(line)
		if err != nil {
			a.warnf("%s:%d: %v", file, n, err)
			return nil
		}
		return fn(rec, line)
	})
}
