package match

import (
	"net/url"
	"strings"
)

// FileURIPath returns the local path a file: URI names, as a browser or a
// file-reading tool opens it: the scheme in any case, with or without the
// two slashes, an empty or localhost authority, percent-escapes decoded,
// and a view-source: in front. A file URI naming another host is not a
// local path.
func FileURIPath(v string) (string, bool) {
	if len(v) < 6 {
		return "", false
	}
	if len(v) > 12 && strings.EqualFold(v[:12], "view-source:") {
		v = v[12:]
	}
	if !strings.EqualFold(v[:5], "file:") {
		return "", false
	}
	rest := v[5:]
	if strings.IndexByte(rest, '%') >= 0 {
		// file:%2Fhome%2F…: the escapes are decoded before the slashes count.
		if p, err := url.PathUnescape(rest); err == nil {
			rest = p
		}
	}
	if strings.HasPrefix(rest, "//") {
		host, p, ok := strings.Cut(rest[2:], "/")
		if !ok {
			return "", false
		}
		switch strings.ToLower(host) {
		case "", "localhost", "127.0.0.1", "[::1]":
		default:
			return "", false
		}
		rest = "/" + p
	}
	if !strings.HasPrefix(rest, "/") {
		return "", false
	}
	if i := strings.IndexAny(rest, "?#"); i >= 0 {
		rest = rest[:i]
	}
	if strings.IndexByte(rest, '%') >= 0 {
		if p, err := url.PathUnescape(rest); err == nil {
			rest = p
		}
	}
	return rest, true
}
