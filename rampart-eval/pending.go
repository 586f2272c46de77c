package main

import (
	"bytes"
	"io"
	"net"
)

// pending is what a freshly accepted connection has already sent, read
// without waiting: librampart asks one question per exec, writes it and
// shuts its side down before the server gets to the connection, so the
// whole exchange is usually in the socket by then.
type pending struct {
	data []byte // bytes read so far (a slice of the caller's buffer)
	eof  bool   // the client has finished sending: data is all there is
}

// oneLine reports whether data is a single line and its newline: the one
// question a client that then shut its side down can have asked.
func oneLine(data []byte) bool {
	i := bytes.IndexByte(data, '\n')
	return i >= 0 && i == len(data)-1
}

// reader returns a reader of the connection that starts with the bytes
// already read from it.
func (p pending) reader(conn net.Conn) io.Reader {
	if len(p.data) == 0 {
		return conn
	}
	return io.MultiReader(bytes.NewReader(bytes.Clone(p.data)), conn)
}
