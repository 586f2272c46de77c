//go:build linux && !386

package main

import (
	"os"
	"syscall"
	"testing"
	"time"
)

// benchDatagram asks req as librampart asks an exec's question: a fresh
// datagram socket, bound, connected to the answering socket, the question
// sent to the datagram socket, one receive, closed.
func benchDatagram(b *testing.B, path string, req, buf []byte) {
	for _, err := os.Lstat(path + dgramSuffix + replySuffix); err != nil; _, err = os.Lstat(path + dgramSuffix + replySuffix) {
		time.Sleep(time.Millisecond)
	}
	to := &syscall.SockaddrUnix{Name: path + dgramSuffix}
	reply := &syscall.SockaddrUnix{Name: path + dgramSuffix + replySuffix}
	for b.Loop() {
		fd, err := syscall.Socket(syscall.AF_UNIX, syscall.SOCK_DGRAM|syscall.SOCK_CLOEXEC, 0)
		if err != nil {
			b.Fatal(err)
		}
		if err := bindAuto(fd); err != nil {
			b.Fatal(err)
		}
		if err := syscall.Connect(fd, reply); err != nil {
			b.Fatal(err)
		}
		if err := syscall.Sendto(fd, req, 0, to); err != nil {
			b.Fatal(err)
		}
		if _, err := syscall.Read(fd, buf); err != nil {
			b.Fatal(err)
		}
		syscall.Close(fd)
	}
}
