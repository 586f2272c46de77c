package engine

import "strings"

// A credential spelled into a URL's host name: https://AKIA….x.example.org/
// is resolved through DNS, and the query for the name reaches whoever
// serves the zone, key and all, before any request is sent. The parsed
// host is lower-cased (DNS names fold case), which hides keys whose form
// is upper case; the host is read as written.

// urlHostAsWritten returns the host of a URL as written, without its
// userinfo and port, or "".
func urlHostAsWritten(raw string) string {
	_, rest, ok := strings.Cut(raw, "://")
	if !ok {
		return ""
	}
	if i := strings.IndexAny(rest, "/?#"); i >= 0 {
		rest = rest[:i]
	}
	if i := strings.LastIndexByte(rest, '@'); i >= 0 {
		rest = rest[i+1:]
	}
	if strings.HasPrefix(rest, "[") {
		return "" // an IPv6 literal carries no name
	}
	if i := strings.IndexByte(rest, ':'); i >= 0 {
		rest = rest[:i]
	}
	return rest
}

// hostCredential names the kind of credential a URL's host name carries
// as written, or "".
func hostCredential(raw string) string {
	h := urlHostAsWritten(raw)
	if len(h) < 16 {
		return ""
	}
	return sentCredentialIn(h)
}
