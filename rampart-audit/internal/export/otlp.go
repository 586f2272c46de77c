package export

import (
	"bytes"
	"context"
	"crypto/tls"
	"errors"
	"fmt"
	"io"
	"net/http"
	"strings"
	"time"
)

// OTLP encodings.
const (
	EncodingProto = "proto" // application/x-protobuf
	EncodingJSON  = "json"  // application/json, OTLP's JSON mapping
)

// maxResponse bounds what is read of a collector's answer: an OTLP
// response is a status and a short message.
const maxResponse = 64 << 10

// OTLPConfig configures an OTLP/HTTP Sink.
type OTLPConfig struct {
	URL      string      // where logs are posted, such as http://host:4318/v1/logs
	TLS      *tls.Config // for https URLs; nil means the system's roots
	Encoding string      // EncodingProto (default) or EncodingJSON
	Headers  []string    // extra request headers, NAME=VALUE
	Hostname string      // the host.name resource attribute
	Version  string      // Rampart's version: service.version and the scope's version
	Timeout  time.Duration
}

// OTLP is a Sink that posts records as OpenTelemetry log records over
// OTLP/HTTP. A 2xx answer acknowledges the batch; 429, 502, 503 and 504 (and
// a network error) are retried, as the OTLP specification says; any other
// answer, and a partial success that rejected records, stop the export.
type OTLP struct {
	cfg    OTLPConfig
	client *http.Client
	hdr    http.Header
}

// NewOTLP returns an OTLP/HTTP Sink.
func NewOTLP(cfg OTLPConfig) *OTLP {
	if cfg.Encoding == "" {
		cfg.Encoding = EncodingProto
	}
	if cfg.Timeout <= 0 {
		cfg.Timeout = 30 * time.Second
	}
	tr := http.DefaultTransport.(*http.Transport).Clone()
	tr.Proxy = nil // a collector is reached directly; HTTP_PROXY is for the agent's traffic
	if cfg.TLS != nil {
		tr.TLSClientConfig = cfg.TLS
	}
	hdr := http.Header{}
	for _, h := range cfg.Headers {
		k, v, _ := strings.Cut(h, "=")
		hdr.Add(strings.TrimSpace(k), strings.TrimSpace(v))
	}
	hdr.Set("User-Agent", "rampart-audit/"+cfg.Version)
	if cfg.Encoding == EncodingJSON {
		hdr.Set("Content-Type", "application/json")
	} else {
		hdr.Set("Content-Type", "application/x-protobuf")
	}
	return &OTLP{cfg: cfg, client: &http.Client{Transport: tr, Timeout: cfg.Timeout}, hdr: hdr}
}

// Send posts one export request holding items.
func (o *OTLP) Send(ctx context.Context, items []Item) error {
	res := resourceInfo{hostname: o.cfg.Hostname, version: o.cfg.Version}
	var body []byte
	if o.cfg.Encoding == EncodingJSON {
		body = EncodeLogsJSON(items, res)
	} else {
		body = EncodeLogsProto(items, res)
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, o.cfg.URL, bytes.NewReader(body))
	if err != nil {
		return Permanent(err)
	}
	req.Header = o.hdr.Clone()
	resp, err := o.client.Do(req)
	if err != nil {
		return fmt.Errorf("otlp: %w", err)
	}
	defer resp.Body.Close()
	rb, _ := io.ReadAll(io.LimitReader(resp.Body, maxResponse))
	io.Copy(io.Discard, io.LimitReader(resp.Body, maxResponse))
	ans, perr := ParseResponse(resp.Header.Get("Content-Type"), rb, resp.StatusCode/100 == 2)
	switch {
	case resp.StatusCode/100 == 2:
		if perr != nil {
			return Permanent(fmt.Errorf("otlp %s: %s but %v", o.cfg.URL, resp.Status, perr))
		}
		if ans.Rejected > 0 {
			return Permanent(fmt.Errorf("otlp %s: the collector rejected %d of %d records: %s", o.cfg.URL, ans.Rejected, len(items), ans.Message))
		}
		return nil
	case retryable[resp.StatusCode]:
		return fmt.Errorf("otlp %s: %s %s", o.cfg.URL, resp.Status, ans.Message)
	default:
		return Permanent(fmt.Errorf("otlp %s: %s %s", o.cfg.URL, resp.Status, ans.Message))
	}
}

// retryable are the HTTP statuses OTLP/HTTP says to retry.
var retryable = map[int]bool{
	http.StatusTooManyRequests:    true,
	http.StatusBadGateway:         true,
	http.StatusServiceUnavailable: true,
	http.StatusGatewayTimeout:     true,
}

// Close releases idle connections.
func (o *OTLP) Close() error {
	o.client.CloseIdleConnections()
	return nil
}

// Answer is what a collector said about an export request: on success, the
// records it rejected (a partial success), else the error's message.
type Answer struct {
	Rejected int64
	Message  string
}

// ParseResponse reads a collector's answer: an ExportLogsServiceResponse
// when ok, a google.rpc.Status otherwise, in protobuf or JSON by content
// type. An empty body is an empty answer. The body is untrusted: errors
// say what is wrong without echoing it.
func ParseResponse(contentType string, body []byte, ok bool) (Answer, error) {
	if len(body) == 0 {
		return Answer{}, nil
	}
	ct, _, _ := strings.Cut(contentType, ";")
	switch strings.TrimSpace(strings.ToLower(ct)) {
	case "application/json":
		return parseJSONAnswer(body, ok)
	case "application/x-protobuf", "application/protobuf":
		return parseProtoAnswer(body, ok)
	}
	if ok {
		return Answer{}, nil // a proxy's page, say: the status is what counts
	}
	return Answer{Message: clipMessage("(" + ct + " body)")}, nil
}

var errBadAnswer = errors.New("the answer is not an OTLP response")
