// Package rawio reads and writes a relay's pipes and sockets with raw
// system calls where they cannot block, waiting on the runtime's poller
// only when there is nothing to read or no room to write.
//
// os.File makes each read(2) and write(2) through the scheduler
// (entersyscall). In a relay that is idle between messages, the first such
// call wakes the runtime's monitor thread (sysmon), which then polls every
// 20 µs or more beside the message, and takes the processor away from any
// system call that runs past its tick, handing it to another thread (a
// futex wake-up) that the caller must then get it back from. A read or
// write of a non-blocking descriptor returns at once (data, or EAGAIN), so
// it need not go through the scheduler at all: made raw, a message costs
// its system calls and nothing else. A descriptor that is not
// non-blocking (a terminal, a file) is left to os.File, whose calls may
// wait.
package rawio

import (
	"io"
	"os"
)

// Reader returns r, reading f raw where f is non-blocking and on the
// poller; otherwise f itself.
func Reader(f *os.File) io.Reader {
	if r := wrap(f); r != nil {
		return r
	}
	return f
}

// Writer is Reader's counterpart for writing. os.Stdout and os.Stderr
// themselves stay with os.File, whose write to a broken pipe on
// descriptor 1 or 2 ends the program with SIGPIPE, as a Go program's does.
func Writer(f *os.File) io.Writer {
	if f == os.Stdout || f == os.Stderr {
		return f
	}
	if w := wrap(f); w != nil {
		return w
	}
	return f
}
