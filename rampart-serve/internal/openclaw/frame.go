package openclaw

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"time"
)

// MaxFrame bounds one frame read from the gateway. The gateway itself caps
// frames at 25 MiB (hello-ok policy.maxPayload), but the frames this client
// reads (a challenge, responses to its own requests, approval requests
// whose command the gateway caps for display) are small; a few MiB leaves
// room for a long exec.approval.list without letting a bad peer fill memory.
const MaxFrame = 4 << 20

// Frame types.
const (
	TypeReq   = "req"
	TypeRes   = "res"
	TypeEvent = "event"
)

// Frame is one message on the gateway WebSocket, one of three shapes:
//
//	{"type":"req","id":"1","method":"connect","params":{...}}
//	{"type":"res","id":"1","ok":true,"payload":{...}}
//	{"type":"res","id":"1","ok":false,"error":{"code":"INVALID_REQUEST","message":"..."}}
//	{"type":"event","event":"exec.approval.requested","payload":{...},"seq":7}
type Frame struct {
	Type    string          `json:"type"`
	ID      string          `json:"id,omitempty"`
	Method  string          `json:"method,omitempty"`
	Params  json.RawMessage `json:"params,omitempty"`
	OK      bool            `json:"ok,omitempty"`
	Payload json.RawMessage `json:"payload,omitempty"`
	Error   *Error          `json:"error,omitempty"`
	Event   string          `json:"event,omitempty"`
	Seq     *int64          `json:"seq,omitempty"`
}

// Error is a failed response's error.
type Error struct {
	Code    string          `json:"code,omitempty"`
	Message string          `json:"message,omitempty"`
	Details json.RawMessage `json:"details,omitempty"`
}

func (e *Error) Error() string {
	switch {
	case e.Code != "" && e.Message != "":
		return e.Code + ": " + e.Message
	case e.Message != "":
		return e.Message
	case e.Code != "":
		return e.Code
	}
	return "request failed"
}

// DecodeFrame reads one frame and checks that it has what its type needs:
// a method and id for a request, an id for a response, an event name for
// an event.
func DecodeFrame(b []byte) (Frame, error) {
	var f Frame
	if len(b) > MaxFrame {
		return f, fmt.Errorf("frame of %d bytes is over the %d-byte limit", len(b), MaxFrame)
	}
	if err := json.Unmarshal(b, &f); err != nil {
		return Frame{}, fmt.Errorf("frame is not a JSON object: %w", err)
	}
	f.Params = nullToEmpty(f.Params)
	f.Payload = nullToEmpty(f.Payload)
	switch f.Type {
	case TypeReq:
		if f.ID == "" || f.Method == "" {
			return Frame{}, errors.New("request frame without id or method")
		}
	case TypeRes:
		if f.ID == "" {
			return Frame{}, errors.New("response frame without id")
		}
		if !f.OK && f.Error == nil {
			f.Error = &Error{Message: "request failed"}
		}
	case TypeEvent:
		if f.Event == "" {
			return Frame{}, errors.New("event frame without a name")
		}
	default:
		return Frame{}, fmt.Errorf("unknown frame type %q", truncate(f.Type, 40))
	}
	return f, nil
}

func nullToEmpty(r json.RawMessage) json.RawMessage {
	if bytes.Equal(bytes.TrimSpace(r), []byte("null")) {
		return nil
	}
	return r
}

// Challenge is the payload of the connect.challenge event the gateway
// opens every connection with.
type Challenge struct {
	Nonce string `json:"nonce"`
	TS    int64  `json:"ts"`
}

// DecodeChallenge reads a connect.challenge payload. Its ts must be a
// non-negative integer (the gateway's handshake docs): it is signed back as
// device.signedAt.
func DecodeChallenge(payload []byte) (Challenge, error) {
	var raw struct {
		Nonce *string      `json:"nonce"`
		TS    *json.Number `json:"ts"`
	}
	d := json.NewDecoder(bytes.NewReader(payload))
	d.UseNumber()
	if err := d.Decode(&raw); err != nil {
		return Challenge{}, fmt.Errorf("connect.challenge: %w", err)
	}
	if raw.Nonce == nil || strings.TrimSpace(*raw.Nonce) == "" {
		return Challenge{}, errors.New("connect.challenge without a nonce")
	}
	if raw.TS == nil {
		return Challenge{}, errors.New("connect.challenge without ts")
	}
	ts, err := raw.TS.Int64()
	if err != nil || ts < 0 {
		return Challenge{}, fmt.Errorf("connect.challenge ts %q is not a non-negative integer", truncate(raw.TS.String(), 40))
	}
	return Challenge{Nonce: *raw.Nonce, TS: ts}, nil
}

// ApprovalRequest is one pending exec approval, as the
// exec.approval.requested event and each item of exec.approval.list carry
// it:
//
//	{"id":"…","request":{"command":"touch /tmp/x","cwd":"/home/u/p","agentId":"main","sessionKey":"agent:main:main","host":"gateway","allowedDecisions":["allow-once","allow-always","deny"]},"createdAtMs":1764662400000,"expiresAtMs":1764662520000}
type ApprovalRequest struct {
	ID          string      `json:"id"`
	Request     ExecRequest `json:"request"`
	CreatedAtMs int64       `json:"createdAtMs"`
	ExpiresAtMs int64       `json:"expiresAtMs"`
	// ApprovalKind is "exec" where the gateway names it.
	ApprovalKind string `json:"approvalKind,omitempty"`
}

// ExecRequest is what an exec approval asks to run. Gateway-host runs carry
// only the shell command text; node-host runs also carry argv.
type ExecRequest struct {
	Command          string   `json:"command"`
	CommandArgv      []string `json:"commandArgv,omitempty"`
	Cwd              *string  `json:"cwd,omitempty"`
	Host             *string  `json:"host,omitempty"`
	NodeID           *string  `json:"nodeId,omitempty"`
	AgentID          *string  `json:"agentId,omitempty"`
	SessionKey       *string  `json:"sessionKey,omitempty"`
	AllowedDecisions []string `json:"allowedDecisions,omitempty"`
}

// Str returns *p, or "" for nil.
func Str(p *string) string {
	if p == nil {
		return ""
	}
	return *p
}

// DecodeApprovalRequest reads one exec approval request. A request without
// an id cannot be answered and is an error; one without a command is
// returned with the error, so that it can still be denied by id.
func DecodeApprovalRequest(payload []byte) (ApprovalRequest, error) {
	var a ApprovalRequest
	if err := json.Unmarshal(payload, &a); err != nil {
		return ApprovalRequest{}, fmt.Errorf("exec approval request: %w", err)
	}
	if a.ID == "" {
		return ApprovalRequest{}, errors.New("exec approval request without an id")
	}
	return a, a.Validate()
}

// Validate reports what makes a unanswerable or unjudgeable: a kind other
// than exec, or no command.
func (a ApprovalRequest) Validate() error {
	if a.ApprovalKind != "" && a.ApprovalKind != "exec" {
		return fmt.Errorf("approval %s is of kind %q, not exec", a.ID, truncate(a.ApprovalKind, 40))
	}
	if strings.TrimSpace(a.Request.Command) == "" {
		return fmt.Errorf("exec approval %s has no command", a.ID)
	}
	return nil
}

// DecodeApprovalList reads the answer of exec.approval.list: an array of
// requests, or an object holding one under "approvals" (kept for gateways
// that wrap it). Items that cannot be read are returned as errors beside
// the good ones.
func DecodeApprovalList(payload []byte) ([]ApprovalRequest, []error, error) {
	var items []json.RawMessage
	if err := json.Unmarshal(payload, &items); err != nil {
		var wrapped struct {
			Approvals []json.RawMessage `json:"approvals"`
		}
		if err2 := json.Unmarshal(payload, &wrapped); err2 != nil {
			return nil, nil, fmt.Errorf("exec.approval.list: %w", err)
		}
		items = wrapped.Approvals
	}
	var out []ApprovalRequest
	var bad []error
	for _, it := range items {
		a, err := DecodeApprovalRequest(it)
		if err != nil {
			bad = append(bad, err)
			if a.ID == "" {
				continue
			}
		}
		out = append(out, a)
	}
	return out, bad, nil
}

func truncate(s string, n int) string {
	if len(s) <= n {
		return s
	}
	return s[:n] + "…"
}

// decodeTick reads policy.tickIntervalMs from hello-ok, or DefaultTick.
func decodeTick(payload []byte) time.Duration {
	var h struct {
		Policy struct {
			TickIntervalMs int64 `json:"tickIntervalMs"`
		} `json:"policy"`
	}
	if json.Unmarshal(payload, &h) != nil || h.Policy.TickIntervalMs <= 0 || h.Policy.TickIntervalMs > int64(time.Hour/time.Millisecond) {
		return DefaultTick
	}
	return time.Duration(h.Policy.TickIntervalMs) * time.Millisecond
}
