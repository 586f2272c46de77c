//go:build unix && !linux

package main

import "net"

// peerUID is not read on this system: the decider then serves no one, and
// rampart-hook-fast, which only asks one on Linux, decides in a process
// of its own.
func peerUID(*net.UnixConn) (int, bool) { return 0, false }
