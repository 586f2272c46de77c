//go:build unix

package server

import (
	"os/exec"
	"syscall"
)

// posixShell is the shell exec commands run in.
func posixShell() (string, error) { return "/bin/sh", nil }

// runTree runs cmd in a process group of its own; canceling its context
// kills the whole group with SIGKILL.
func runTree(cmd *exec.Cmd) error {
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	cmd.Cancel = func() error { return syscall.Kill(-cmd.Process.Pid, syscall.SIGKILL) }
	return cmd.Run()
}
