package approval

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"os"
	"strings"
	"time"

	"rampart.dev/pkg/call"
	"rampart.dev/pkg/home"
)

// DefaultAddr is where rampart-serve listens unless told otherwise: loopback
// only, so nothing off the machine can reach the decision point.
const DefaultAddr = "127.0.0.1:9090"

// Client timings.
const (
	// PollWait is the long-poll window of one GET while waiting; the server
	// caps it, and a shorter one only costs more requests.
	PollWait = 30 * time.Second
	// Unreachable is how long Wait keeps retrying a server that stopped
	// answering (a restart keeps pending approvals) before giving up.
	Unreachable = 30 * time.Second
	// maxResponse bounds a response body: an approval carries a call
	// (call.MaxLine) and a capped result.
	maxResponse = MaxFile
)

// Client talks to a running rampart-serve. The zero HTTP uses a client
// without an overall timeout, because waiting is the point; every call is
// bounded by its context and the server's long-poll cap.
type Client struct {
	Addr  string // host:port, or a base URL such as http://127.0.0.1:9090
	Token string // the agent token, or the admin token to resolve
	HTTP  *http.Client
}

// ReadToken reads a bearer token file, as rampart-serve writes them.
func ReadToken(path string) (string, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return "", err
	}
	t := strings.TrimSpace(string(b))
	if t == "" {
		return "", fmt.Errorf("%s: empty token file", path)
	}
	return t, nil
}

// Discover returns a client for the rampart-serve at $RAMPART_SERVE_ADDR (or
// DefaultAddr) with the agent token from l, after checking that the server
// answers its health check. It answers an error wrapping ErrNoServer when
// there is no token file or no server.
func Discover(ctx context.Context, l home.Layout, getenv func(string) string) (*Client, error) {
	addr := getenv("RAMPART_SERVE_ADDR")
	if addr == "" {
		addr = DefaultAddr
	}
	tok, err := ReadToken(l.AgentToken())
	if err != nil {
		return nil, fmt.Errorf("%w: %v", ErrNoServer, err)
	}
	c := &Client{Addr: addr, Token: tok}
	hctx, cancel := context.WithTimeout(ctx, 2*time.Second)
	defer cancel()
	if err := c.Health(hctx); err != nil {
		return nil, fmt.Errorf("%w: %v", ErrNoServer, err)
	}
	return c, nil
}

// Health checks that the server answers GET /healthz.
func (c *Client) Health(ctx context.Context) error {
	return c.do(ctx, http.MethodGet, "/healthz", nil, nil)
}

// Request hands a call that a policy held for approval to the server and
// returns the new approval's id. The server keeps it pending until a human
// resolves it or it times out.
func (c *Client) Request(ctx context.Context, cl call.Call, d call.Decision) (string, error) {
	var a Approval
	body := struct {
		Call     call.Call     `json:"call"`
		Decision call.Decision `json:"decision"`
	}{cl, d}
	if err := c.do(ctx, http.MethodPost, "/v1/approvals", body, &a); err != nil {
		return "", err
	}
	return a.ID, nil
}

// Wait blocks until the approval is resolved and reports whether it was
// approved, with a one-line reason to show the user ("denied by admin: not
// on a friday"). It long-polls, and rides out a server restart for up to
// Unreachable. Cancel ctx to stop waiting; the approval stays pending and
// expires on the server.
func (c *Client) Wait(ctx context.Context, id string) (approved bool, reason string, err error) {
	var down time.Time
	for {
		a, err := c.Get(ctx, id, PollWait)
		switch {
		case err == nil && a.Done():
			return a.Status == Approved, a.Describe(), nil
		case err == nil:
			down = time.Time{}
			continue
		case ctx.Err() != nil:
			return false, "", ctx.Err()
		case !isNetErr(err):
			return false, "", err
		}
		if down.IsZero() {
			down = time.Now()
		} else if time.Since(down) > Unreachable {
			return false, "", fmt.Errorf("%w: %v", ErrNoServer, err)
		}
		select {
		case <-ctx.Done():
			return false, "", ctx.Err()
		case <-time.After(time.Second):
		}
	}
}

// Get returns an approval. With wait > 0 the server holds the answer until
// the approval is resolved or wait passes (a long poll).
func (c *Client) Get(ctx context.Context, id string, wait time.Duration) (Approval, error) {
	p := "/v1/approvals/" + url.PathEscape(id)
	if wait > 0 {
		p += "?wait=" + wait.String()
	}
	var a Approval
	err := c.do(ctx, http.MethodGet, p, nil, &a)
	return a, err
}

// List returns the approvals with the given status, or the pending ones for "".
// Status "all" lists every approval the server still keeps.
func (c *Client) List(ctx context.Context, status string) ([]Approval, error) {
	p := "/v1/approvals"
	if status != "" {
		p += "?status=" + url.QueryEscape(status)
	}
	var out struct {
		Approvals []Approval `json:"approvals"`
	}
	err := c.do(ctx, http.MethodGet, p, nil, &out)
	return out.Approvals, err
}

// Resolve approves or denies a pending approval; it needs the admin token.
// An approval that was already resolved answers an error wrapping ErrResolved.
func (c *Client) Resolve(ctx context.Context, id string, approved bool, reason string) (Approval, error) {
	body := struct {
		Approved bool   `json:"approved"`
		Reason   string `json:"reason,omitempty"`
	}{approved, reason}
	var a Approval
	err := c.do(ctx, http.MethodPost, "/v1/approvals/"+url.PathEscape(id)+"/resolve", body, &a)
	return a, err
}

// StatusError is a non-2xx answer from the server. It unwraps to ErrNotFound,
// ErrResolved or ErrForbidden where one applies.
type StatusError struct {
	Code    int
	Message string
}

func (e *StatusError) Error() string {
	if e.Message == "" {
		return fmt.Sprintf("rampart-serve answered %d %s", e.Code, http.StatusText(e.Code))
	}
	return fmt.Sprintf("rampart-serve answered %d: %s", e.Code, e.Message)
}

// Unwrap maps the status to the package's sentinel errors.
func (e *StatusError) Unwrap() error {
	switch e.Code {
	case http.StatusNotFound:
		return ErrNotFound
	case http.StatusConflict:
		return ErrResolved
	case http.StatusForbidden, http.StatusUnauthorized:
		return ErrForbidden
	}
	return nil
}

func (c *Client) base() string {
	a := strings.TrimRight(c.Addr, "/")
	if a == "" {
		a = DefaultAddr
	}
	if !strings.Contains(a, "://") {
		a = "http://" + a
	}
	return a
}

func (c *Client) do(ctx context.Context, method, path string, in, out any) error {
	var body io.Reader
	if in != nil {
		b, err := json.Marshal(in)
		if err != nil {
			return err
		}
		body = bytes.NewReader(b)
	}
	req, err := http.NewRequestWithContext(ctx, method, c.base()+path, body)
	if err != nil {
		return err
	}
	if in != nil {
		req.Header.Set("Content-Type", "application/json")
	}
	if c.Token != "" {
		req.Header.Set("Authorization", "Bearer "+c.Token)
	}
	hc := c.HTTP
	if hc == nil {
		hc = http.DefaultClient
	}
	resp, err := hc.Do(req)
	if err != nil {
		return &netError{err}
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(io.LimitReader(resp.Body, maxResponse))
	if err != nil {
		return &netError{err}
	}
	if resp.StatusCode/100 != 2 {
		var e struct {
			Error string `json:"error"`
		}
		json.Unmarshal(b, &e)
		return &StatusError{Code: resp.StatusCode, Message: e.Error}
	}
	if out == nil {
		return nil
	}
	if err := json.Unmarshal(b, out); err != nil {
		return fmt.Errorf("bad answer from rampart-serve: %w", err)
	}
	return nil
}

// netError marks a failure to talk to the server at all, as opposed to an
// answer the server gave.
type netError struct{ err error }

func (e *netError) Error() string { return e.err.Error() }
func (e *netError) Unwrap() error { return e.err }

func isNetErr(err error) bool {
	var n *netError
	return errors.As(err, &n)
}
