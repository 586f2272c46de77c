package main

import "net"

// readPending yields nothing on Windows: every connection is served the
// ordinary way, reading what it sends as it comes.
func readPending(net.Conn, []byte) pending { return pending{} }
