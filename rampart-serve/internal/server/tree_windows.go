package server

import (
	"errors"
	"fmt"
	"os/exec"
	"syscall"

	"golang.org/x/sys/windows"
)

// posixShell is the shell exec commands run in: sh on PATH (Git for
// Windows and MSYS2 provide one). Policy reads a command as POSIX shell,
// so it never runs under cmd.exe or PowerShell, which would read the same
// text differently; without sh, exec fails and says so.
func posixShell() (string, error) {
	sh, err := exec.LookPath("sh")
	if err != nil {
		return "", errors.New("exec needs a POSIX shell and there is no sh on PATH (Git for Windows provides one); commands are never run by cmd.exe, which would read them differently from the policy")
	}
	return sh, nil
}

// killedExit is the exit code of a command killed on timeout, as a
// shell reports a SIGKILL (128+9).
const killedExit = 128 + 9

var ntResumeProcess = windows.NewLazySystemDLL("ntdll.dll").NewProc("NtResumeProcess")

// runTree runs cmd in a job object of its own, so that canceling its
// context kills the command and everything it started
// (TerminateJobObject), as a process group does on Unix. The process is
// created suspended and resumed only once it is in the job: nothing it
// starts can escape. Processes left running when the command exits are
// not killed, as on Unix.
func runTree(cmd *exec.Cmd) error {
	job, err := windows.CreateJobObject(nil, nil)
	if err != nil {
		return fmt.Errorf("job object: %w", err)
	}
	defer windows.CloseHandle(job)
	if cmd.SysProcAttr == nil {
		cmd.SysProcAttr = &syscall.SysProcAttr{}
	}
	cmd.SysProcAttr.CreationFlags |= windows.CREATE_SUSPENDED | windows.CREATE_NEW_PROCESS_GROUP
	cmd.Cancel = func() error { return windows.TerminateJobObject(job, killedExit) }
	if err := cmd.Start(); err != nil {
		return err
	}
	if err := enterJob(job, cmd.Process.Pid); err != nil {
		cmd.Process.Kill()
		cmd.Wait()
		return err
	}
	return cmd.Wait()
}

// enterJob puts the suspended process pid in job and resumes it.
func enterJob(job windows.Handle, pid int) error {
	p, err := windows.OpenProcess(windows.PROCESS_SET_QUOTA|windows.PROCESS_TERMINATE|windows.PROCESS_SUSPEND_RESUME, false, uint32(pid))
	if err != nil {
		return fmt.Errorf("open process %d: %w", pid, err)
	}
	defer windows.CloseHandle(p)
	if err := windows.AssignProcessToJobObject(job, p); err != nil {
		return fmt.Errorf("job object: %w", err)
	}
	if err := ntResumeProcess.Find(); err != nil {
		return err
	}
	if st, _, _ := ntResumeProcess.Call(uintptr(p)); st != 0 {
		return fmt.Errorf("resume process %d: %w", pid, windows.NTStatus(st))
	}
	return nil
}
