//go:build !linux || 386

package main

import "testing"

// benchDatagram: there is no datagram socket here.
func benchDatagram(b *testing.B, path string, req, buf []byte) { b.Skip("no datagram socket here") }
