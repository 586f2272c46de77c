package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"syscall"

	"golang.org/x/sys/unix"
	"rampart.dev/pkg/call"
)

// maxScript bounds a script file or piped standard input that is read to
// be judged: far above a real agent's command, small enough to hold in
// memory. A longer one is denied rather than run unjudged.
const maxScript = 1 << 20

// Exit statuses of the shell, as sh has them.
const (
	exitDenied  = 126 // found but not run: what a shell returns for "permission denied"
	exitNoShell = 127
)

// shellArgs is what a sh/bash command line says about where the commands
// come from.
type shellArgs struct {
	hasC    bool     // -c: the first operand is the command string
	command string   // that string
	hasFile bool     // a script file operand (no -c, no -s)
	script  string   // its name
	rest    []string // operands after the command string or script
	stdin   bool     // commands come from standard input
	missing bool     // -c without its operand: the real shell reports it
}

// parseShellArgs reads sh and bash options: single-letter clusters after -
// or + (c and s change where commands come from; o and O take an
// argument), long options (--rcfile and --init-file take one), and -- or -
// ending them.
func parseShellArgs(args []string) shellArgs {
	var sa shellArgs
	i := 0
	s := false
options:
	for i < len(args) {
		a := args[i]
		switch {
		case a == "--" || a == "-":
			i++
			break options
		case strings.HasPrefix(a, "--"):
			i++
			if a == "--rcfile" || a == "--init-file" {
				i++
			}
		case len(a) > 1 && (a[0] == '-' || a[0] == '+'):
			i++
			for _, f := range a[1:] {
				switch f {
				case 'c':
					sa.hasC = true
				case 's':
					s = true
				case 'o', 'O':
					i++ // the option's name
				}
			}
		default:
			break options
		}
	}
	var operands []string
	if i < len(args) {
		operands = args[i:]
	}
	switch {
	case sa.hasC && len(operands) == 0:
		sa.missing = true
	case sa.hasC:
		sa.command, operands = operands[0], operands[1:]
	case !s && len(operands) > 0:
		sa.hasFile, sa.script, operands = true, operands[0], operands[1:]
	default:
		sa.stdin = true
	}
	if len(operands) > 0 {
		sa.rest = operands
	}
	return sa
}

// shim is rampart-shell as a shell: judge what it was asked to run, then
// exec the real shell with the same arguments.
func shim(argv0 string, args []string, stdin *os.File, stderr io.Writer) int {
	self, _ := os.Executable()
	real := realShell(os.Getenv, self)
	sa := parseShellArgs(args)
	var text string
	switch {
	case sa.missing:
		// Nothing to judge; the real shell prints its own usage error.
		return execShell(real, argv0, args, stderr)
	case sa.hasC:
		text = sa.command
		if len(sa.rest) > 0 {
			// "$0", "$1"... come from the operands: judge the whole
			// thing the way a shell would see it written out.
			text = "sh -c " + call.ShellQuote(sa.command) + " " + quoteAll(sa.rest)
		}
	case sa.hasFile:
		b, err := readScript(sa.script)
		if errors.Is(err, os.ErrNotExist) {
			// The real shell reports the missing file.
			return execShell(real, argv0, args, stderr)
		}
		if err != nil {
			return deny(stderr, fmt.Sprintf("cannot read the script to judge it: %v", err))
		}
		text = string(b)
	case isTerminal(stdin):
		// A person at a terminal: what they type is theirs.
		return execShell(real, argv0, args, stderr)
	default:
		b, err := readLimited(stdin)
		if err != nil {
			return deny(stderr, fmt.Sprintf("cannot read standard input to judge it: %v", err))
		}
		if err := replaceStdin(b); err != nil {
			return deny(stderr, fmt.Sprintf("cannot hand standard input to the shell: %v", err))
		}
		text = string(b)
	}
	if strings.TrimSpace(text) == "" {
		return execShell(real, argv0, args, stderr)
	}
	c := call.Call{
		Tool:    call.ToolExec,
		Params:  call.Params{"command": text},
		Agent:   envOr("RAMPART_AGENT", "rampart-shell"),
		Session: os.Getenv("RAMPART_SESSION"),
	}
	c.Cwd, _ = os.Getwd()
	d := decideCall(c, stderr)
	switch {
	case d.Decision == call.RequireApproval:
		if !approve(c, d, stderr) {
			return exitDenied
		}
	case d.Blocks():
		return deny(stderr, describe(d))
	}
	return execShell(real, argv0, args, stderr)
}

func describe(d call.Decision) string {
	msg := d.Message
	if msg == "" {
		msg = "blocked by policy"
	}
	if len(d.MatchedPolicies) > 0 {
		msg += " (" + strings.Join(d.MatchedPolicies, ", ") + ")"
	}
	return msg
}

func deny(stderr io.Writer, reason string) int {
	fmt.Fprintf(stderr, "rampart-shell: denied: %s\n", reason)
	return exitDenied
}

// execShell replaces this process with the real shell. A login shell
// (argv[0] starting with "-") stays one.
func execShell(real, argv0 string, args []string, stderr io.Writer) int {
	name := filepath.Base(real)
	if strings.HasPrefix(filepath.Base(argv0), "-") {
		name = "-" + name
	}
	err := syscall.Exec(real, append([]string{name}, args...), os.Environ())
	fmt.Fprintf(stderr, "rampart-shell: error: exec %s: %v\n", real, err)
	return exitNoShell
}

func readScript(name string) ([]byte, error) {
	f, err := os.Open(name)
	if errors.Is(err, os.ErrNotExist) && !strings.ContainsRune(name, '/') {
		// bash looks a script name up on $PATH when it is not here.
		for _, dir := range filepath.SplitList(os.Getenv("PATH")) {
			if g, gerr := os.Open(filepath.Join(dir, name)); gerr == nil {
				f, err = g, nil
				break
			}
		}
	}
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return readLimited(f)
}

func readLimited(r io.Reader) ([]byte, error) {
	b, err := io.ReadAll(io.LimitReader(r, maxScript+1))
	if err != nil {
		return nil, err
	}
	if len(b) > maxScript {
		return nil, fmt.Errorf("longer than %d bytes", maxScript)
	}
	return b, nil
}

// replaceStdin makes b the standard input the real shell will read: an
// unlinked temporary file on descriptor 0.
func replaceStdin(b []byte) error {
	f, err := os.CreateTemp("", "rampart-shell-stdin-")
	if err != nil {
		return err
	}
	defer f.Close()
	os.Remove(f.Name())
	if _, err := f.Write(b); err != nil {
		return err
	}
	if _, err := f.Seek(0, io.SeekStart); err != nil {
		return err
	}
	return unix.Dup2(int(f.Fd()), 0) // linux/arm64 has only dup3: x/sys/unix picks
}

func isTerminal(f *os.File) bool {
	st, err := f.Stat()
	return err == nil && st.Mode()&os.ModeCharDevice != 0
}

func quoteAll(words []string) string {
	q := make([]string, len(words))
	for i, w := range words {
		q[i] = call.ShellQuote(w)
	}
	return strings.Join(q, " ")
}

func envOr(name, def string) string {
	if v := os.Getenv(name); v != "" {
		return v
	}
	return def
}
