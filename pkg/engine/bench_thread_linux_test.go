//go:build linux

package engine

import "syscall"

// rusageThread is RUSAGE_THREAD (Linux): the calling thread's usage.
const rusageThread = 1

// threadNanos is the CPU time the calling OS thread has used, in
// nanoseconds; ok is false when it cannot tell.
func threadNanos() (int64, bool) {
	var ru syscall.Rusage
	if err := syscall.Getrusage(rusageThread, &ru); err != nil {
		return 0, false
	}
	return ru.Utime.Nano() + ru.Stime.Nano(), true
}
