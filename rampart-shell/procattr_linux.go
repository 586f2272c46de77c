package main

import "syscall"

// serverProcAttr puts rampart-eval in its own process group and ends it
// if rampart-shell dies without stopping it.
func serverProcAttr() *syscall.SysProcAttr {
	return &syscall.SysProcAttr{Setpgid: true, Pdeathsig: syscall.SIGTERM}
}
