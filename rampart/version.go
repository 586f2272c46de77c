package main

import (
	"bytes"
	"context"
	"fmt"
	"os/exec"
	"runtime/debug"
	"strings"
	"text/tabwriter"
	"time"
)

// versionTimeout bounds each binary's --version: a program that hangs
// must not hang rampart version.
const versionTimeout = 3 * time.Second

// version prints rampart's own version, then each binary's: where it was
// found and what its --version says. It exits 0 even when some are missing,
// since that is information, not failure.
func version(sys system) int {
	fmt.Fprintf(sys.stdout, "rampart %s\n", ownVersion())
	tw := tabwriter.NewWriter(sys.stdout, 0, 4, 2, ' ', 0)
	for _, b := range binaries {
		path, err := findBinary(b, sys.exeDir, sys.path)
		if err != nil {
			fmt.Fprintf(tw, "%s\tnot found\n", b)
			continue
		}
		v := "no version"
		if out, err := sys.output(path, "--version"); err == nil {
			if s := firstLine(out, b); s != "" {
				v = s
			}
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\n", b, v, path)
	}
	tw.Flush()
	return 0
}

// ownVersion is the -X main.Version stamp, else the module version.
func ownVersion() string {
	if Version != "" {
		return Version
	}
	if bi, ok := debug.ReadBuildInfo(); ok && bi.Main.Version != "" && bi.Main.Version != "(devel)" {
		return bi.Main.Version
	}
	return "devel"
}

// firstLine returns the first line of a --version output, without a
// leading program name.
func firstLine(out []byte, name string) string {
	line, _, _ := bytes.Cut(out, []byte("\n"))
	s := strings.TrimSpace(string(line))
	s = strings.TrimSpace(strings.TrimPrefix(s, name))
	const maxLen = 80 // one column of a table, not a log
	if len(s) > maxLen {
		s = s[:maxLen]
	}
	return s
}

// briefOutput runs path with args for at most versionTimeout and returns
// its stdout.
func briefOutput(path string, args ...string) ([]byte, error) {
	ctx, cancel := context.WithTimeout(context.Background(), versionTimeout)
	defer cancel()
	cmd := exec.CommandContext(ctx, path, args...)
	cmd.WaitDelay = time.Second
	return cmd.Output()
}
