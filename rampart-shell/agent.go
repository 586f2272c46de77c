package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"os/signal"
	"syscall"
	"time"

	"golang.org/x/sys/unix"
)

// forwarded are the signals passed on to the agent. SIGINT and SIGQUIT
// typed at a terminal already reach the agent (the whole foreground process
// group gets them), so with a terminal they are only swallowed here; sent
// to rampart-shell alone (kill -INT PID, no terminal) they are forwarded.
var forwarded = []os.Signal{
	syscall.SIGINT, syscall.SIGQUIT, syscall.SIGTERM, syscall.SIGHUP,
	syscall.SIGUSR1, syscall.SIGUSR2,
}

// runAgent runs argv with env, forwarding signals, and returns the exit
// status to pass through: the agent's own, or 128+N and N when signal N
// killed it.
func runAgent(argv, env []string, stdin *os.File, stderr io.Writer) (int, syscall.Signal) {
	cmd := exec.Command(argv[0], argv[1:]...)
	cmd.Env = env
	cmd.Stdin, cmd.Stdout, cmd.Stderr = stdin, os.Stdout, os.Stderr
	if f, ok := stderr.(*os.File); ok {
		cmd.Stderr = f
	} else {
		cmd.Stderr = stderr
	}
	sigs := make(chan os.Signal, 8)
	signal.Notify(sigs, forwarded...)
	defer signal.Stop(sigs)
	if err := cmd.Start(); err != nil {
		fmt.Fprintf(stderr, "rampart-shell: error: %v\n", err)
		if errors.Is(err, exec.ErrNotFound) || errors.Is(err, os.ErrNotExist) {
			return exitNoShell, 0
		}
		return exitFailed, 0
	}
	tty := isTTY(stdin)
	done := make(chan struct{})
	go func() {
		for {
			select {
			case s := <-sigs:
				if tty && (s == syscall.SIGINT || s == syscall.SIGQUIT) {
					continue
				}
				cmd.Process.Signal(s)
			case <-done:
				return
			}
		}
	}()
	err := cmd.Wait()
	close(done)
	if err == nil {
		return 0, 0
	}
	var ee *exec.ExitError
	if !errors.As(err, &ee) {
		fmt.Fprintf(stderr, "rampart-shell: error: %v\n", err)
		return exitFailed, 0
	}
	if ws, ok := ee.Sys().(syscall.WaitStatus); ok && ws.Signaled() {
		return 128 + int(ws.Signal()), ws.Signal()
	}
	return ee.ExitCode(), 0
}

// reraise ends this process with the signal that ended the agent, so that
// a parent shell sees "killed by SIGTERM" rather than a status.
func reraise(sig syscall.Signal) {
	switch sig {
	case 0:
		return
	case syscall.SIGQUIT, syscall.SIGABRT, syscall.SIGSEGV, syscall.SIGBUS, syscall.SIGILL, syscall.SIGFPE:
		// Would dump core for the agent's fault: report the status only.
		return
	}
	signal.Reset(sig)
	syscall.Kill(os.Getpid(), sig)
	// Delivery is asynchronous: give it time before the status is used.
	time.Sleep(time.Second)
}

func isTTY(f *os.File) bool {
	_, err := unix.IoctlGetTermios(int(f.Fd()), ioctlGetTermios)
	return err == nil
}

// setEnv returns env with name=value, replacing any existing entries.
func setEnv(env []string, name, value string) []string {
	out := env[:0:0]
	for _, e := range env {
		if len(e) > len(name) && e[:len(name)] == name && e[len(name)] == '=' {
			continue
		}
		out = append(out, e)
	}
	return append(out, name+"="+value)
}

// unsetEnv returns env without name.
func unsetEnv(env []string, name string) []string {
	out := env[:0:0]
	for _, e := range env {
		if len(e) > len(name) && e[:len(name)] == name && e[len(name)] == '=' {
			continue
		}
		out = append(out, e)
	}
	return out
}
