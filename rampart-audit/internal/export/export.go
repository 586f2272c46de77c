// Package export sends the records of Rampart's audit log to a collector a
// team already runs: syslog (RFC 5424 over TCP or TLS, octet-counting
// framing, the record's JSON or a CEF line as the message) or OpenTelemetry
// logs over OTLP/HTTP (protobuf or JSON).
//
// # Delivery
//
// Records go out in chain order, at least once. A [Follower] reads them
// after a [Cursor] across rotated files; [Run] sends them in batches and,
// once the collector has acknowledged a batch, saves the cursor atomically
// (a temporary file renamed over the old one). A failed batch is sent
// again, with exponential backoff, a bounded number of times; then Run
// stops with an error and the cursor still names the last acknowledged
// record, so the next run starts there. Nothing is ever skipped: a gap or a
// broken link in the chain stops the export ([ErrChain]).
//
// Every record carries its seq, id and hash (and prev), so the receiving
// side can drop duplicates and check that nothing is missing.
package export

import (
	"context"
	"errors"
	"fmt"
	"io"
	"time"

	"rampart.dev/pkg/audit"
)

// Item is one record to send, with its line exactly as stored (which is
// what a receiver needs to check the record's hash).
type Item struct {
	Rec  audit.Record
	Line []byte
}

// Sink delivers records to a collector.
type Sink interface {
	// Send delivers items, in order. nil means the collector acknowledged
	// all of them; an error wrapped by Permanent is not worth retrying.
	Send(ctx context.Context, items []Item) error
	// Close releases the connection.
	Close() error
}

// permanent marks an error retrying cannot fix (a collector that rejects
// the request as malformed, a bad certificate).
type permanent struct{ err error }

func (p permanent) Error() string { return p.err.Error() }
func (p permanent) Unwrap() error { return p.err }

// Permanent wraps err so that Run does not retry it.
func Permanent(err error) error { return permanent{err} }

// IsPermanent reports whether err was wrapped by Permanent.
func IsPermanent(err error) bool {
	var p permanent
	return errors.As(err, &p)
}

// Defaults of Options.
const (
	// DefaultBatch bounds the records sent at once: large enough to keep a
	// collector busy, small enough that a retried batch is cheap.
	DefaultBatch = 256
	// DefaultRetries is how many times a batch is sent again before Run
	// gives up: with DefaultBackoff doubling up to DefaultMaxBackoff, about
	// three minutes of collector outage.
	DefaultRetries = 10
	// DefaultBackoff is the first wait before a retry.
	DefaultBackoff = 500 * time.Millisecond
	// DefaultMaxBackoff caps the wait between retries.
	DefaultMaxBackoff = 30 * time.Second
	// DefaultPoll is how often a following export looks for new records,
	// as rampart-audit tail -follow does.
	DefaultPoll = 200 * time.Millisecond
)

// Options configure Run.
type Options struct {
	Cursor     string        // the cursor file, saved after each acknowledged batch
	Follow     bool          // at the end of the log, wait for more until ctx is done
	Batch      int           // records per Send; 0 means DefaultBatch
	Retries    int           // resends of a failed batch; 0 means DefaultRetries, <0 none
	Backoff    time.Duration // first wait before a resend; 0 means DefaultBackoff
	MaxBackoff time.Duration // 0 means DefaultMaxBackoff
	Poll       time.Duration // 0 means DefaultPoll
	// Logf, if set, hears about retries.
	Logf func(format string, args ...any)
}

func (o *Options) defaults() {
	if o.Batch <= 0 {
		o.Batch = DefaultBatch
	}
	if o.Retries == 0 {
		o.Retries = DefaultRetries
	}
	if o.Backoff <= 0 {
		o.Backoff = DefaultBackoff
	}
	if o.MaxBackoff <= 0 {
		o.MaxBackoff = DefaultMaxBackoff
	}
	if o.Poll <= 0 {
		o.Poll = DefaultPoll
	}
	if o.Logf == nil {
		o.Logf = func(string, ...any) {}
	}
}

// Stats say what Run did.
type Stats struct {
	Records int // records acknowledged
	Batches int
	Resends int // batches sent again after a failure
}

// Run sends the records fl returns to sink until the end of the log (or,
// with Follow, until ctx is done), saving the cursor after each batch the
// collector acknowledged. A canceled ctx is not an error.
func Run(ctx context.Context, fl *Follower, sink Sink, opt Options) (Stats, error) {
	opt.defaults()
	var st Stats
	poll := time.NewTicker(opt.Poll)
	defer poll.Stop()
	batch := make([]Item, 0, opt.Batch)
	for {
		batch = batch[:0]
		for len(batch) < opt.Batch {
			rec, line, err := fl.Next()
			if err == io.EOF {
				break
			}
			if err != nil {
				return st, err
			}
			batch = append(batch, Item{Rec: rec, Line: line})
		}
		if len(batch) == 0 {
			if !opt.Follow {
				return st, nil
			}
			select {
			case <-ctx.Done():
				return st, nil
			case <-poll.C:
			}
			continue
		}
		if err := send(ctx, sink, batch, opt, &st); err != nil {
			if ctx.Err() != nil {
				return st, nil
			}
			return st, err
		}
		last := batch[len(batch)-1].Rec
		if err := SaveCursor(opt.Cursor, Cursor{Seq: last.Seq, Hash: last.Hash, ID: last.ID}); err != nil {
			return st, err
		}
		st.Records += len(batch)
		st.Batches++
	}
}

// send delivers one batch, resending it with exponential backoff.
func send(ctx context.Context, sink Sink, batch []Item, opt Options, st *Stats) error {
	wait := opt.Backoff
	for attempt := 0; ; attempt++ {
		err := sink.Send(ctx, batch)
		if err == nil {
			return nil
		}
		if IsPermanent(err) || attempt >= opt.Retries || ctx.Err() != nil {
			return fmt.Errorf("records %d to %d not delivered: %w", batch[0].Rec.Seq, batch[len(batch)-1].Rec.Seq, err)
		}
		opt.Logf("records %d to %d: %v; sending again in %v (%d of %d)", batch[0].Rec.Seq, batch[len(batch)-1].Rec.Seq, err, wait, attempt+1, opt.Retries)
		t := time.NewTimer(wait)
		select {
		case <-ctx.Done():
			t.Stop()
			return ctx.Err()
		case <-t.C:
		}
		st.Resends++
		wait = min(2*wait, opt.MaxBackoff)
	}
}
