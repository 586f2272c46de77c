package effect

import (
	"strings"

	"rampart.dev/pkg/shell"
)

// Interpreter code that logs in to a service with that service's own
// secret variable (requests.get('https://api.github.com/user', headers=
// {'Authorization': 'Bearer ' + os.environ['GITHUB_TOKEN']})) sends the
// secret where `curl -H "Authorization: Bearer $GITHUB_TOKEN"
// https://api.github.com/user` sends it: to its service, which flow.go
// lets pass for curl. The code is read by shell.CodeSecretLogins (each
// variable only logs in, nothing else read); every URL it names must then
// be on every variable's service (secretHomes, allHome), and there must be
// one. What the code changes there is judged as the request it is
// (engine/coderequests.go), as curl -X PUT is. Any other shape keeps the
// credential->network flow.

// codeLogsInHome reports whether command i's code only logs in to its
// secret variables' own services.
func codeLogsInHome(c *shell.Command) bool {
	var b strings.Builder
	for _, w := range c.Args {
		b.WriteString(w)
		b.WriteByte('\n')
	}
	for _, t := range c.Stdin {
		b.WriteString(t)
		b.WriteByte('\n')
	}
	code := b.String()
	vars, ok := shell.CodeSecretLogins(code)
	if !ok {
		return false
	}
	urls, ok := codeURLs(code)
	if !ok || len(urls) == 0 {
		return false
	}
	for _, v := range vars {
		home := secretHome(v)
		if home == "" || !allHome(urls, home, false) {
			return false
		}
	}
	return true
}

// codeURLs returns the http and https URLs code names. ok is false when
// a URL's host is not closed inside its literal: text joined to it
// ('https://api.github.com' + suffix, f"https://{host}/x") may move it.
func codeURLs(code string) (urls []string, ok bool) {
	if urlBuilt(code) { // builturls.go
		return nil, false
	}
	for at := 0; ; {
		k := NextURL(code, at)
		if k < 0 {
			break
		}
		rest := code[k:]
		body := rest[URLSchemeLen(rest):]
		end := strings.IndexAny(body, "'\"` \n\t)")
		if end < 0 {
			end = len(body)
		}
		lit := body[:end]
		host := lit
		closed := false
		if j := strings.IndexAny(lit, "/?#"); j >= 0 {
			host, closed = lit[:j], true
		}
		if host == "" || strings.ContainsAny(host, "{}$%+") {
			return nil, false
		}
		if !closed {
			// the literal ends at its host: nothing may be joined to it
			after := strings.TrimLeft(body[end:], "'\"` \t")
			if after != "" && strings.IndexByte(",)]};\n", after[0]) < 0 {
				return nil, false
			}
		}
		urls = append(urls, strings.ToLower(rest[:len(rest)-len(body)])+host)
		at = k + len(rest) - len(body) + end
	}
	return urls, true
}
