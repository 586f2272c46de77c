package openclaw_test

import (
	"context"
	"crypto/ed25519"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/coder/websocket"
)

// fakeGateway is an OpenClaw gateway on loopback, as far as an operator
// client sees it: the challenge, connect checks (token, protocol, role,
// scopes, caps, device signature), exec.approval.list and
// exec.approval.resolve, and events it pushes on demand.
type fakeGateway struct {
	t     *testing.T
	token string
	srv   *httptest.Server

	mu       sync.Mutex
	pending  []map[string]any // what exec.approval.list answers
	conns    []*websocket.Conn
	connects int
	refuse   int // refuse this many connects first
	resolved chan resolution
	hello    chan map[string]any // connect params accepted
}

type resolution struct{ ID, Decision string }

func newFakeGateway(t *testing.T, token string) *fakeGateway {
	g := &fakeGateway{t: t, token: token, resolved: make(chan resolution, 16), hello: make(chan map[string]any, 16)}
	g.srv = httptest.NewServer(http.HandlerFunc(g.serve))
	t.Cleanup(func() {
		g.dropAll()
		g.srv.Close()
	})
	return g
}

func (g *fakeGateway) url() string { return "ws" + strings.TrimPrefix(g.srv.URL, "http") }

func (g *fakeGateway) serve(w http.ResponseWriter, r *http.Request) {
	ws, err := websocket.Accept(w, r, nil)
	if err != nil {
		return
	}
	defer ws.CloseNow()
	ctx := r.Context()
	nonce := fmt.Sprintf("nonce-%d", time.Now().UnixNano())
	ts := time.Now().UnixMilli()
	send(ctx, ws, map[string]any{"type": "event", "event": "connect.challenge", "payload": map[string]any{"nonce": nonce, "ts": ts}})
	f := read(ctx, ws)
	if f == nil || f["method"] != "connect" {
		return
	}
	params, _ := f["params"].(map[string]any)
	if err := g.checkConnect(params, nonce, ts); err != nil {
		g.t.Logf("fake gateway: refused connect: %v", err)
		send(ctx, ws, map[string]any{"type": "res", "id": f["id"], "ok": false, "error": map[string]any{"code": "INVALID_REQUEST", "message": err.Error()}})
		return
	}
	g.mu.Lock()
	g.connects++
	refuse := g.refuse > 0
	if refuse {
		g.refuse--
	}
	g.mu.Unlock()
	if refuse {
		send(ctx, ws, map[string]any{"type": "res", "id": f["id"], "ok": false, "error": map[string]any{"code": "UNAVAILABLE", "message": "startup-sidecars"}})
		return
	}
	send(ctx, ws, map[string]any{"type": "res", "id": f["id"], "ok": true, "payload": map[string]any{
		"type": "hello-ok", "protocol": 4, "policy": map[string]any{"tickIntervalMs": 1000},
		"auth": map[string]any{"role": "operator", "scopes": params["scopes"]},
	}})
	g.mu.Lock()
	g.conns = append(g.conns, ws)
	g.mu.Unlock()
	g.hello <- params
	done := make(chan struct{})
	defer close(done)
	go func() { // ticks, as the gateway sends them
		for {
			select {
			case <-done:
				return
			case <-time.After(300 * time.Millisecond):
				send(ctx, ws, map[string]any{"type": "event", "event": "tick", "payload": map[string]any{"ts": time.Now().UnixMilli()}})
			}
		}
	}()
	for {
		f := read(ctx, ws)
		if f == nil {
			return
		}
		switch f["method"] {
		case "exec.approval.list":
			g.mu.Lock()
			list := slices.Clone(g.pending)
			g.mu.Unlock()
			if list == nil {
				list = []map[string]any{}
			}
			send(ctx, ws, map[string]any{"type": "res", "id": f["id"], "ok": true, "payload": list})
		case "exec.approval.resolve":
			p, _ := f["params"].(map[string]any)
			id, _ := p["id"].(string)
			dec, _ := p["decision"].(string)
			g.mu.Lock()
			known := false
			g.pending = slices.DeleteFunc(g.pending, func(a map[string]any) bool {
				if a["id"] == id {
					known = true
				}
				return a["id"] == id
			})
			g.mu.Unlock()
			if !known {
				send(ctx, ws, map[string]any{"type": "res", "id": f["id"], "ok": false, "error": map[string]any{"code": "INVALID_REQUEST", "message": "unknown or expired approval id"}})
				continue
			}
			send(ctx, ws, map[string]any{"type": "res", "id": f["id"], "ok": true, "payload": map[string]any{"ok": true}})
			g.resolved <- resolution{id, dec}
		default:
			send(ctx, ws, map[string]any{"type": "res", "id": f["id"], "ok": false, "error": map[string]any{"code": "INVALID_REQUEST", "message": "unknown method"}})
		}
	}
}

// checkConnect checks what the real gateway checks, and the v3 signature
// built here independently of the client's code.
func (g *fakeGateway) checkConnect(p map[string]any, nonce string, ts int64) error {
	if p["minProtocol"] != 4.0 || p["maxProtocol"] != 4.0 {
		return fmt.Errorf("protocol %v..%v", p["minProtocol"], p["maxProtocol"])
	}
	if p["role"] != "operator" {
		return fmt.Errorf("role %v", p["role"])
	}
	auth, _ := p["auth"].(map[string]any)
	if auth["token"] != g.token {
		return fmt.Errorf("AUTH_TOKEN_MISMATCH")
	}
	client, _ := p["client"].(map[string]any)
	known := map[any]bool{"gateway-client": true, "cli": true, "openclaw-control-ui": true}
	if !known[client["id"]] {
		return fmt.Errorf("unknown client id %v", client["id"])
	}
	scopes := strs(p["scopes"])
	if !slices.Contains(scopes, "operator.admin") {
		return fmt.Errorf("scopes %v lack operator.admin", scopes)
	}
	if !slices.Contains(strs(p["caps"]), "exec-approvals") {
		return fmt.Errorf("caps %v lack exec-approvals", p["caps"])
	}
	dev, _ := p["device"].(map[string]any)
	pub, err := base64.RawURLEncoding.DecodeString(fmt.Sprint(dev["publicKey"]))
	if err != nil || len(pub) != ed25519.PublicKeySize {
		return fmt.Errorf("device public key invalid")
	}
	sum := sha256.Sum256(pub)
	if dev["id"] != hex.EncodeToString(sum[:]) {
		return fmt.Errorf("device identity mismatch")
	}
	if dev["nonce"] != nonce || dev["signedAt"] != float64(ts) {
		return fmt.Errorf("device nonce or signedAt mismatch")
	}
	payload := strings.Join([]string{"v3", fmt.Sprint(dev["id"]), fmt.Sprint(client["id"]), fmt.Sprint(client["mode"]), "operator",
		strings.Join(scopes, ","), strconv.FormatInt(ts, 10), g.token, nonce,
		strings.ToLower(fmt.Sprint(client["platform"])), strings.ToLower(fmt.Sprint(client["deviceFamily"]))}, "|")
	sig, err := base64.RawURLEncoding.DecodeString(fmt.Sprint(dev["signature"]))
	if err != nil || !ed25519.Verify(pub, []byte(payload), sig) {
		return fmt.Errorf("device signature invalid")
	}
	return nil
}

func strs(v any) []string {
	var out []string
	l, _ := v.([]any)
	for _, x := range l {
		out = append(out, fmt.Sprint(x))
	}
	return out
}

// request adds a pending approval and announces it to connected clients.
func (g *fakeGateway) request(id, command string, expires time.Duration, announce bool) {
	a := map[string]any{
		"id": id,
		"request": map[string]any{
			"command": command, "cwd": "/home/u/project", "agentId": "main", "sessionKey": "agent:main:main",
			"host": "gateway", "allowedDecisions": []string{"allow-once", "allow-always", "deny"},
		},
		"createdAtMs": time.Now().UnixMilli(), "expiresAtMs": time.Now().Add(expires).UnixMilli(),
	}
	g.mu.Lock()
	g.pending = append(g.pending, a)
	conns := slices.Clone(g.conns)
	g.mu.Unlock()
	if !announce {
		return
	}
	for _, ws := range conns {
		send(context.Background(), ws, map[string]any{"type": "event", "event": "exec.approval.requested", "payload": a, "seq": 1})
	}
}

// dropAll closes every client connection, as a gateway restart does.
func (g *fakeGateway) dropAll() {
	g.mu.Lock()
	conns := g.conns
	g.conns = nil
	g.mu.Unlock()
	for _, ws := range conns {
		ws.CloseNow()
	}
}

func (g *fakeGateway) waitResolved(t *testing.T) resolution {
	t.Helper()
	select {
	case r := <-g.resolved:
		return r
	case <-time.After(20 * time.Second):
		t.Fatal("the client never resolved the approval")
	}
	return resolution{}
}

func (g *fakeGateway) waitHello(t *testing.T) map[string]any {
	t.Helper()
	select {
	case p := <-g.hello:
		return p
	case <-time.After(20 * time.Second):
		t.Fatal("the client never connected")
	}
	return nil
}

var wsMu sync.Mutex

func send(ctx context.Context, ws *websocket.Conn, v any) {
	b, _ := json.Marshal(v)
	wsMu.Lock()
	defer wsMu.Unlock()
	ws.Write(ctx, websocket.MessageText, b)
}

func read(ctx context.Context, ws *websocket.Conn) map[string]any {
	_, b, err := ws.Read(ctx)
	if err != nil {
		return nil
	}
	var m map[string]any
	if json.Unmarshal(b, &m) != nil {
		return nil
	}
	return m
}
