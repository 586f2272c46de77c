package main

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"syscall"
)

// Exit statuses of the dispatcher itself. Once the owning binary runs, its
// own status is rampart's, since rampart has become that process.
const (
	exitUsage    = 2   // unknown verb, missing or unknown sub-verb
	exitCantExec = 126 // the binary was found but could not be started (as sh(1))
	exitNotFound = 127 // no binary owns the verb here (as sh(1))
)

// Version is set at build time with -ldflags "-X main.Version=v1.2.3".
var Version string

func main() {
	os.Exit(run(os.Args[1:], newSystem()))
}

// system is everything run needs from the outside world, so that tests can
// stand in for the exec and the environment.
type system struct {
	stdout, stderr io.Writer
	// exeDir is the directory rampart itself lives in ("" if unknown);
	// binaries there win over those on PATH.
	exeDir string
	// path is $PATH.
	path string
	env  []string
	// exec replaces the process; it returns only on failure.
	exec func(path string, argv, env []string) error
	// output runs a program briefly and returns its stdout (rampart version).
	output func(path string, args ...string) ([]byte, error)
}

func newSystem() system {
	s := system{
		stdout: os.Stdout,
		stderr: os.Stderr,
		path:   os.Getenv("PATH"),
		env:    os.Environ(),
		exec:   syscall.Exec,
		output: briefOutput,
	}
	if exe, err := os.Executable(); err == nil {
		s.exeDir = filepath.Dir(exe)
	}
	return s
}

// run dispatches args (without the program name) and returns the exit
// status; on success it never returns, since the process becomes the
// binary that owns the verb.
func run(args []string, sys system) int {
	t, code, done := resolve(args, sys)
	if done {
		return code
	}
	path, err := findBinary(t.bin, sys.exeDir, sys.path)
	if err != nil && t.external {
		reportUsage(sys, &usageError{msg: fmt.Sprintf("unknown verb %q", t.verb), hint: suggestion(t.verb)})
		return exitUsage
	}
	if err != nil {
		fmt.Fprintf(sys.stderr, "rampart: error: %v\n", err)
		fmt.Fprintf(sys.stderr, "rampart: hint: install the Rampart binaries together (make install), or put %s on PATH\n", t.bin)
		return exitNotFound
	}
	argv := append([]string{path}, t.args...)
	err = sys.exec(path, argv, sys.env)
	// exec only returns on failure.
	fmt.Fprintf(sys.stderr, "rampart: error: cannot run %s: %v\n", path, err)
	return exitCantExec
}
