//go:build !linux

package main

import "syscall"

// serverProcAttr puts rampart-eval in its own process group.
func serverProcAttr() *syscall.SysProcAttr {
	return &syscall.SysProcAttr{Setpgid: true}
}
