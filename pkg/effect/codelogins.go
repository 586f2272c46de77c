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
	urls, ok := codeURLsBut(code, requestBodySpans(code))   // requestbodies.go
	if !ok || len(urls) == 0 || requestDestComputed(code) { // requestdests.go
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

// codeURLs returns the http and https URLs code names, as scheme and
// host: the one strict reader for code that a URL's host lets pass. ok is false when
// a URL's host is not closed inside its literal: text joined to it
// ('https://api.github.com' + suffix, f"https://{host}/x") may move it.
func codeURLs(code string) (urls []string, ok bool) {
	return codeURLsBut(code, nil)
}

// codeURLsBut is codeURLs but for the URL literals that are data in the
// bodies of requests (requestbodies.go).
func codeURLsBut(code string, bodies []bodySpan) (urls []string, ok bool) {
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
		if inRequestBody(k, bodies) {
			at = k + len(rest) - len(body) + end
			continue
		}
		host := lit
		closed := false
		if j := strings.IndexAny(lit, "/?#"); j >= 0 {
			host, closed = lit[:j], true
		}
		if host == "" || strings.ContainsAny(host, "{}$%+@\\") {
			// a template's or format's part, userinfo, or an escape
			// ("api.github.com\x2eevil.example"): the host is not
			// what the text spells
			return nil, false
		}
		if !closed && hostMayMove(body[end:]) {
			return nil, false
		}
		urls = append(urls, strings.ToLower(rest[:len(rest)-len(body)])+host)
		at = k + len(rest) - len(body) + end
	}
	return urls, true
}

// hostMayMove reports whether text that follows a URL literal ending at
// its host (from the byte that ends the literal) may join more to that
// host: an operator ('https://api.github.com' + suffix), an adjacent
// literal ("https://api.github.com" ".evil.example"), or a literal as
// the next item of a list or call ("".join(["https://api.github.com",
// ".evil.example"])). The end of the call, statement or collection, or
// another argument that is no literal, leaves it where it is.
func hostMayMove(after string) bool {
	after = strings.TrimLeft(after, "'\"` \t")
	if after == "" {
		return false
	}
	if strings.IndexByte(",)]};\n", after[0]) < 0 {
		return true
	}
	if after[0] == ',' {
		next := strings.TrimLeft(after[1:], " \t\n")
		return next != "" && strings.IndexByte("'\"`", next[0]) >= 0
	}
	return false
}
