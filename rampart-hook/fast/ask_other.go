//go:build !linux

package main

import (
	"os"
	"path/filepath"
	"syscall"
)

// main runs rampart-hook in this process's place: without SO_PEERCRED the
// process listening on a socket cannot be checked, so no decider is
// asked here.
func main() {
	bin := "rampart-hook"
	if exe, err := os.Executable(); err == nil {
		bin = filepath.Join(filepath.Dir(exe), bin)
	}
	err := syscall.Exec(bin, append([]string{bin}, os.Args[1:]...), os.Environ())
	os.Stderr.WriteString(msgNoExec[:len(msgNoExec)-1] + " (" + err.Error() + ")\n")
	os.Exit(2)
}
