//go:build linux && !386

package main

import (
	"os"
	"syscall"
	"testing"
	"time"
)

// benchDatagram asks req as librampart asks an exec's question: a fresh
// datagram socket, bound, connected, one send, one receive, closed.
func benchDatagram(b *testing.B, path string, req, buf []byte) {
	for _, err := os.Lstat(path + dgramSuffix); err != nil; _, err = os.Lstat(path + dgramSuffix) {
		time.Sleep(time.Millisecond)
	}
	for b.Loop() {
		fd := dgramClient(b, path)
		if _, err := syscall.Write(fd, req); err != nil {
			b.Fatal(err)
		}
		if _, err := syscall.Read(fd, buf); err != nil {
			b.Fatal(err)
		}
		syscall.Close(fd)
	}
}
