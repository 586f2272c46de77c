//go:build unix

package main

import (
	"os"
	"os/exec"
)

// signalable prepares cmd so that signalServer can reach it: nothing to
// do on Unix.
func signalable(cmd *exec.Cmd) {}

// signalServer sends s to the server.
func signalServer(p *os.Process, s os.Signal) error { return p.Signal(s) }
