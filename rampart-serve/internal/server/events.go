package server

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"os"
	"sync"
	"time"

	"rampart.dev/pkg/audit"
)

// Event stream timings and bounds.
const (
	// tailEvery is how often the audit log is checked for new records while
	// someone listens: a dashboard needs no finer grain, and nothing is
	// polled when nobody listens.
	tailEvery = 200 * time.Millisecond
	// heartbeat keeps idle streams (and the proxies between) alive.
	heartbeat = 15 * time.Second
	// subBuffer is how many events a slow subscriber may lag before it is
	// cut off with an "overflow" event, rather than slowing everyone.
	subBuffer = 1024
	// maxTailLine bounds one audit line read by the tailer.
	maxTailLine = 8 << 20
)

type event struct {
	name string // "audit" or "approval"
	id   string
	data []byte // one line of JSON
}

// broker fans events out to the subscribers of GET /v1/events. Audit records
// come from tailing the audit log, so the stream carries every adapter's
// decisions, not only this server's.
type broker struct {
	path string

	mu   sync.Mutex
	subs map[chan event]struct{}
	stop chan struct{} // non-nil while the tailer runs
	done chan struct{}
}

func newBroker(auditLog string) *broker {
	return &broker{path: auditLog, subs: map[chan event]struct{}{}}
}

func (b *broker) active() bool {
	b.mu.Lock()
	defer b.mu.Unlock()
	return len(b.subs) > 0
}

func (b *broker) subscribe() (chan event, func()) {
	ch := make(chan event, subBuffer)
	b.mu.Lock()
	b.subs[ch] = struct{}{}
	if b.stop == nil && b.path != "" {
		b.stop, b.done = make(chan struct{}), make(chan struct{})
		go b.tail(b.stop, b.done)
	}
	b.mu.Unlock()
	return ch, func() {
		b.mu.Lock()
		if _, ok := b.subs[ch]; ok {
			delete(b.subs, ch)
			close(ch)
		}
		var done chan struct{}
		if len(b.subs) == 0 && b.stop != nil {
			close(b.stop)
			b.stop, done = nil, b.done
		}
		b.mu.Unlock()
		if done != nil {
			<-done
		}
	}
}

func (b *broker) publish(e event) {
	b.mu.Lock()
	defer b.mu.Unlock()
	for ch := range b.subs {
		select {
		case ch <- e:
		default: // too slow: cut it off
			delete(b.subs, ch)
			close(ch)
		}
	}
}

func (b *broker) close() {
	b.mu.Lock()
	for ch := range b.subs {
		delete(b.subs, ch)
		close(ch)
	}
	var done chan struct{}
	if b.stop != nil {
		close(b.stop)
		b.stop, done = nil, b.done
	}
	b.mu.Unlock()
	if done != nil {
		<-done
	}
}

// tail publishes every complete line appended to the audit log from now on.
// It follows rotation: when the file is replaced or shrinks it starts again
// at the top of the new one.
func (b *broker) tail(stop, done chan struct{}) {
	defer close(done)
	var (
		f    *os.File
		ffi  os.FileInfo // f's, to tell when the path names another file
		off  int64
		part []byte
	)
	defer func() {
		if f != nil {
			f.Close()
		}
	}()
	open := func(atEnd bool) {
		if f != nil {
			f.Close()
			f = nil
		}
		nf, err := audit.OpenRead(b.path)
		if err != nil {
			return
		}
		fi, err := nf.Stat()
		if err != nil {
			nf.Close()
			return
		}
		f, ffi, off, part = nf, fi, 0, nil
		if atEnd {
			off = fi.Size()
		}
	}
	open(true)
	t := time.NewTicker(tailEvery)
	defer t.Stop()
	buf := make([]byte, 64<<10)
	for {
		select {
		case <-stop:
			return
		case <-t.C:
		}
		fi, err := os.Stat(b.path)
		if err != nil {
			continue
		}
		if f == nil || !os.SameFile(fi, ffi) || fi.Size() < off {
			open(false)
			if f == nil {
				continue
			}
		}
		for {
			n, err := f.ReadAt(buf, off)
			off += int64(n)
			part = append(part, buf[:n]...)
			for {
				i := bytes.IndexByte(part, '\n')
				if i < 0 {
					break
				}
				b.line(part[:i])
				part = part[i+1:]
			}
			if len(part) > maxTailLine {
				part = nil // not a record; drop it rather than grow
			}
			if err == io.EOF || n == 0 || err != nil {
				break
			}
		}
		part = append([]byte(nil), part...)
	}
}

func (b *broker) line(l []byte) {
	l = bytes.TrimSpace(l)
	if len(l) == 0 {
		return
	}
	var head struct {
		Seq json.Number `json:"seq"`
		ID  string      `json:"id"`
	}
	json.Unmarshal(l, &head)
	id := head.ID
	if head.Seq != "" {
		id = head.Seq.String()
	}
	b.publish(event{name: "audit", id: id, data: append([]byte(nil), l...)})
}

// handleEvents streams server-sent events: "audit" for each audit record
// appended from now on (by any adapter), "approval" for each approval that
// is created, resolved or gets its result. A comment line every 15 s keeps
// the stream alive.
//
//	event: audit
//	id: 42
//	data: {"seq":42,"id":"01J...","tool":"exec","decision":"deny",...}
func (s *Server) handleEvents(w http.ResponseWriter, r *http.Request) {
	h := w.Header()
	h.Set("Content-Type", "text/event-stream")
	h.Set("Cache-Control", "no-cache")
	h.Set("X-Accel-Buffering", "no")
	ch, unsub := s.events.subscribe()
	defer unsub()
	rc := http.NewResponseController(w)
	send := func(format string, args ...any) bool {
		rc.SetWriteDeadline(time.Now().Add(30 * time.Second))
		if _, err := fmt.Fprintf(w, format, args...); err != nil {
			return false
		}
		return rc.Flush() == nil
	}
	w.WriteHeader(http.StatusOK)
	if !send("retry: 2000\n: rampart events\n\n") {
		return
	}
	tick := time.NewTicker(heartbeat)
	defer tick.Stop()
	for {
		select {
		case <-r.Context().Done():
			return
		case <-tick.C:
			if !send(": ping\n\n") {
				return
			}
		case e, ok := <-ch:
			if !ok {
				send("event: overflow\ndata: {\"error\":\"too slow; reconnect\"}\n\n")
				return
			}
			idLine := ""
			if e.id != "" {
				idLine = "id: " + e.id + "\n"
			}
			if !send("event: %s\n%sdata: %s\n\n", e.name, idLine, e.data) {
				return
			}
		}
	}
}
