//go:build unix

package main

import "syscall"

// openNoWait makes opening a named pipe return at once, without waiting
// for its writer.
const openNoWait = syscall.O_NONBLOCK
