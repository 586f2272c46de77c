package server

import (
	"bytes"
	"context"
	"encoding/base64"
	"errors"
	"fmt"
	"io"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"time"
	"unicode/utf8"

	"rampart.dev/pkg/call"
	"rampart.dev/pkg/secret"
)

// Limits on running calls. Each bounds what one call can cost the server
// and what one response carries.
const (
	// DefaultExecTimeout is how long exec and fetch may run when the call
	// names no timeout: long enough for a build step, short enough that a
	// hung command does not hold a worker for ever.
	DefaultExecTimeout = 2 * time.Minute
	// MaxExecTimeout caps a timeout a call asks for.
	MaxExecTimeout = 30 * time.Minute
	// MaxOutput caps each of stdout and stderr, a file read and a fetched
	// body: 1 MiB is more than a model can use in one turn.
	MaxOutput = 1 << 20
	// maxRedirects bounds the redirects a fetch follows, each judged anew.
	maxRedirects = 10
)

// ExecResult is the result of an exec call.
type ExecResult struct {
	ExitCode   int         `json:"exit_code"`
	Stdout     string      `json:"stdout"`
	Stderr     string      `json:"stderr"`
	TimedOut   bool        `json:"timed_out,omitempty"`
	Truncated  bool        `json:"truncated,omitempty"`
	DurationMS int64       `json:"duration_ms"`
	Redacted   []Redaction `json:"redacted,omitempty"`
}

// ReadResult is the result of a read call. Content that is not UTF-8 is
// returned in base64 with Encoding "base64".
type ReadResult struct {
	Path      string      `json:"path"`
	Content   string      `json:"content"`
	Encoding  string      `json:"encoding,omitempty"`
	Size      int64       `json:"size"`
	Truncated bool        `json:"truncated,omitempty"`
	Redacted  []Redaction `json:"redacted,omitempty"`
}

// WriteResult is the result of a write call.
type WriteResult struct {
	Path  string `json:"path"`
	Bytes int    `json:"bytes"`
}

// FetchResult is the result of a fetch call.
type FetchResult struct {
	URL       string            `json:"url"` // after redirects
	Status    int               `json:"status"`
	Headers   map[string]string `json:"headers"`
	Body      string            `json:"body"`
	Encoding  string            `json:"encoding,omitempty"`
	Truncated bool              `json:"truncated,omitempty"`
	Redacted  []Redaction       `json:"redacted,omitempty"`
}

// Redaction says a credential of some kind was removed from a field of a
// result before it was returned.
type Redaction struct {
	Field string `json:"field"`
	Kind  string `json:"kind"`
}

// runBudget is how long running c may take, for the write deadline.
func (s *Server) runBudget(c call.Call) time.Duration {
	return s.timeout(c) + 30*time.Second
}

func (s *Server) timeout(c call.Call) time.Duration {
	t := s.cfg.ExecTimeout
	if v, ok := c.Params["timeout"].(float64); ok && v > 0 {
		t = time.Duration(v * float64(time.Second))
	}
	return min(t, MaxExecTimeout)
}

// run carries out an allowed call and scans what it returns for
// credentials; a finding is redacted and audited. It returns the result, or
// an error message when the call could not be carried out.
func (s *Server) run(ctx context.Context, c call.Call) (any, string) {
	var (
		res  any
		reds []Redaction
		err  error
	)
	switch c.Tool {
	case call.ToolExec:
		var r *ExecResult
		r, err = s.runExec(ctx, c)
		if r != nil {
			reds = r.Redacted
			res = r
		}
	case call.ToolRead:
		var r *ReadResult
		r, err = s.runRead(c)
		if r != nil {
			reds = r.Redacted
			res = r
		}
	case call.ToolWrite:
		res, err = s.runWrite(c)
	case call.ToolFetch:
		var r *FetchResult
		r, err = s.runFetch(ctx, c)
		if r != nil {
			reds = r.Redacted
			res = r
		}
	default:
		err = fmt.Errorf("rampart-serve does not run tool %q", c.Tool)
	}
	if len(reds) > 0 {
		s.auditRedaction(c, reds)
	}
	if res != nil {
		if d := s.cfg.Point.DecideResponseRules(c, resultText(res)); d.Blocks() {
			return nil, withheld(d)
		}
	}
	if err != nil {
		return res, err.Error()
	}
	return res, ""
}

// resultText is the text of a result that response_matches rules read:
// what the model would see (credentials already redacted).
func resultText(res any) string {
	switch r := res.(type) {
	case *ExecResult:
		return r.Stdout + "\n" + r.Stderr
	case *ReadResult:
		return r.Content
	case *FetchResult:
		return r.Body
	}
	return ""
}

// withheld is the error of a call whose result the policy blocked.
func withheld(d call.Decision) string {
	text := "output withheld by Rampart"
	if len(d.MatchedPolicies) > 0 {
		text += " policy '" + strings.Join(d.MatchedPolicies, "', '") + "'"
	}
	if d.Message != "" {
		text += ": " + d.Message
	}
	return text + ". The tool ran, but its output may not be shown."
}

func (s *Server) auditRedaction(c call.Call, reds []Redaction) {
	kinds := make([]string, 0, len(reds))
	seen := map[string]bool{}
	for _, r := range reds {
		k := r.Field + ":" + r.Kind
		if !seen[k] {
			seen[k] = true
			kinds = append(kinds, k)
		}
	}
	d := call.Decision{
		Decision: call.Log,
		Message:  fmt.Sprintf("redacted %d credential(s) from the %s result (%s)", len(reds), c.Tool, strings.Join(kinds, ", ")),
		Flags:    []string{"redacted"},
	}
	if err := s.cfg.Point.Record(c, d); err != nil {
		s.logf("error: auditing a redaction: %v", err)
	}
}

func redact(field, s string, reds *[]Redaction) string {
	out, fs := secret.Redact(s)
	for _, f := range fs {
		*reds = append(*reds, Redaction{Field: field, Kind: f.Kind})
	}
	return out
}

func (s *Server) runExec(ctx context.Context, c call.Call) (*ExecResult, error) {
	command := c.Command()
	if command == "" {
		return nil, errors.New("exec needs a command")
	}
	ctx, cancel := context.WithTimeout(ctx, s.timeout(c))
	defer cancel()
	sh, err := posixShell()
	if err != nil {
		return nil, err
	}
	cmd := exec.CommandContext(ctx, sh, "-c", command)
	cmd.Dir = c.Cwd
	// On timeout kill the whole process tree, not only the shell (see
	// runTree), and do not wait for ever on a grandchild that holds the
	// pipes.
	cmd.WaitDelay = 2 * time.Second
	if in, ok := c.Params["stdin"].(string); ok {
		cmd.Stdin = strings.NewReader(in)
	}
	stdout, stderr := &capped{max: MaxOutput}, &capped{max: MaxOutput}
	cmd.Stdout, cmd.Stderr = stdout, stderr
	start := time.Now()
	err = runTree(cmd)
	r := &ExecResult{DurationMS: time.Since(start).Milliseconds(), Truncated: stdout.over || stderr.over}
	if ctx.Err() == context.DeadlineExceeded {
		r.TimedOut = true
	}
	var ee *exec.ExitError
	switch {
	case err == nil:
	case errors.As(err, &ee):
		r.ExitCode = ee.ExitCode()
		if r.ExitCode < 0 {
			r.ExitCode = 128 + int(syscall.SIGKILL)
		}
	case errors.Is(err, exec.ErrWaitDelay):
	default:
		return nil, fmt.Errorf("exec: %v", err)
	}
	r.Stdout = redact("stdout", textOf(stdout.b.Bytes()), &r.Redacted)
	r.Stderr = redact("stderr", textOf(stderr.b.Bytes()), &r.Redacted)
	return r, nil
}

// textOf makes output valid UTF-8 for JSON, replacing invalid bytes.
func textOf(b []byte) string {
	if utf8.Valid(b) {
		return string(b)
	}
	return strings.ToValidUTF8(string(b), "\uFFFD")
}

// capped is a writer that keeps the first max bytes and notes the rest.
type capped struct {
	b    bytes.Buffer
	max  int
	over bool
}

func (c *capped) Write(p []byte) (int, error) {
	if room := c.max - c.b.Len(); room < len(p) {
		c.over = true
		c.b.Write(p[:max(room, 0)])
		return len(p), nil
	}
	return c.b.Write(p)
}

// resolvePath turns a call's path into the one the engine judged: ~ and
// $HOME expanded, relative to the call's cwd, cleaned.
func (s *Server) resolvePath(c call.Call) (string, error) {
	p := c.Path()
	if p == "" {
		return "", fmt.Errorf("%s needs a path", c.Tool)
	}
	switch {
	case p == "~" || p == "$HOME":
		p = s.cfg.UserHome
	case strings.HasPrefix(p, "~/"):
		p = filepath.Join(s.cfg.UserHome, p[2:])
	case strings.HasPrefix(p, "$HOME/"):
		p = filepath.Join(s.cfg.UserHome, p[6:])
	case !filepath.IsAbs(p):
		p = filepath.Join(c.Cwd, p)
	}
	return filepath.Clean(p), nil
}

// rejudgeLink closes the gap between the path the policy judged and the
// file the system opens: when path leads through a symbolic link, the real
// path is judged too (and audited), and anything short of allow or log
// stops the call.
func (s *Server) rejudgeLink(c call.Call, path string) error {
	real, err := filepath.EvalSymlinks(path)
	if err != nil {
		// A file about to be written may not exist: judge its directory's
		// real path joined with its name.
		dir, derr := filepath.EvalSymlinks(filepath.Dir(path))
		if derr != nil {
			return nil // nothing there; the open reports it
		}
		real = filepath.Join(dir, filepath.Base(path))
	}
	if real == path {
		return nil
	}
	c2 := c
	c2.Params = make(call.Params, len(c.Params))
	for k, v := range c.Params {
		c2.Params[k] = v
	}
	c2.Params["path"] = real
	d := s.decide(c2)
	if d.Blocks() {
		return fmt.Errorf("denied: %s leads to %s: %s", path, real, d.Message)
	}
	return nil
}

func (s *Server) runRead(c call.Call) (*ReadResult, error) {
	path, err := s.resolvePath(c)
	if err != nil {
		return nil, err
	}
	if err := s.rejudgeLink(c, path); err != nil {
		return nil, err
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	fi, err := f.Stat()
	if err != nil {
		return nil, err
	}
	if !fi.Mode().IsRegular() {
		return nil, fmt.Errorf("%s is not a regular file", path)
	}
	b, err := io.ReadAll(io.LimitReader(f, MaxOutput+1))
	if err != nil {
		return nil, err
	}
	r := &ReadResult{Path: path, Size: fi.Size()}
	if len(b) > MaxOutput {
		b, r.Truncated = b[:MaxOutput], true
	}
	r.Content, r.Encoding = encodeBody(b, r.Truncated)
	if r.Encoding == "" {
		r.Content = redact("content", r.Content, &r.Redacted)
	}
	return r, nil
}

// encodeBody returns b as text when it is UTF-8 (a multi-byte character cut
// by truncation still counts), else as base64.
func encodeBody(b []byte, truncated bool) (string, string) {
	if utf8.Valid(b) {
		return string(b), ""
	}
	if truncated {
		for i := 1; i < utf8.UTFMax && i < len(b); i++ {
			if utf8.Valid(b[:len(b)-i]) {
				return string(b[:len(b)-i]), ""
			}
		}
	}
	return base64.StdEncoding.EncodeToString(b), "base64"
}

func (s *Server) runWrite(c call.Call) (*WriteResult, error) {
	path, err := s.resolvePath(c)
	if err != nil {
		return nil, err
	}
	content, ok := c.Params["content"].(string)
	if !ok && c.Params["content"] != nil {
		return nil, errors.New("write content must be a string")
	}
	if err := s.rejudgeLink(c, path); err != nil {
		return nil, err
	}
	if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
		return nil, err
	}
	return &WriteResult{Path: path, Bytes: len(content)}, nil
}

func (s *Server) runFetch(ctx context.Context, c call.Call) (*FetchResult, error) {
	u := c.URL()
	if !strings.HasPrefix(u, "http://") && !strings.HasPrefix(u, "https://") {
		return nil, errors.New("fetch needs an http or https url")
	}
	method := strings.ToUpper(c.Params.String("method"))
	if method == "" {
		method = http.MethodGet
	}
	ctx, cancel := context.WithTimeout(ctx, s.timeout(c))
	defer cancel()
	var body io.Reader
	if b, ok := c.Params["body"].(string); ok {
		body = strings.NewReader(b)
	}
	req, err := http.NewRequestWithContext(ctx, method, u, body)
	if err != nil {
		return nil, fmt.Errorf("fetch: %v", err)
	}
	if hs, ok := c.Params["headers"].(map[string]any); ok {
		for k, v := range hs {
			if v, ok := v.(string); ok {
				req.Header.Set(k, v)
			}
		}
	}
	client := &http.Client{
		// Every redirect is a new fetch, judged (and audited) like the
		// first: a policy that denies a host cannot be walked around by a
		// redirect to it.
		CheckRedirect: func(next *http.Request, via []*http.Request) error {
			if len(via) >= maxRedirects {
				return fmt.Errorf("stopped after %d redirects", maxRedirects)
			}
			c2 := c
			c2.Params = call.Params{"url": next.URL.String(), "method": next.Method}
			if d := s.decide(c2); d.Blocks() {
				return &redirectDenied{url: next.URL.Redacted(), msg: d.Message}
			}
			return nil
		},
	}
	resp, err := client.Do(req)
	if err != nil {
		var rd *redirectDenied
		if errors.As(err, &rd) {
			return nil, rd
		}
		return nil, fmt.Errorf("fetch: %v", errors.Unwrap(err))
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(io.LimitReader(resp.Body, MaxOutput+1))
	if err != nil {
		return nil, fmt.Errorf("fetch: reading the body: %v", err)
	}
	r := &FetchResult{URL: resp.Request.URL.Redacted(), Status: resp.StatusCode, Headers: map[string]string{}}
	for k, vs := range resp.Header {
		r.Headers[k] = redact("headers."+k, strings.Join(vs, ", "), &r.Redacted)
	}
	if len(b) > MaxOutput {
		b, r.Truncated = b[:MaxOutput], true
	}
	r.Body, r.Encoding = encodeBody(b, r.Truncated)
	if r.Encoding == "" {
		r.Body = redact("body", r.Body, &r.Redacted)
	}
	return r, nil
}

type redirectDenied struct{ url, msg string }

func (e *redirectDenied) Error() string {
	return fmt.Sprintf("denied: redirect to %s: %s", e.url, e.msg)
}
