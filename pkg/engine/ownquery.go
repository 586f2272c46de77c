package engine

import (
	"net/url"
	"strings"

	"rampart.dev/pkg/effect"
)

// An API key in a URL's query, under a parameter named for it, sent to
// the service the key is for (maps.googleapis.com?key=AIza…) is the key
// used, as an API meant to be called that way asks: not handed over.
// Only keys made to travel in a query (queryKeyKinds) count: a token a
// service takes in a header (a GitHub or Slack token) in a URL is still
// one handed over; and a URL that carries a second credential-named
// parameter beside the key (a chat webhook's ?key=…&token=…) is a
// capability that posts, not a keyed call. Anything else in the URL is
// still read for credentials (judgeURLCredentials).

// queryKeyKinds are the kinds of credential their services take in the
// query string.
var queryKeyKinds = [...]string{"google_api_key"}

// isQueryKeyKind reports whether kind is one of queryKeyKinds.
func isQueryKeyKind(kind string) bool {
	for _, k := range queryKeyKinds {
		if k == kind {
			return true
		}
	}
	return false
}

// withoutOwnQueryCredentials returns rest, the part of a URL after its
// host, with the query parameters removed whose name says they carry a
// credential and whose value is a credential for host itself; rest
// unchanged when there are none.
func withoutOwnQueryCredentials(rest, host string) string {
	i := strings.IndexByte(rest, '?')
	if i < 0 {
		return rest
	}
	q := rest[i+1:]
	frag := ""
	if j := strings.IndexByte(q, '#'); j >= 0 {
		q, frag = q[:j], q[j:]
	}
	var kept []string
	dropped, others := false, 0
	for part := range strings.SplitSeq(q, "&") {
		name, value, _ := strings.Cut(part, "=")
		if n, err := url.QueryUnescape(name); err == nil {
			name = n
		}
		if v, err := url.QueryUnescape(value); err == nil {
			value = v
		}
		if credentialField(name) {
			if kind := sentCredentialIn(value); !dropped && kind != "" && isQueryKeyKind(kind) && ownHost(kind, host) && !effect.CustomerHost(host, true) && !strings.ContainsAny(value, " &=") {
				dropped = true
				continue
			}
			others++
		}
		kept = append(kept, part)
	}
	if !dropped || others > 0 {
		return rest
	}
	return rest[:i+1] + strings.Join(kept, "&") + frag
}
