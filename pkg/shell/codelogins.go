package shell

import (
	"strings"

	"rampart.dev/pkg/internal/substrs"
	"rampart.dev/pkg/internal/table"
)

// Code that reads a secret variable and opens connections is read as
// sending the secret away (CodeFacts.Secrets with Network). Most such
// one-liners only log in with it: the variable is the value of a login
// (headers={'Authorization': 'Bearer ' + os.environ['GITHUB_TOKEN']},
// stripe.api_key = os.environ['STRIPE_API_KEY'], auth: process.env.GH_TOKEN)
// and the code names the hosts it calls. CodeSecretLogins reads that
// shape, for the effects package to match each variable's service with
// those hosts (effect/codelogins.go).

// envReads are the ways code reads one environment variable.
var envReads = []string{"environ[", "environ.get(", "getenv(", "process.env.", "process.env[", "ENV[", "ENV.fetch(",
	"$ENV{", "ENVIRON[", "$_ENV[", "$_SERVER[", "Deno.env.get(", "Bun.env.", "Bun.env["}

// loginMarks are the words written just before a secret that is used to
// log in: a header's name or scheme, a client's key or token option.
var loginMarks = []string{"authorization", "bearer", "token", "auth", "api_key", "apikey", "api-key", "x-api-key",
	"private-token", "headers", "key="}

// otherInputs are the ways code takes text the line does not show, which
// may name the host a secret goes to (its arguments, its stdin, a
// prompt), and the connections made without a URL (sockets, a host and a
// port, mail, DNS), whose host no URL literal names.
var otherInputs = []string{"argv", "stdin", "input(", "readline", "ARGV", "prompt(",
	"socket", "Socket", "create_connection", "HTTPConnection", "HTTPSConnection", "net.connect", "tls.connect",
	"dgram", "smtplib", "ftplib", "telnetlib", "paramiko", "dns.", "resolver", "WebSocket", "websocket"}

// loginReadBacks are the ways code reads a login back out of the headers
// it built (h['Authorization']), to use it as something else: a gist's
// content, a comment's body.
var loginReadBacks = []string{"['Authorization']", `["Authorization"]`, ".Authorization", "['authorization']", `["authorization"]`, ".authorization",
	"get('Authorization')", `get("Authorization")`, "get('authorization')", `get("authorization")`}

var (
	envReadSet       = table.Once[*substrs.Set]{Build: func() *substrs.Set { return substrs.NewSet(envReads) }}
	otherInputSet    = table.Once[*substrs.Set]{Build: func() *substrs.Set { return substrs.NewSet(otherInputs) }}
	loginReadBackSet = table.Once[*substrs.Set]{Build: func() *substrs.Set { return substrs.NewSet(loginReadBacks) }}
)

// readsLoginBack reports code that reads a login back out of the headers
// it built (a spelling of loginReadBacks not assigned to: h['Authorization']
// used as a value, headers.get('Authorization')); r['Authorization'] =
// 'Bearer ' + … sets the header and reads nothing back.
func readsLoginBack(code string) bool {
	for _, sp := range loginReadBacks {
		for at := 0; ; {
			j := strings.Index(code[at:], sp)
			if j < 0 {
				break
			}
			at += j + len(sp)
			rest := strings.TrimLeft(code[at:], " \t")
			if strings.HasPrefix(rest, "=") && !strings.HasPrefix(rest, "==") {
				continue // the header set
			}
			return true
		}
	}
	return false
}

// dataKeyed reports a secret read at code[at:] that is the value of a key
// (a dict's or an object's, a keyword argument) named for data, not for a
// login: {'content': 'token ' + os.environ['T']}, text='auth ' + …,
// data=…. A login word inside the value's string ('token ', 'Bearer ')
// does not make the key a login.
func dataKeyed(code string, at int) bool {
	for at > 0 && (isIdent(code[at-1]) || code[at-1] == '.') {
		at-- // os.environ[, self.env.: from the reference's start
	}
	seg := code[max(0, at-80):at]
	// a placeholder opened just before the read (f"token {…}", `${…}`,
	// "#{…}") is inside the value's string: the key is before it
	seg = strings.TrimSuffix(strings.TrimSuffix(strings.TrimSuffix(seg, "{"), "$"), "#")
	if c := strings.LastIndexAny(seg, ",(;\n{["); c >= 0 {
		seg = seg[c+1:]
	}
	sep := -1
	var q byte
	for i := 0; i < len(seg); i++ { // the last separator outside a string
		switch c := seg[i]; {
		case q != 0:
			if c == q {
				q = 0
			}
		case c == '\'' || c == '"' || c == '`':
			q = c
		case c == ':' || c == '=':
			sep = i
		}
	}
	if sep < 0 {
		return false
	}
	k := strings.TrimRight(seg[:sep], " '\"`")
	j := len(k)
	for j > 0 && (isIdent(k[j-1]) || k[j-1] == '-') {
		j--
	}
	key := strings.ToLower(k[j:])
	if key == "" {
		return false
	}
	for _, w := range loginWords {
		if strings.Contains(key, w) {
			return false
		}
	}
	return !strings.Contains(key, "cookie") && !strings.Contains(key, "session")
}

// loginWindow is how far before a secret variable's read a login mark
// may be written.
const loginWindow = 64

// CodeSecretLogins returns the secret variables code reads when it reads
// them only to log in: every environment read is of a secret variable,
// each with a login mark just before it, and the code names no credential
// file or store, decodes no text and takes no input a host could come
// from. ok is false otherwise.
func CodeSecretLogins(code string) (vars []string, ok bool) {
	text := substrs.NewText(code)
	if credentialFragmentSet.Get().In(&text) || usesCredentialLibrary(code) || decodesText(code) || otherInputSet.Get().In(&text) || loginReadBackSet.Get().In(&text) && readsLoginBack(code) || headersReadBack(code) {
		return nil, false
	}
	if !envReadSet.Get().In(&text) {
		return nil, false
	}
	matches := secretVarInCode.Get().FindAllStringSubmatchIndex(code, -1)
	if len(matches) == 0 {
		return nil, false
	}
	if len(matches) != envReadCount(code) {
		// another variable read: a host may come from it, unless each
		// sits in a URL's path behind its host or is only printed
		starts := make(map[int]bool, len(matches))
		for _, m := range matches {
			starts[m[0]] = true
		}
		if !plainReadsHarmless(code, starts) { // codepathreads.go
			return nil, false
		}
	}
	prev := 0 // the end of the read before: its name is no login mark
	for _, m := range matches {
		start := max(prev, m[0]-loginWindow)
		prev = m[1]
		before := strings.ToLower(code[start:m[0]])
		if !substrs.Any(before, loginMarks) || dataKeyed(code, m[0]) {
			return nil, false // a secret as data: a body, a message, a print
		}
		name := code[m[0]:m[1]]
		k := strings.LastIndexAny(name, "[({.'\" ")
		name = strings.TrimLeft(name[k+1:], "'\"")
		tail := code[m[1]:]
		n := 0
		for n < len(tail) && (tail[n] == '_' || 'A' <= tail[n] && tail[n] <= 'Z' || '0' <= tail[n] && tail[n] <= '9') {
			n++
		}
		vars = append(vars, name+tail[:n])
	}
	return vars, true
}

// envReadCount counts the environment reads in code (envReads).
func envReadCount(code string) int {
	n := 0
	for _, r := range envReads {
		n += strings.Count(code, r)
	}
	// the one overlap of the list: ENV[ inside $_ENV[
	n -= strings.Count(code, "$_ENV[")
	return n
}
