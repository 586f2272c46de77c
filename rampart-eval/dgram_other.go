//go:build !linux || 386

package main

import "net"

// listenDatagram: the datagram socket is Linux's (its sender credentials
// are SCM_CREDENTIALS); elsewhere every question uses the stream socket.
func listenDatagram(path string) (*net.UnixConn, error) { return nil, nil }

// serveDatagrams is never called where listenDatagram opens nothing.
func serveDatagrams(c *net.UnixConn, d decider, report func(error)) {}
