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

// reply is where a datagram's answer is built, kept with the datagram's
// buffers: its bytes, and the writer that encodes a decision into them.
type reply struct {
	out bytes.Buffer
	w   *call.Writer // on out; nil until the first answer
	// dec holds the decision while w writes it, given by pointer: given
	// by value, as an interface, it was copied to the heap for every
	// question. Cleared once written.
	dec call.Decision
}

// answer reads q as the Call lines of a connection and returns what serve
// writes back for them: one Decision line per line, each decided (and
// audited) before it is written. A question of one line, as every exec's
// is, is parsed straight from q (see questionCache) and answered without
// serve's readers and writers; any other, and a line that does not parse,
// goes through serve, which answers it as it answers a connection.
func answer(q []byte, d decider, report func(error), r *reply) []byte {
	r.out.Reset()
	if line := oneQuestion(q); line != nil {
		if c, ok := questions.parse(line); ok {
			if r.w == nil {
				r.w = call.NewWriter(&r.out)
			}
			r.dec = d.Decide(c)
			r.w.Write(&r.dec)
			r.dec = call.Decision{}
			return r.out.Bytes()
		}
	}
	serve(bytes.NewReader(q), &r.out, d, report)
	return r.out.Bytes()
}

// errTooLong is the bad input a datagram longer than dgramMax is.
var errTooLong = fmt.Errorf("a question longer than %d bytes cannot be one datagram: ask on the stream socket", dgramMax)

// rejectLine reports err and returns the deny line for it (audited when d
// can Reject), written into out.
func rejectLine(d decider, err error, report func(error), r *reply) []byte {
	report(err)
	r.out.Reset()
	call.NewWriter(&r.out).Write(reject(d, err))
	return r.out.Bytes()
}
