package main

import (
	"os"
	"os/exec"
	"syscall"

	"golang.org/x/sys/windows"
)

// signalable starts cmd in a console process group of its own, the only
// thing a console control event can be sent to.
func signalable(cmd *exec.Cmd) {
	if cmd.SysProcAttr == nil {
		cmd.SysProcAttr = &syscall.SysProcAttr{}
	}
	cmd.SysProcAttr.CreationFlags |= windows.CREATE_NEW_PROCESS_GROUP
}

// signalServer sends s to the server. Windows has no signals: os.Kill
// terminates it, and any other (an interrupt, the SIGTERM after the
// grace period) is a CTRL_BREAK_EVENT to its process group, which Go
// programs see as os.Interrupt and Node as SIGBREAK. Without a console to
// send it through, that fails, and the server is killed when the next
// grace period ends, as on Unix when it ignores SIGTERM.
func signalServer(p *os.Process, s os.Signal) error {
	if s == os.Kill {
		return p.Kill()
	}
	return windows.GenerateConsoleCtrlEvent(windows.CTRL_BREAK_EVENT, uint32(p.Pid))
}
