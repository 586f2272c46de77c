package engine

import (
	"strings"

	"rampart.dev/pkg/call"
	"rampart.dev/pkg/internal/table"
)

// An MCP tool that sends an HTTP request ({"method": "POST", "url": …,
// "body": …}, an http_request tool, a tool named post or put) sends the
// same request as the curl line with that method, URL and body, and is
// judged as that line: what a writing request changes at a service that is
// not this machine (effect: sharedrequest.go) is asked about whichever
// client sends it.

// requestMethodKeys are the argument keys (lower case, without separators)
// that give a request's method.
var requestMethodKeys = table.Map[string, bool]{Words: "method httpmethod verb httpverb requestmethod"}

// requestURLKeys are the keys that give the URL a request goes to.
var requestURLKeys = table.Map[string, bool]{Words: "url uri endpoint href target address requesturl"}

// requestBodyKeys are the keys that give its body.
var requestBodyKeys = table.Map[string, bool]{Words: "body data json payload form requestbody content jsonbody"}

// requestToolWords are the words an HTTP client tool's name is made of
// (http_request, post, put_request, rest_call): a method among them is the
// request's method.
var requestToolWords = table.Map[string, bool]{Words: `http https request api rest call
	fetch send post put patch delete make curl`}

// writeMethods are the methods a tool's name may carry.
var writeMethods = table.Map[string, bool]{Words: "POST PUT PATCH DELETE"}

// httpRequest judges an MCP call's arguments that describe an HTTP request
// as the curl line that sends it.
func (w *mcpWalk) httpRequest(args map[string]any) {
	w.request(args, 0)
}

// request judges one object of the arguments as a request, and the objects
// nested in it ({"request": {"method": …, "url": …}}), to a small depth.
// The URL may come in parts (a base URL or a host, and a path), its scheme
// in any case; the headers go with it (a method override among them).
func (w *mcpWalk) request(args map[string]any, depth int) {
	if depth > 3 || w.ev.denied() {
		return
	}
	method, target, body, host, rel := "", "", "", "", ""
	var headers []string
	for k, v := range args {
		if m, ok := v.(map[string]any); ok && !requestBodyKeys.Get(strings.ToLower(keySeparators.Get().Replace(k))) && !requestHeaderKeys.Get(normKey(k)) {
			w.request(m, depth+1)
		}
		key := strings.ToLower(keySeparators.Get().Replace(k))
		switch {
		case requestMethodKeys.Get(key):
			method, _ = v.(string)
		case requestURLKeys.Get(key) || strings.HasSuffix(key, "url") || strings.HasSuffix(key, "uri") || strings.HasSuffix(key, "endpoint"):
			if s, ok := v.(string); ok && webURL(s) && target == "" {
				i := strings.Index(s, "://")
				target = strings.ToLower(s[:i]) + s[i:] // HTTPS://…: a scheme is any case
			} else if ok && strings.HasPrefix(s, "/") && rel == "" {
				rel = s // {"endpoint": "/v1/…", "base_url": …}
			}
		case requestBodyKeys.Get(key):
			body = paramText(v)
		case requestHeaderKeys.Get(key):
			headers = fetchHeaders(v)
		case requestHostKeys.Get(key):
			host, _ = v.(string)
		case requestPathKeys.Get(key):
			if s, ok := v.(string); ok && strings.HasPrefix(s, "/") {
				rel = s
			}
		}
	}
	if target == "" && host != "" && !strings.ContainsAny(host, "/ ") && (rel != "" || method != "") {
		target = "https://" + host // {"host": "api.stripe.com", "path": "/v1/refunds"}
	}
	if target == "" {
		return
	}
	targets := []string{target}
	if rel != "" {
		// a base URL and a path; a path beside a full URL may be
		// something else's (a file to upload): both are judged
		joined := strings.TrimRight(target, "/") + rel
		if urlPathless(target) {
			targets[0] = joined
		} else {
			targets = append(targets, joined)
		}
	}
	method = strings.ToUpper(strings.TrimSpace(method))
	if method == "" {
		method = toolMethod(w.tool)
	}
	if method == "HEAD" || method == "OPTIONS" {
		return
	}
	argv := requestArgv(method, headers, body)
	// a GET too: it changes nothing but a remote procedure called by it
	// with its arguments (chat.postMessage?…), which the curl line's
	// effects read; a bare GET of a page (a fetch tool's everyday call)
	// carries none, and its URL is judged as a fetch already
	bare := (method == "" || method == "GET") && body == "" && len(headers) == 0
	for _, t := range targets {
		if bare && !strings.ContainsAny(t, "?;") {
			continue
		}
		if !w.ev.denied() {
			w.ev.exec(quoteArgv(append(argv[:len(argv):len(argv)], t)), false, call.ToolExec)
		}
	}
}

// urlPathless reports a URL with no path of its own (a base URL).
func urlPathless(u string) bool {
	rest := u[strings.Index(u, "://")+3:]
	i := strings.IndexByte(rest, '/')
	return i < 0 || strings.Trim(rest[i:], "/") == ""
}

// webURL reports an http or https URL, its scheme in any case.
func webURL(s string) bool {
	return len(s) > 8 && (strings.EqualFold(s[:7], "http://") || strings.EqualFold(s[:8], "https://"))
}

// requestHeaderKeys, requestHostKeys and requestPathKeys are the keys
// (normalised) that give a request's headers, its host, and its path
// under a base URL or host.
var (
	requestHeaderKeys = table.Map[string, bool]{Words: "headers header httpheaders requestheaders"}
	requestHostKeys   = table.Map[string, bool]{Words: "host hostname domain baseurl"}
	requestPathKeys   = table.Map[string, bool]{Words: "path route resource resourcepath apipath urlpath"}
)

// toolMethod returns the method an HTTP client tool's name carries (post,
// http_put, patch_request), or "".
func toolMethod(tool string) string {
	method := ""
	for part := range strings.FieldsFuncSeq(strings.ToLower(tool), func(r rune) bool { return r == '_' || r == '-' || r == '.' || r == ' ' }) {
		if !requestToolWords.Get(part) {
			return ""
		}
		if m := strings.ToUpper(part); writeMethods.Get(m) {
			method = m
		}
	}
	return method
}
