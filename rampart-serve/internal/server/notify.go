package server

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"time"

	"github.com/prometheus/client_golang/prometheus"

	"rampart.dev/pkg/approval"
	"rampart.dev/pkg/call"
	"rampart.dev/pkg/secret"
)

// Webhook formats.
const (
	FormatJSON  = "json"  // Rampart's own JSON body
	FormatSlack = "slack" // a Slack-compatible incoming webhook: {"text":…,"blocks":[…]}
)

// Webhook is one place told about every call held for approval.
type Webhook struct {
	URL     string            `yaml:"url"`
	Format  string            `yaml:"format"`  // FormatJSON (default) or FormatSlack
	Headers map[string]string `yaml:"headers"` // such as Authorization
}

// Notify configures approval notifications.
type Notify struct {
	Webhooks []Webhook
	// BaseURL is this server's address as the people notified reach it,
	// for the resolve endpoint in the message (http://127.0.0.1:9090).
	BaseURL string
	Queue   int           // notifications waiting per webhook; 0 means DefaultNotifyQueue
	Retries int           // resends after a failure; 0 means DefaultNotifyRetries, <0 none
	Backoff time.Duration // first wait before a resend, doubling; 0 means DefaultNotifyBackoff
	Timeout time.Duration // per attempt; 0 means DefaultNotifyTimeout
}

// Defaults of Notify. A webhook that is down or slow only ever delays
// other notifications to itself: each has its own queue and sender, and a
// full queue drops (counted and audited) rather than waits.
const (
	DefaultNotifyQueue   = 100
	DefaultNotifyRetries = 3
	DefaultNotifyBackoff = time.Second
	DefaultNotifyTimeout = 10 * time.Second
)

// FlagNotifyDropped marks the audit record of an approval whose
// notification to a webhook was dropped (queue full) or failed for good.
const FlagNotifyDropped = "notify_dropped"

// maxNotifyText bounds the call shown in a notification: enough to judge
// it; the full call is one `rampart pending` away.
const maxNotifyText = 1000

// CheckWebhook reports what is wrong with a webhook's configuration.
func CheckWebhook(h Webhook) error {
	u, err := url.Parse(h.URL)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return fmt.Errorf("webhook %q: want an http or https URL", redactURL(h.URL))
	}
	if h.Format != "" && h.Format != FormatJSON && h.Format != FormatSlack {
		return fmt.Errorf("webhook %s: format must be json or slack, not %q", redactURL(h.URL), h.Format)
	}
	return nil
}

// redactURL names a webhook in messages by scheme and host only: its path
// often is its secret (Slack's are).
func redactURL(s string) string {
	u, err := url.Parse(s)
	if err != nil || u.Host == "" {
		return "(a webhook)"
	}
	return u.Scheme + "://" + u.Host + "/…"
}

// notifier posts held approvals to the webhooks, each from its own queue.
type notifier struct {
	cfg     Notify
	client  *http.Client
	senders []*sender
	outcome *prometheus.CounterVec
	audit   func(a approval.Approval, msg string)
	logf    func(format string, args ...any)
	ctx     context.Context
	cancel  context.CancelFunc
	wg      sync.WaitGroup
}

type sender struct {
	hook  Webhook
	queue chan approval.Approval
}

func newNotifier(cfg Notify, reg *prometheus.Registry, audit func(approval.Approval, string), logf func(string, ...any)) *notifier {
	if cfg.Queue <= 0 {
		cfg.Queue = DefaultNotifyQueue
	}
	if cfg.Retries == 0 {
		cfg.Retries = DefaultNotifyRetries
	}
	if cfg.Backoff <= 0 {
		cfg.Backoff = DefaultNotifyBackoff
	}
	if cfg.Timeout <= 0 {
		cfg.Timeout = DefaultNotifyTimeout
	}
	n := &notifier{
		cfg:    cfg,
		client: &http.Client{Timeout: cfg.Timeout},
		outcome: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "rampart_notifications_total",
			Help: "Approval notifications to webhooks, by outcome: sent, failed (after the retries), dropped (queue full).",
		}, []string{"outcome"}),
		audit: audit,
		logf:  logf,
	}
	for _, o := range []string{"sent", "failed", "dropped"} {
		n.outcome.WithLabelValues(o)
	}
	reg.MustRegister(n.outcome)
	n.ctx, n.cancel = context.WithCancel(context.Background())
	for _, h := range cfg.Webhooks {
		s := &sender{hook: h, queue: make(chan approval.Approval, cfg.Queue)}
		n.senders = append(n.senders, s)
		n.wg.Add(1)
		go n.run(s)
	}
	return n
}

// held queues a new approval for every webhook. It never blocks: a full
// queue drops the notification, counts it and audits it.
func (n *notifier) held(a approval.Approval) {
	for _, s := range n.senders {
		select {
		case s.queue <- a:
		default:
			n.outcome.WithLabelValues("dropped").Inc()
			n.logf("error: approval %s: notification to %s dropped: %d notifications already waiting", a.ID, redactURL(s.hook.URL), cap(s.queue))
			n.audit(a, fmt.Sprintf("approval %s: notification to %s dropped: its queue is full", a.ID, redactURL(s.hook.URL)))
		}
	}
}

// close stops the senders; notifications still queued are abandoned.
func (n *notifier) close() {
	n.cancel()
	n.wg.Wait()
}

func (n *notifier) run(s *sender) {
	defer n.wg.Done()
	for {
		select {
		case <-n.ctx.Done():
			return
		case a := <-s.queue:
			n.deliver(s.hook, a)
		}
	}
}

// deliver posts one notification, resending with exponential backoff.
func (n *notifier) deliver(h Webhook, a approval.Approval) {
	body, err := notificationBody(h.Format, a, n.cfg.BaseURL)
	if err != nil {
		n.logf("error: approval %s: %v", a.ID, err)
		return
	}
	wait := n.cfg.Backoff
	for attempt := 0; ; attempt++ {
		err, retry := n.post(h, body)
		if err == nil {
			n.outcome.WithLabelValues("sent").Inc()
			return
		}
		if !retry || attempt >= n.cfg.Retries {
			n.outcome.WithLabelValues("failed").Inc()
			n.logf("error: approval %s: notification to %s failed: %v", a.ID, redactURL(h.URL), err)
			n.audit(a, fmt.Sprintf("approval %s: notification to %s failed: %v", a.ID, redactURL(h.URL), err))
			return
		}
		t := time.NewTimer(wait)
		select {
		case <-n.ctx.Done():
			t.Stop()
			return
		case <-t.C:
		}
		wait *= 2
	}
}

// post sends body once; retry says whether another try may help.
func (n *notifier) post(h Webhook, body []byte) (err error, retry bool) {
	req, err := http.NewRequestWithContext(n.ctx, http.MethodPost, h.URL, bytes.NewReader(body))
	if err != nil {
		return err, false
	}
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("User-Agent", "rampart-serve")
	for k, v := range h.Headers {
		req.Header.Set(k, v)
	}
	resp, err := n.client.Do(req)
	if err != nil {
		// net/http's errors name the URL, which may hold the secret.
		if ue, ok := err.(*url.Error); ok {
			err = ue.Err
		}
		return err, true
	}
	io.Copy(io.Discard, io.LimitReader(resp.Body, 64<<10))
	resp.Body.Close()
	switch {
	case resp.StatusCode/100 == 2:
		return nil, false
	case resp.StatusCode == http.StatusTooManyRequests || resp.StatusCode/100 == 5:
		return fmt.Errorf("answered %s", resp.Status), true
	default:
		return fmt.Errorf("answered %s", resp.Status), false
	}
}

// Notification is the generic JSON body posted for a held call.
//
//	{"event":"approval.pending","approval":{"id":"01M8…","status":"pending","call":{…},"decision":{…},…},
//	 "text":"…","resolve":{"approve":"rampart approve 01M8…","deny":"rampart deny 01M8…",
//	 "http":"POST http://127.0.0.1:9090/v1/approvals/01M8…/resolve","body":{"approved":true,"reason":"…"}}}
type Notification struct {
	Event    string            `json:"event"`
	Approval approval.Approval `json:"approval"`
	Text     string            `json:"text"`
	Resolve  Resolve           `json:"resolve"`
}

// Resolve says how to answer a held call.
type Resolve struct {
	Approve string         `json:"approve"`
	Deny    string         `json:"deny"`
	HTTP    string         `json:"http"`
	Body    map[string]any `json:"body"`
}

// redacted returns a with credentials masked in the call's params and in
// the decision's matched text and message.
func redacted(a approval.Approval) approval.Approval {
	if a.Call.Params != nil {
		if p, found := secret.RedactValue(map[string]any(a.Call.Params)); len(found) > 0 {
			if m, ok := p.(map[string]any); ok {
				a.Call.Params = call.Params(m)
			}
		}
	}
	a.Decision.Matched, _ = secret.Redact(a.Decision.Matched)
	a.Decision.Message, _ = secret.Redact(a.Decision.Message)
	a.Result = nil
	return a
}

// summary is the call in one line: the command, path, URL or MCP tool.
func summary(c call.Call) string {
	var s string
	switch c.Tool {
	case call.ToolExec:
		s, _ = c.Params["command"].(string)
	case call.ToolRead, call.ToolWrite:
		s, _ = c.Params["path"].(string)
	case call.ToolFetch:
		s, _ = c.Params["url"].(string)
	case call.ToolMCP:
		srv, _ := c.Params["server"].(string)
		tool, _ := c.Params["tool"].(string)
		s = srv + "/" + tool
	}
	if s == "" {
		b, _ := json.Marshal(c.Params)
		s = string(b)
	}
	s = strings.Map(func(r rune) rune {
		if r < 32 || r == 127 {
			return ' '
		}
		return r
	}, s)
	if len(s) > maxNotifyText {
		n := maxNotifyText
		for n > 0 && s[n]&0xc0 == 0x80 {
			n--
		}
		s = s[:n] + "…"
	}
	return s
}

// notificationBody builds the body for a webhook of the given format.
func notificationBody(format string, a approval.Approval, base string) ([]byte, error) {
	a = redacted(a)
	if base == "" {
		base = "http://" + approval.DefaultAddr
	}
	endpoint := strings.TrimSuffix(base, "/") + "/v1/approvals/" + a.ID + "/resolve"
	what := summary(a.Call)
	agent := a.Call.Agent
	if agent == "" {
		agent = "an agent"
	}
	policies := strings.Join(a.Decision.MatchedPolicies, ", ")
	text := fmt.Sprintf("Rampart: %s asks to run %s `%s` (policy %s: %s). Approve: rampart approve %s — deny: rampart deny %s — or POST %s with the admin token. Expires %s.",
		agent, a.Call.Tool, what, policies, a.Decision.Message, a.ID, a.ID, endpoint, a.Expires.UTC().Format(time.RFC3339))
	if format == FormatSlack {
		esc := strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;", "`", "'")
		section := func(s string) map[string]any {
			return map[string]any{"type": "section", "text": map[string]any{"type": "mrkdwn", "text": s}}
		}
		return marshal(map[string]any{
			"text": esc.Replace(text),
			"blocks": []any{
				section(fmt.Sprintf("*Rampart: a call is held for approval* (`%s`)", a.ID)),
				section(fmt.Sprintf("*%s* wants to run *%s*:\n`%s`", esc.Replace(agent), esc.Replace(a.Call.Tool), esc.Replace(what))),
				section(fmt.Sprintf("Policy *%s*: %s", esc.Replace(policies), esc.Replace(a.Decision.Message))),
				section(fmt.Sprintf("Approve: `rampart approve %s`\nDeny: `rampart deny %s`\nOr `POST %s` with the admin token and `{\"approved\":true}`.\nExpires %s.",
					a.ID, a.ID, esc.Replace(endpoint), a.Expires.UTC().Format(time.RFC3339))),
			},
		})
	}
	return marshal(Notification{
		Event: "approval.pending", Approval: a, Text: text,
		Resolve: Resolve{
			Approve: "rampart approve " + a.ID, Deny: "rampart deny " + a.ID,
			HTTP: "POST " + endpoint, Body: map[string]any{"approved": true, "reason": "why"},
		},
	})
}

func marshal(v any) ([]byte, error) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	err := enc.Encode(v)
	return buf.Bytes(), err
}

// notifyHeld is the hook where an approval is created: it hands the
// approval to the notifier, if there is one, without waiting.
func (s *Server) notifyHeld(a approval.Approval) {
	if s.notify != nil && a.Status == approval.Pending {
		s.notify.held(a)
	}
}

// notifyRecovered notifies again of the approvals still pending at start
// (asynchronous ones, which outlive a restart): a notification queued when
// the server stopped was never sent. Receivers may see an approval twice;
// its id tells them.
func (s *Server) notifyRecovered() {
	if s.notify == nil {
		return
	}
	for _, a := range s.store.List(approval.Pending) {
		s.notify.held(a)
	}
}

// auditNotifyDropped records that the humans may not have heard of a held
// call: the record repeats the call with its require_approval decision,
// flagged notify_dropped, and says why.
func (s *Server) auditNotifyDropped(a approval.Approval, msg string) {
	d := call.Decision{
		Decision:        call.RequireApproval,
		Message:         msg,
		MatchedPolicies: a.Decision.MatchedPolicies,
		Flags:           []string{FlagNotifyDropped},
	}
	if err := s.cfg.Point.Record(a.Call, d); err != nil {
		s.logf("error: auditing a dropped notification of approval %s: %v", a.ID, err)
	}
}
