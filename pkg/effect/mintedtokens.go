package effect

import (
	"path"
	"strings"

	"rampart.dev/pkg/catalog"
	"rampart.dev/pkg/match"
)

// A request that creates a credential through a service's API answers
// with it: a POST to a collection of tokens or API keys (Grafana's
// /api/serviceaccounts/3/tokens, GitLab's /api/v4/users/1/
// personal_access_tokens, a SaaS's /v1/api-keys) returns the new token or
// key in its response, printed into the agent's context as gh auth token
// prints one. A GET of the same collection lists names and dates, and a
// DELETE revokes one; neither answers with a value. OAuth's token endpoint
// (/oauth/token, a single "token") is a login, judged elsewhere.

// mintsCredential reports whether a fetcher's request creates a credential
// at a service that is not this machine: its method is POST (given, or
// implied by a body) and its operation, the last path segment that is not
// an id, names a collection of tokens or API keys.
func mintsCredential(cl *catalog.Classified, args []string) bool {
	if !cl.Entry.Has("fetcher") {
		return false
	}
	method, target := "", ""
	for k := range cl.Words {
		w := &cl.Words[k]
		switch {
		case w.Role == catalog.Method:
			method = strings.ToUpper(w.Text)
		case w.Role == catalog.URL && (w.Option == "" || w.Option == "--url") && target == "":
			target = requestURL(cl, w.Text)
		}
	}
	if method == "" {
		method = impliedMethod(cl, args)
	}
	if method != "POST" || target == "" {
		return false
	}
	u, ok := match.ParseURL(target)
	if !ok || thisMachine(u.Host) {
		return false
	}
	p := u.Rest
	if i := strings.IndexAny(p, "?#"); i >= 0 {
		p = p[:i]
	}
	p = path.Clean("/" + match.PercentDecode(p))
	segs := strings.Split(strings.Trim(p, "/"), "/")
	for k := len(segs) - 1; k >= 0; k-- {
		if segs[k] == "" || idSegment(segs[k]) {
			continue
		}
		words := opWords(segs[k])
		if len(words) == 1 && words[0] == "keys" && k > 0 {
			// /api/auth/keys (Grafana's API keys), /v1/api/keys: the
			// segment before says what keys they are
			words = append(opWords(segs[k-1]), words...)
		}
		return credentialCollection(words)
	}
	return false
}

// credentialCollection reports whether an operation's words name a
// collection of credentials: ending in tokens (access_tokens,
// serviceTokens), or in keys after api, access or auth (api-keys,
// apiKeys, access_keys, auth/keys), or the joined apikeys, or one token
// made anew (authentication-token, api-token) or a role's secret-id, with
// no verb before it
// (count_tokens counts, revoke-tokens revokes).
func credentialCollection(words []string) bool {
	n := len(words)
	if n == 0 {
		return false
	}
	for _, w := range words[:n-1] {
		if readOps.Get(w) || changeVerbs.Get(w) {
			return false // count_tokens, revoke-tokens: an operation on tokens, not their collection
		}
	}
	switch last := words[n-1]; last {
	case "tokens", "apikeys":
		return true
	case "keys":
		return n > 1 && (words[n-2] == "api" || words[n-2] == "access" || words[n-2] == "auth")
	case "token":
		// Terraform Cloud's …/teams/T/authentication-token, an
		// organization's: a POST makes the one token anew and answers with it
		return n > 1 && (words[n-2] == "authentication" || words[n-2] == "api")
	case "id", "ids":
		// Vault's …/approle/role/R/secret-id: a new secret for the role
		return n > 1 && words[n-2] == "secret"
	}
	return false
}
