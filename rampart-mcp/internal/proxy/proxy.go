// Package proxy is the policy-enforcing relay between an MCP client and an
// MCP server speaking newline-delimited JSON-RPC (the stdio transport).
//
// # What it judges
//
// Every tools/call from the client becomes a [call.Call]
//
//	{"tool":"mcp","params":{"server":"filesystem","tool":"write_file","arguments":{"path":"/x","content":"y"}}}
//
// with the tool's annotations from the last tools/list added as
// params.annotations. A denied call never reaches the server: the client
// gets a tools/call result with isError set and the policy's message, which
// a model can read and act on. A call that requires approval is held until
// the [Approver] resolves it; the other messages flow meanwhile.
//
// # What it passes untouched
//
// Everything else goes through byte for byte: responses, notifications
// (progress, cancellation, list changes), pings and the server's own
// requests (roots/list, sampling/createMessage, elicitation/create), whose
// ids live in the server's id space and are never confused with the
// client's. Both protocol revisions are relayed alike: initialize
// (2025-11-25) and server/discover with per-request _meta (2026-07-28).
//
// # What it changes
//
//   - Credentials in what the server sends as content are redacted,
//     keeping the message's shape, and the finding is recorded: results of
//     tools/call, tasks/result, resources/read, prompts/get and any response
//     the proxy cannot place, and sampling requests (their text goes to a
//     model). Protocol data (initialize, lists, pings, progress and other
//     notifications) is left alone: a key such as progressToken must reach
//     the client as sent.
//   - A tools/call result that the policy's response_matches rules deny
//     (or hold) is replaced by a tool error saying the output was withheld.
//   - With HideDenied, tools the policy would always deny are removed from
//     tools/list results.
//   - A notifications/cancelled for a call the proxy denied or still holds
//     is dropped, since the server never saw that call.
//   - In a JSON-RPC batch (2025-03-26 only) the calls that pass are sent on
//     as a smaller batch and the denied ones are answered at once in a batch
//     of their own; a held call is sent alone once approved.
//
// # What it refuses
//
// A client line that is not valid JSON is answered with a JSON-RPC parse
// error instead of being forwarded: a server whose reader is a stream
// decoder (the Go SDK's) would join it with the next line, so a call split
// over two lines would reach the server unjudged. A message whose member
// names differ from the protocol's only by case is refused for the same
// reason (case-insensitive decoders read it differently). Lines from the
// server that are not JSON are redacted as text and passed on. Both are
// recorded. In monitor mode nothing is refused, redacted or hidden; the
// would-be decisions are recorded.
package proxy

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"sync"

	"rampart.dev/pkg/call"
	"rampart.dev/rampart-mcp/internal/frame"
)

// Judge decides calls. Decide records its decision in the audit trail before
// returning; Probe only evaluates (tools/list filtering asks about every tool
// and must not flood the trail); Record writes an event the proxy observed.
type Judge interface {
	Decide(c call.Call) call.Decision
	Probe(c call.Call) call.Decision
	Record(c call.Call, d call.Decision)
}

// ResponseJudge is a Judge that also has a say about what a tool returned
// (the response_matches rules of every layer in force for the call's cwd).
// HasResponseRules lets the proxy skip gathering output when no rule
// would read it. DecideResponse records a decision other than allow and
// applies monitor mode itself: it returns the decision to enforce.
type ResponseJudge interface {
	HasResponseRules(cwd string) bool
	DecideResponse(c call.Call, output string) call.Decision
}

// Approver resolves a call that requires approval. Approve blocks until a
// human decides, the approval times out, or ctx ends (the client cancelled).
// It returns ErrNoApprover when no approval service is reachable.
type Approver interface {
	Approve(ctx context.Context, c call.Call, d call.Decision) (Approval, error)
}

// Approval is the outcome of an approval request.
type Approval struct {
	Approved bool
	ID       string // the approval's id, for messages
	Message  string // why, when denied
}

// ErrNoApprover means no approval service is running.
var ErrNoApprover = errors.New("no approval service is running")

// Redactor finds credentials. Value redacts a decoded JSON value (strings
// anywhere inside it) and Text a raw string; both return the kinds of
// credential found, nil when none.
type Redactor interface {
	Value(v any) (any, []string)
	Text(s string) (string, []string)
}

// Config configures a Proxy.
type Config struct {
	Server     string // the server's name in calls: params.server
	Judge      Judge
	Approver   Approver // nil: require_approval is denied with a hint
	Redactor   Redactor // nil: no response scanning
	HideDenied bool
	Monitor    bool   // record only: refuse, redact and hide nothing
	Session    string // call.Call.Session for every call
	Cwd        string // call.Call.Cwd for every call
	Agent      string // call.Call.Agent until the client names itself
	// Log receives diagnostics, one line each (the proxy's stderr).
	Log io.Writer
}

// Proxy relays one client–server session. Its methods are safe for
// concurrent use.
type Proxy struct {
	cfg    Config
	client *lineWriter // to the client
	server *lineWriter // to the server

	mu          sync.Mutex
	agent       string
	pending     map[string]pending            // client requests the server has not answered
	held        map[string]context.CancelFunc // calls waiting for approval
	denied      map[string]bool               // calls answered by the proxy, for dropping cancellations
	deniedOrder []string
	annotations map[string]any        // tool name → annotations from tools/list
	tasks       map[string]deniedTask // tasks the proxy made for denied calls (tasks.go)
	taskOrder   []string
	closed      bool
	wg          sync.WaitGroup

	// decodeAll sends every server message down the decoding path (tests
	// compare it with passServer).
	decodeAll bool

	fromServer valueDecoder // the server's messages, numbers as sent
	arguments  valueDecoder // tools/call arguments, for the policy
}

// pending is a client request forwarded to the server.
type pending struct {
	id     json.RawMessage
	method string
	call   *call.Call // for tools/call, to record findings against
}

// maxDenied bounds the ids remembered for dropping late cancellations.
const maxDenied = 4096

// New returns a Proxy that writes to the client on toClient and to the server
// on toServer.
func New(cfg Config, toClient, toServer io.Writer) *Proxy {
	if cfg.Log == nil {
		cfg.Log = io.Discard
	}
	return &Proxy{
		cfg:         cfg,
		client:      &lineWriter{w: toClient},
		server:      &lineWriter{w: toServer},
		agent:       cfg.Agent,
		pending:     map[string]pending{},
		held:        map[string]context.CancelFunc{},
		denied:      map[string]bool{},
		annotations: map[string]any{},
		fromServer:  valueDecoder{useNumber: true},
	}
}

// FromClient relays the client's stream to the server until it ends, then
// returns: io.EOF's absence is reported as nil, a read error as itself. The
// caller closes the server's input afterwards.
func (p *Proxy) FromClient(r io.Reader) error { return relay(r, p.clientLine, p.clientTooLong) }

// FromServer relays the server's stream to the client until it ends.
func (p *Proxy) FromServer(r io.Reader) error { return relay(r, p.serverLine, p.serverTooLong) }

// relay reads frames from r until it ends, handing each line, or each
// over-long one, to its handler.
func relay(r io.Reader, line func([]byte), tooLong func(*frame.TooLongError)) error {
	fr := frame.NewReader(r)
	for {
		b, err := fr.Next()
		if err == io.EOF {
			return nil
		}
		var tl *frame.TooLongError
		if errors.As(err, &tl) {
			tooLong(tl)
			continue
		}
		if err != nil {
			return err
		}
		line(b)
	}
}

// Abort answers every request the server will now never answer with a
// JSON-RPC error carrying reason, cancels held calls, and stops the proxy
// from writing to the server. Call it once the server has exited.
func (p *Proxy) Abort(reason string) {
	p.mu.Lock()
	p.closed = true
	var ids []json.RawMessage
	for k, pd := range p.pending {
		ids = append(ids, pd.id)
		delete(p.pending, k)
	}
	for k, cancel := range p.held {
		cancel()
		delete(p.held, k)
	}
	p.mu.Unlock()
	for _, id := range ids {
		p.client.write(errorResponse(id, codeInternal, reason))
	}
}

// Wait waits for held calls to be resolved.
func (p *Proxy) Wait() { p.wg.Wait() }

// Err returns the first error writing to the client, if any: a client that
// went away.
func (p *Proxy) Err() error { return p.client.error() }

func (p *Proxy) logf(format string, args ...any) {
	fmt.Fprintf(p.cfg.Log, "rampart-mcp: "+format+"\n", args...)
}

// lineWriter serialises whole lines onto one stream. Each line goes out in
// one Write as soon as it is complete: the streams are pipes, so there is no
// buffer to flush and no delay added.
type lineWriter struct {
	mu  sync.Mutex
	w   io.Writer
	err error
}

func (l *lineWriter) write(line []byte) error {
	if n := len(line); n == 0 || line[n-1] != '\n' {
		line = append(line[:n:n], '\n')
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.err != nil {
		return l.err
	}
	_, l.err = l.w.Write(line)
	return l.err
}

func (l *lineWriter) error() error {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.err
}
