package export

import (
	"fmt"
	"net"
	"net/url"
	"strings"
)

// Target is where an export goes, parsed from a URL.
type Target struct {
	Kind string // "syslog" or "otlp"
	TLS  bool
	Addr string // host:port
	URL  string // for otlp: the full http(s) URL logs are posted to
}

// schemes lists the target URL schemes: kind, TLS, default port.
var schemes = map[string]struct {
	kind string
	tls  bool
	port string
}{
	"syslog+tcp": {"syslog", false, "601"}, // syslog-conn, RFC 3195's port, used for RFC 6587
	"syslog+tls": {"syslog", true, "6514"}, // RFC 5425
	"otlp+http":  {"otlp", false, "4318"},  // OTLP/HTTP's default
	"otlp+https": {"otlp", true, "4318"},
}

// ParseTarget reads a -to URL: syslog+tcp://HOST[:PORT],
// syslog+tls://HOST[:PORT], otlp+http://HOST[:PORT][/PATH] or
// otlp+https://…. An OTLP URL without a path posts to /v1/logs.
func ParseTarget(raw string) (Target, error) {
	u, err := url.Parse(raw)
	if err != nil {
		return Target{}, fmt.Errorf("-to: %v", err)
	}
	s, ok := schemes[strings.ToLower(u.Scheme)]
	if !ok {
		return Target{}, fmt.Errorf("-to %q: the scheme must be syslog+tcp, syslog+tls, otlp+http or otlp+https", raw)
	}
	if u.Host == "" || u.Hostname() == "" {
		return Target{}, fmt.Errorf("-to %q: no host", raw)
	}
	if u.User != nil || u.RawQuery != "" || u.Fragment != "" {
		return Target{}, fmt.Errorf("-to %q: user info, query and fragment are not used; pass credentials with -header", raw)
	}
	port := u.Port()
	if port == "" {
		port = s.port
	}
	t := Target{Kind: s.kind, TLS: s.tls, Addr: net.JoinHostPort(u.Hostname(), port)}
	switch s.kind {
	case "syslog":
		if u.Path != "" && u.Path != "/" {
			return Target{}, fmt.Errorf("-to %q: a syslog target has no path", raw)
		}
	case "otlp":
		scheme := "http"
		if s.tls {
			scheme = "https"
		}
		path := u.EscapedPath()
		if path == "" || path == "/" {
			path = "/v1/logs"
		}
		t.URL = scheme + "://" + t.Addr + path
	}
	return t, nil
}
