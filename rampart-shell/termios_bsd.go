//go:build darwin || freebsd || netbsd || openbsd || dragonfly

package main

import "golang.org/x/sys/unix"

// ioctlGetTermios is the request that reads a terminal's settings; it fails
// on anything that is not a terminal (TCGETS is Linux's name for it).
const ioctlGetTermios = unix.TIOCGETA
