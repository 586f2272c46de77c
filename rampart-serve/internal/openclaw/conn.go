package openclaw

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
	"sync"
	"sync/atomic"
	"time"

	"github.com/coder/websocket"
)

// errClosed is a request cut short because its connection went away; the
// caller may retry on the next one.
var errClosed = errors.New("connection to the gateway closed")

// conn is one authenticated connection: requests are matched to their
// responses by id, and events are handed to onEvent from the read loop.
type conn struct {
	ws      *websocket.Conn
	nextID  *atomic.Uint64
	idle    time.Duration // no frame for this long means the gateway is gone
	onEvent func(Frame)
	logf    func(string, ...any)

	mu      sync.Mutex
	waiters map[string]chan Frame
	done    chan struct{} // closed when the read loop ends
	err     error
}

func newConn(ws *websocket.Conn, next *atomic.Uint64, idle time.Duration, onEvent func(Frame), logf func(string, ...any)) *conn {
	return &conn{ws: ws, nextID: next, idle: idle, onEvent: onEvent, logf: logf, waiters: map[string]chan Frame{}, done: make(chan struct{})}
}

// readLoop reads frames until the connection fails or goes quiet for
// longer than idle (the gateway sends a tick event every tickIntervalMs).
func (c *conn) readLoop(ctx context.Context) {
	var err error
	defer func() {
		c.mu.Lock()
		c.err = err
		for id, w := range c.waiters {
			close(w)
			delete(c.waiters, id)
		}
		c.mu.Unlock()
		close(c.done)
	}()
	for {
		rctx, cancel := context.WithTimeout(ctx, c.idle)
		_, b, rerr := c.ws.Read(rctx)
		cancel()
		if rerr != nil {
			err = rerr
			return
		}
		f, derr := DecodeFrame(b)
		if derr != nil {
			c.logf("warning: ignoring a frame from the gateway: %v", derr)
			continue
		}
		switch f.Type {
		case TypeRes:
			c.mu.Lock()
			w := c.waiters[f.ID]
			delete(c.waiters, f.ID)
			c.mu.Unlock()
			if w != nil {
				w <- f
			}
		case TypeEvent:
			c.onEvent(f)
		}
	}
}

// request sends method with params and waits for its response.
func (c *conn) request(ctx context.Context, method string, params any) (json.RawMessage, error) {
	id := strconv.FormatUint(c.nextID.Add(1), 10)
	w := make(chan Frame, 1)
	c.mu.Lock()
	if c.waiters == nil || isClosed(c.done) {
		c.mu.Unlock()
		return nil, errClosed
	}
	c.waiters[id] = w
	c.mu.Unlock()
	if err := writeRequest(ctx, c.ws, id, method, params); err != nil {
		c.mu.Lock()
		delete(c.waiters, id)
		c.mu.Unlock()
		return nil, fmt.Errorf("%w: %v", errClosed, err)
	}
	select {
	case f, ok := <-w:
		if !ok {
			return nil, errClosed
		}
		if !f.OK {
			return nil, f.Error
		}
		return f.Payload, nil
	case <-ctx.Done():
		c.mu.Lock()
		delete(c.waiters, id)
		c.mu.Unlock()
		return nil, ctx.Err()
	}
}

func writeRequest(ctx context.Context, ws *websocket.Conn, id, method string, params any) error {
	p, err := json.Marshal(params)
	if err != nil {
		return err
	}
	b, err := json.Marshal(Frame{Type: TypeReq, ID: id, Method: method, Params: p})
	if err != nil {
		return err
	}
	return ws.Write(ctx, websocket.MessageText, b)
}

func isClosed(ch chan struct{}) bool {
	select {
	case <-ch:
		return true
	default:
		return false
	}
}
