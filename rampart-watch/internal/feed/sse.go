package feed

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"fmt"
	"net/http"
	"strconv"
	"strings"
	"time"

	"rampart.dev/pkg/audit"
)

// Stream reads a rampart-serve event stream (GET /v1/events, Server-Sent
// Events) and reconnects when it drops, resuming after the last event id
// it saw. Events named "audit" (or unnamed) carry one audit record as their
// data; events whose name starts with "approval" say that pending approvals
// changed; others are ignored.
type Stream struct {
	// URL is the server's base URL, such as http://127.0.0.1:9090.
	URL   string
	Token string
	HTTP  *http.Client
	// Retry is the first wait before reconnecting; it doubles up to
	// maxRetry and resets once a connection delivers an event.
	Retry time.Duration
}

// maxRetry caps the reconnect backoff: a restarted server is picked up
// within this long.
const maxRetry = 10 * time.Second

// EventsURL is the stream's address under base.
func EventsURL(base string) string {
	base = strings.TrimRight(base, "/")
	if !strings.Contains(base, "://") {
		base = "http://" + base
	}
	return base + "/v1/events"
}

// Run reads the stream until ctx is done.
func (s Stream) Run(ctx context.Context, emit func([]Event)) error {
	retry := s.Retry
	if retry <= 0 {
		retry = 500 * time.Millisecond
	}
	wait := retry
	lastID := ""
	for {
		got, err := s.once(ctx, &lastID, emit)
		if ctx.Err() != nil {
			return ctx.Err()
		}
		if got {
			wait = retry
		}
		msg := "event stream ended"
		if err != nil {
			msg = err.Error()
		}
		emit([]Event{{Note: fmt.Sprintf("%s; reconnecting in %s", msg, wait)}})
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-time.After(wait):
		}
		wait = min(wait*2, maxRetry)
	}
}

// ErrUnauthorized means the server refused the token.
var ErrUnauthorized = errors.New("rampart-serve refused the token (401/403)")

// once makes one connection and reads it to its end. got says whether any
// event arrived.
func (s Stream) once(ctx context.Context, lastID *string, emit func([]Event)) (got bool, err error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, EventsURL(s.URL), nil)
	if err != nil {
		return false, err
	}
	req.Header.Set("Accept", "text/event-stream")
	if s.Token != "" {
		req.Header.Set("Authorization", "Bearer "+s.Token)
	}
	if *lastID != "" {
		req.Header.Set("Last-Event-ID", *lastID)
	}
	hc := s.HTTP
	if hc == nil {
		hc = http.DefaultClient
	}
	resp, err := hc.Do(req)
	if err != nil {
		return false, err
	}
	defer resp.Body.Close()
	switch {
	case resp.StatusCode == http.StatusUnauthorized || resp.StatusCode == http.StatusForbidden:
		return false, ErrUnauthorized
	case resp.StatusCode != http.StatusOK:
		return false, fmt.Errorf("GET /v1/events: %s", resp.Status)
	}
	emit([]Event{{Note: "connected to " + s.URL, Resync: true}})
	p := parser{emit: emit, where: "event"}
	err = p.read(resp.Body, lastID)
	return p.n > 0, err
}

// parser splits an event stream into events (the WHATWG Server-Sent
// Events format: field lines, a blank line ends an event).
type parser struct {
	emit  func([]Event)
	where string
	n     int
}

func (p *parser) read(r interface{ Read([]byte) (int, error) }, lastID *string) error {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64<<10), audit.MaxRecord+64)
	var name, id string
	var data bytes.Buffer
	for sc.Scan() {
		line := sc.Bytes()
		if len(line) == 0 {
			if data.Len() > 0 || name != "" {
				p.dispatch(name, bytes.TrimSuffix(data.Bytes(), []byte("\n")))
				if id != "" {
					*lastID = id
				}
			}
			name, id = "", ""
			data.Reset()
			continue
		}
		field, value, _ := bytes.Cut(line, []byte(":"))
		value = bytes.TrimPrefix(value, []byte(" "))
		switch string(field) {
		case "": // a comment, such as a keep-alive
		case "event":
			name = string(value)
		case "data":
			data.Write(value)
			data.WriteByte('\n')
		case "id":
			id = string(value)
		case "retry":
			_, _ = strconv.Atoi(string(value)) // our own backoff governs
		}
	}
	return sc.Err()
}

func (p *parser) dispatch(name string, data []byte) {
	p.n++
	switch {
	case name == "" || name == "audit" || name == "record" || name == "message":
		rec, err := Decode(data)
		p.emit([]Event{{Record: rec, Line: append([]byte(nil), data...), Where: fmt.Sprintf("%s %d", p.where, p.n), Err: err}})
	case strings.HasPrefix(name, "approval"):
		p.emit([]Event{{Approvals: true}})
	}
}
