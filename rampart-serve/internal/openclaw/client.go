package openclaw

import (
	"context"
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"runtime"
	"sync"
	"sync/atomic"
	"time"

	"github.com/coder/websocket"

	"rampart.dev/pkg/call"
)

// Protocol is the gateway protocol version this client speaks.
const Protocol = 4

// Connect identity. The gateway only accepts client ids from its own list
// (GATEWAY_CLIENT_IDS in the openclaw package); "gateway-client" in mode
// "backend" is the one its own automation clients use, and the product
// name goes in displayName.
const (
	ClientID    = "gateway-client"
	ClientMode  = "backend"
	DisplayName = "Rampart"
	Role        = "operator"
)

// Scopes are what the client asks for. The gateway sends agent-run exec
// approvals only to a client holding operator.admin or operator.approvals
// that advertises the exec-approvals capability, and lists another
// requester's pending approvals only to operator.admin.
var Scopes = []string{"operator.admin", "operator.approvals", "operator.read"}

// Caps are the capabilities the client advertises.
var Caps = []string{"exec-approvals"}

// Timings.
const (
	// HandshakeTimeout bounds the wait for the challenge and for hello-ok.
	HandshakeTimeout = 15 * time.Second
	// DefaultTick is the gateway's tick interval when hello-ok names none;
	// a connection with no frame for three ticks is taken for dead.
	DefaultTick = 15 * time.Second
	// Relist is how often pending approvals are listed again while
	// connected: the gateway drops events for a slow client, and a listing
	// picks up whatever was missed.
	Relist = 30 * time.Second
	// MinBackoff and MaxBackoff bound the wait between reconnects. While
	// no approver is connected the gateway denies every exec approval at
	// once, so the ceiling stays short.
	MinBackoff = 500 * time.Millisecond
	MaxBackoff = 10 * time.Second
	// answerGrace is how long an answer is retried past the request's
	// expiry, across reconnects, before it is given up.
	answerGrace = 5 * time.Second
)

// Point is the decision point: pkg/decide's *decide.Point.
type Point interface {
	Decide(call.Call) call.Decision
	Reject(c call.Call, reason string) call.Decision
	Record(call.Call, call.Decision) error
}

// Approver holds a call for a person and reports their answer: rampart-serve's
// approval store, which `rampart pending`, `rampart approve`, `rampart deny`
// and rampart-watch see. It returns approved false with the reason on a
// denial, a timeout or a cancellation.
type Approver interface {
	Hold(ctx context.Context, c call.Call, d call.Decision, timeout time.Duration) (approved bool, reason string, err error)
}

// Config is what a Client needs.
type Config struct {
	URL      string // ws:// or wss:// address of the gateway
	Token    string // the gateway's shared token
	Identity *Identity
	Point    Point
	Approver Approver // nil: a call that needs approval is denied
	Version  string
	Log      io.Writer        // diagnostics; nil discards them
	Now      func() time.Time // default time.Now
	// MinBackoff and MaxBackoff override the reconnect waits (tests).
	MinBackoff, MaxBackoff time.Duration
	// OnConnect, when set, is called after each hello-ok (tests, logs).
	OnConnect func()
}

// Client judges a gateway's exec approvals. Create it with New and call Run.
type Client struct {
	cfg    Config
	nextID atomic.Uint64
	runCtx context.Context // Run's: judgements outlive one connection

	mu        sync.Mutex
	live      *conn
	connected chan struct{} // closed while live is set
	judging   map[string]bool
	answered  map[string]time.Time // id → expiry, so a relist does not judge twice
	wg        sync.WaitGroup
}

// New checks cfg and returns a client.
func New(cfg Config) (*Client, error) {
	switch {
	case cfg.URL == "":
		return nil, errors.New("no gateway address")
	case cfg.Identity == nil:
		return nil, errors.New("no device identity")
	case cfg.Point == nil:
		return nil, errors.New("no decision point")
	}
	if cfg.Log == nil {
		cfg.Log = io.Discard
	}
	if cfg.Now == nil {
		cfg.Now = time.Now
	}
	if cfg.MinBackoff <= 0 {
		cfg.MinBackoff = MinBackoff
	}
	if cfg.MaxBackoff <= 0 {
		cfg.MaxBackoff = MaxBackoff
	}
	if cfg.Version == "" {
		cfg.Version = "dev"
	}
	return &Client{cfg: cfg, connected: make(chan struct{}), judging: map[string]bool{}, answered: map[string]time.Time{}}, nil
}

func (c *Client) logf(format string, args ...any) {
	fmt.Fprintf(c.cfg.Log, "rampart-serve: openclaw: "+format+"\n", args...)
}

// Run connects, judges approvals, and reconnects with backoff until ctx is
// done; then it waits for the judgements in flight (which ctx also ends:
// held approvals are canceled, so OpenClaw's own expiry denies them).
func (c *Client) Run(ctx context.Context) error {
	c.runCtx = ctx
	defer c.wg.Wait()
	backoff := c.cfg.MinBackoff
	for {
		hello, err := c.session(ctx)
		if ctx.Err() != nil {
			return nil
		}
		if hello {
			backoff = c.cfg.MinBackoff
		}
		c.logf("disconnected from %s: %v; reconnecting in %s", c.cfg.URL, err, backoff.Round(time.Millisecond))
		t := time.NewTimer(backoff + rand.N(backoff/4+1))
		select {
		case <-ctx.Done():
			t.Stop()
			return nil
		case <-t.C:
		}
		backoff = min(backoff*2, c.cfg.MaxBackoff)
	}
}

// session is one connection's life. hello reports whether the gateway
// accepted the connect.
func (c *Client) session(ctx context.Context) (hello bool, err error) {
	dctx, cancel := context.WithTimeout(ctx, HandshakeTimeout)
	defer cancel()
	ws, _, err := websocket.Dial(dctx, c.cfg.URL, nil)
	if err != nil {
		return false, err
	}
	defer ws.CloseNow()
	ws.SetReadLimit(MaxFrame)
	tick, err := c.handshake(dctx, ws)
	if err != nil {
		ws.Close(websocket.StatusPolicyViolation, "handshake failed")
		return false, err
	}
	sctx, stop := context.WithCancel(ctx)
	defer stop()
	cn := newConn(ws, &c.nextID, 3*tick, c.onEvent, c.logf)
	go cn.readLoop(sctx)
	c.setLive(cn)
	defer c.setLive(nil)
	c.logf("connected to %s as device %s", c.cfg.URL, c.cfg.Identity.ID()[:12])
	if c.cfg.OnConnect != nil {
		c.cfg.OnConnect()
	}
	t := time.NewTicker(Relist)
	defer t.Stop()
	for {
		c.relist(sctx, cn)
		select {
		case <-cn.done:
			return true, cn.err
		case <-ctx.Done():
			ws.Close(websocket.StatusNormalClosure, "rampart-serve stopping")
			return true, ctx.Err()
		case <-t.C:
		}
	}
}

// handshake answers the challenge with connect and waits for hello-ok. It
// returns the gateway's tick interval.
func (c *Client) handshake(ctx context.Context, ws *websocket.Conn) (time.Duration, error) {
	ch, err := readChallenge(ctx, ws)
	if err != nil {
		return 0, err
	}
	id := fmt.Sprintf("connect-%d", c.nextID.Add(1))
	if err := writeRequest(ctx, ws, id, "connect", c.connectParams(ch)); err != nil {
		return 0, err
	}
	for {
		_, b, err := ws.Read(ctx)
		if err != nil {
			return 0, fmt.Errorf("waiting for hello-ok: %w", err)
		}
		f, err := DecodeFrame(b)
		if err != nil || f.Type != TypeRes || f.ID != id {
			continue // events sent before hello-ok are not for us
		}
		if !f.OK {
			return 0, fmt.Errorf("the gateway refused the connect: %w", f.Error)
		}
		return decodeTick(f.Payload), nil
	}
}

func readChallenge(ctx context.Context, ws *websocket.Conn) (Challenge, error) {
	for {
		_, b, err := ws.Read(ctx)
		if err != nil {
			return Challenge{}, fmt.Errorf("waiting for connect.challenge: %w", err)
		}
		f, err := DecodeFrame(b)
		if err != nil {
			return Challenge{}, err
		}
		if f.Type == TypeEvent && f.Event == "connect.challenge" {
			return DecodeChallenge(f.Payload)
		}
	}
}

// ConnectParams is the connect request's params.
type ConnectParams struct {
	MinProtocol int           `json:"minProtocol"`
	MaxProtocol int           `json:"maxProtocol"`
	Client      ClientInfo    `json:"client"`
	Caps        []string      `json:"caps"`
	Role        string        `json:"role"`
	Scopes      []string      `json:"scopes"`
	Auth        ConnectAuth   `json:"auth"`
	UserAgent   string        `json:"userAgent,omitempty"`
	Device      ConnectDevice `json:"device"`
}

// ClientInfo names the client.
type ClientInfo struct {
	ID           string `json:"id"`
	DisplayName  string `json:"displayName,omitempty"`
	Version      string `json:"version"`
	Platform     string `json:"platform"`
	DeviceFamily string `json:"deviceFamily,omitempty"`
	Mode         string `json:"mode"`
}

// ConnectAuth carries the shared token.
type ConnectAuth struct {
	Token string `json:"token,omitempty"`
}

// ConnectDevice is the signed device identity.
type ConnectDevice struct {
	ID        string `json:"id"`
	PublicKey string `json:"publicKey"`
	Signature string `json:"signature"`
	SignedAt  int64  `json:"signedAt"`
	Nonce     string `json:"nonce"`
}

func (c *Client) connectParams(ch Challenge) ConnectParams {
	platform, family := platformIdentity(runtime.GOOS)
	id := c.cfg.Identity
	sig := id.Sign(PayloadV3(SignedFields{
		DeviceID: id.ID(), ClientID: ClientID, ClientMode: ClientMode, Role: Role,
		Scopes: Scopes, SignedAtMs: ch.TS, Token: c.cfg.Token, Nonce: ch.Nonce,
		Platform: platform, DeviceFamily: family,
	}))
	return ConnectParams{
		MinProtocol: Protocol, MaxProtocol: Protocol,
		Client: ClientInfo{ID: ClientID, DisplayName: DisplayName, Version: c.cfg.Version,
			Platform: platform, DeviceFamily: family, Mode: ClientMode},
		Caps: Caps, Role: Role, Scopes: Scopes,
		Auth:      ConnectAuth{Token: c.cfg.Token},
		UserAgent: "rampart-serve/" + c.cfg.Version,
		Device:    ConnectDevice{ID: id.ID(), PublicKey: id.PublicKey(), Signature: sig, SignedAt: ch.TS, Nonce: ch.Nonce},
	}
}

// platformIdentity is resolveGatewayClientPlatformIdentity from the
// openclaw package: the platform and device family it signs.
func platformIdentity(goos string) (string, string) {
	switch goos {
	case "darwin":
		return "macos", "Mac"
	case "windows":
		return "windows", "Windows"
	case "linux":
		return "linux", "Linux"
	}
	return goos, ""
}

func (c *Client) setLive(cn *conn) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.live = cn
	if cn != nil {
		close(c.connected)
	} else {
		c.connected = make(chan struct{})
	}
}

// current waits for a live connection.
func (c *Client) current(ctx context.Context) (*conn, error) {
	for {
		c.mu.Lock()
		cn, ch := c.live, c.connected
		c.mu.Unlock()
		if cn != nil && !isClosed(cn.done) {
			return cn, nil
		}
		if cn != nil {
			// The read loop ended but session has not cleared it yet.
			select {
			case <-ctx.Done():
				return nil, ctx.Err()
			case <-time.After(50 * time.Millisecond):
			}
			continue
		}
		select {
		case <-ch:
		case <-ctx.Done():
			return nil, ctx.Err()
		}
	}
}

func (c *Client) onEvent(f Frame) {
	if f.Event != "exec.approval.requested" {
		return
	}
	a, err := DecodeApprovalRequest(f.Payload)
	if a.ID == "" {
		c.logf("warning: an exec approval request that cannot be answered: %v", err)
		return
	}
	c.dispatch(a)
}

func (c *Client) relist(ctx context.Context, cn *conn) {
	lctx, cancel := context.WithTimeout(ctx, HandshakeTimeout)
	defer cancel()
	p, err := cn.request(lctx, "exec.approval.list", struct{}{})
	if err != nil {
		if ctx.Err() == nil {
			c.logf("warning: exec.approval.list: %v", err)
		}
		return
	}
	items, bad, err := DecodeApprovalList(p)
	if err != nil {
		c.logf("warning: %v", err)
		return
	}
	for _, e := range bad {
		c.logf("warning: %v", e)
	}
	for _, a := range items {
		c.dispatch(a)
	}
}

// dispatch judges a once, however often the gateway mentions it.
func (c *Client) dispatch(a ApprovalRequest) {
	now := c.cfg.Now()
	c.mu.Lock()
	for id, exp := range c.answered {
		if now.After(exp.Add(time.Minute)) {
			delete(c.answered, id)
		}
	}
	if c.judging[a.ID] {
		c.mu.Unlock()
		return
	}
	if _, ok := c.answered[a.ID]; ok {
		c.mu.Unlock()
		return
	}
	c.judging[a.ID] = true
	c.wg.Add(1)
	c.mu.Unlock()
	go func() {
		defer c.wg.Done()
		c.judge(a)
		c.mu.Lock()
		delete(c.judging, a.ID)
		c.answered[a.ID] = time.UnixMilli(a.ExpiresAtMs)
		c.mu.Unlock()
	}()
}
