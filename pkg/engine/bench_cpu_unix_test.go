//go:build unix

package engine

import "syscall"

// cpuNanos is the CPU time the process has used, every thread (the
// collector's too), in nanoseconds; ok is false when it cannot tell.
func cpuNanos() (int64, bool) {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0, false
	}
	return ru.Utime.Nano() + ru.Stime.Nano(), true
}
