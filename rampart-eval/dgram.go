package main

import (
	"bytes"
	"fmt"

	"rampart.dev/pkg/call"
)

// dgramSuffix names the datagram socket next to the stream socket:
// PATH.dgram. A client with one question (librampart, for an exec) sends
// it there as one datagram and gets the answer back as one datagram: the
// server wakes once, when the whole question is there, and no connection
// is accepted, registered and closed for it. See serveDatagrams.
const dgramSuffix = ".dgram"

// dgramMax is the largest question a datagram may carry. A longer one is
// answered with a deny flagged bad_input; clients send long questions on
// the stream socket.
const dgramMax = 64 << 10

// answer reads q as the Call lines of a connection and returns what serve
// writes back for them: one Decision line per line, each decided (and
// audited) before it is written.
func answer(q []byte, d decider, report func(error), out *bytes.Buffer) []byte {
	out.Reset()
	serve(bytes.NewReader(q), out, d, report)
	return out.Bytes()
}

// errTooLong is the bad input a datagram longer than dgramMax is.
var errTooLong = fmt.Errorf("a question longer than %d bytes cannot be one datagram: ask on the stream socket", dgramMax)

// rejectLine reports err and returns the deny line for it (audited when d
// can Reject), written into out.
func rejectLine(d decider, err error, report func(error), out *bytes.Buffer) []byte {
	report(err)
	out.Reset()
	call.NewWriter(out).Write(reject(d, err))
	return out.Bytes()
}
