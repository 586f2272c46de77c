// Package stdio hands a relay its standard input and output as files the Go
// runtime's poller waits on, where that is safe.
//
// Go reads os.Stdin and writes os.Stdout with blocking system calls unless
// the descriptor was already non-blocking, and MCP clients spawn their
// servers on blocking sockets or pipes. A goroutine blocked in read(2) holds
// its thread and, until the runtime's monitor takes it back (a thread that
// wakes every 20 µs or more while it keeps doing so), the only processor of a
// relay running one thread at a time: the server's answer, ready on the
// poller, waits meanwhile, and a second thread is woken for it. Through the
// poller both directions wait in one epoll_wait and a message costs its
// read and its write.
package stdio

import "os"

// Streams are the relay's standard input and output.
type Streams struct {
	In  *os.File
	Out *os.File
	// restore undoes what Open changed on the descriptors.
	restore []func()
}

// Close gives the descriptors back as Open found them (blocking), so that
// whatever else holds them, such as a shell, is not left with a
// non-blocking terminal or pipe. The Files stay usable for reading and
// writing until the process exits.
func (s *Streams) Close() {
	for _, f := range s.restore {
		f()
	}
	s.restore = nil
}
