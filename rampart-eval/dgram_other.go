//go:build !linux || 386

package main

// listenDatagram: the datagram socket is Linux's (its sender credentials
// are SCM_CREDENTIALS); elsewhere every question uses the stream socket.
func listenDatagram(path string) (*datagrams, error) { return nil, nil }

// datagrams is the datagram socket where there is one.
type datagrams struct{}

// Close is never called where listenDatagram opens nothing.
func (g *datagrams) Close() error { return nil }

// serveDatagrams is never called where listenDatagram opens nothing.
func serveDatagrams(g *datagrams, d decider, report func(error)) {}
