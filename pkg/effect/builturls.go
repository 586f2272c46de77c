package effect

import (
	"strings"

	"rampart.dev/pkg/internal/substrs"
	"rampart.dev/pkg/internal/table"
	"rampart.dev/pkg/shell"
)

// A token is "at its own service" only when every host the code can reach
// is one it spells whole (codelogins.go, codeownsecret.go). Code can reach
// a host it never spells whole: a URL put together from parts ('https:/' +
// '/sink', '%s://%s' % (…), urlunparse, String.fromCharCode, a reversed
// literal), a URL read from a file or a program's output at run time, or a
// proxy the code names, or a client library's endpoint moved by the environment the line gives it
// (OPENAI_BASE_URL=…, AWS_ENDPOINT_URL=…, HTTPS_PROXY=…). Any of these keeps
// the credential->network flow.

// urlBuilders are spellings that put a URL together from parts, or take
// it from text the line does not show.
var urlBuilders = []string{
	"urlunparse", "urlunsplit", "fromCharCode", "URI::HTTPS.build", "URI::HTTP.build", "http_build_url", "URLComponents",
	"//:sptth", "//:ptth", // a reversed literal
	"read_text(", "readFileSync(", "readFile(", "File.read(", "IO.read(", "File.readlines(", "json.load(open(",
	"check_output(", "getoutput(", "popen(", "Popen(", "execSync(",
	"proxies=", "proxies:", "proxy=", "proxy:", "Proxy(", // a proxy sees what is sent
}

var urlBuilderSet = table.Once[*substrs.Set]{Build: func() *substrs.Set { return substrs.NewSet(urlBuilders) }}

// urlBuilt reports code that may reach a host it does not spell whole (see
// above): a spelling of urlBuilders, or a scheme written apart from its
// host ("https:" or "https:/" closing its literal, "://" after no http
// scheme, as in '%s://%s' or 'hxxps://').
func urlBuilt(code string) bool {
	text := substrs.NewText(code)
	if urlBuilderSet.Get().In(&text) || fileTextRead(code) {
		return true
	}
	for at := 0; at < len(code); {
		k := strings.Index(code[at:], "://")
		if k < 0 {
			break
		}
		k += at
		at = k + 3
		s := k
		for s > 0 && isSchemeByte(code[s-1]) {
			s--
		}
		scheme := strings.ToLower(code[s:k])
		if scheme != "http" && scheme != "https" && scheme != "ws" && scheme != "wss" {
			if scheme == "" || strings.ContainsAny(scheme, "x%{}$") {
				return true
			}
			if s > 0 && strings.IndexByte("'\"`", code[s-1]) >= 0 && (strings.HasSuffix("https", scheme) || strings.HasSuffix("http", scheme)) {
				return true // 'ht' + 'tps://host': the scheme's tail opening a literal
			}
			continue // another scheme's URL (postgres://, s3://)
		}
		if at < len(code) && strings.IndexByte("'\"`+{$%", code[at]) >= 0 {
			return true // the host is joined on
		}
	}
	// a scheme closing its literal: 'https:' + '//host', 'https:/' + '/host'
	for _, sch := range []string{"https:", "http:"} {
		for at := 0; at < len(code); {
			k := indexFold(code[at:], sch)
			if k < 0 {
				break
			}
			k += at
			at = k + len(sch)
			r := code[at:]
			r = strings.TrimPrefix(r, "/")
			if r != "" && strings.IndexByte("'\"`", r[0]) >= 0 {
				return true
			}
		}
	}
	return false
}

func isSchemeByte(b byte) bool {
	return 'a' <= b && b <= 'z' || 'A' <= b && b <= 'Z' || '0' <= b && b <= '9' || b == '+' || b == '.' || b == '-' || b == '%' || b == '{' || b == '}' || b == '$'
}

// indexFold is strings.Index for an ASCII lower-case sep, ignoring the
// case of s.
func indexFold(s, sep string) int {
	n := len(sep)
	for i := 0; i+n <= len(s); i++ {
		if s[i]|0x20 == sep[0] && strings.EqualFold(s[i:i+n], sep) {
			return i
		}
	}
	return -1
}

// endpointMoved reports an assignment the command runs with (its own or
// one made earlier on the line) that moves where a client library sends
// its requests: a variable naming a base URL, an endpoint, an API host or
// a proxy, set to a host that is not this machine.
func (a *analysis) endpointMoved(c *shell.Command) bool {
	for _, w := range c.Assigns {
		if n, v, ok := strings.Cut(w, "="); ok && endpointVar(n, v) {
			return true
		}
	}
	for n, v := range a.lineEnv {
		if endpointVar(n, v) {
			return true
		}
	}
	return false
}

// endpointVar reports a variable that moves a client's endpoint elsewhere.
func endpointVar(name, val string) bool {
	u := strings.ToUpper(name)
	if !strings.HasSuffix(u, "_BASE_URL") && !strings.HasSuffix(u, "_API_BASE") && !strings.HasSuffix(u, "_ENDPOINT") &&
		!strings.HasSuffix(u, "_ENDPOINT_URL") && !strings.HasSuffix(u, "_API_URL") && !strings.HasSuffix(u, "_PROXY") &&
		!strings.HasSuffix(u, "_BASEURL") && u != "BASE_URL" && u != "API_URL" {
		return false
	}
	if strings.HasPrefix(u, "NO_") {
		return false
	}
	v := strings.Trim(val, `'"`)
	if v == "" {
		return false
	}
	k := strings.Index(v, "://")
	host := v[k+3:]
	if k < 0 {
		host = v
	}
	if e := strings.IndexAny(host, "/:?#"); e >= 0 {
		host = host[:e]
	}
	if i := strings.LastIndexByte(host, '@'); i >= 0 {
		host = host[i+1:]
	}
	return !loopback(strings.ToLower(host))
}

// fileTextRead reports a file opened and read whole as text in one
// expression (open('/tmp/u.txt').read()), not a network response's
// read (urlopen(…).read()).
func fileTextRead(code string) bool {
	for at := 0; at < len(code); {
		k := strings.Index(code[at:], "open(")
		if k < 0 {
			return false
		}
		k += at
		at = k + 5
		if k > 0 && (isWordByte(code[k-1]) || code[k-1] == '.') {
			continue // urlopen(, os.open(, webbrowser.open(
		}
		e := strings.IndexByte(code[at:], ')')
		if e >= 0 && strings.HasPrefix(code[at+e+1:], ".read") {
			return true
		}
	}
	return false
}
