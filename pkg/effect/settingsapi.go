package effect

import (
	"strings"

	"rampart.dev/pkg/catalog"
	"rampart.dev/pkg/match"
)

// Requests that change how a service ships or who may change it: a
// request whose method writes (POST, PUT, PATCH) to an endpoint whose
// path names a service's access, protection, secrets, hooks, references or
// deployments (branches/main/protection, collaborators/NAME, git/refs/...,
// actions/secrets, dispatches, deployments), or that rewrites a
// repository's own record (PATCH repos/OWNER/REPO: its default branch,
// its visibility), whatever client sends it (curl, wget, gh api, httpie).
// Requests to this machine are a development server's.

// settingsParts are the parts of an endpoint's path that name what the
// service ships or who may change it.
var settingsParts = map[string]bool{
	"protection": true, "collaborators": true, "members": true, "permissions": true, "hooks": true,
	"webhooks": true, "keys": true, "secrets": true, "variables": true, "environments": true,
	"rulesets": true, "refs": true, "dispatches": true, "deployments": true, "deploys": true,
	"releases": true, "invitations": true, "teams": true,
}

// writeMethods are the request methods that change what the URL names.
var writeMethods = map[string]bool{"POST": true, "PUT": true, "PATCH": true}

// changesServiceSettings returns what a write request changes of a
// service's shipping or access ("protection", "repository"), or "".
func changesServiceSettings(cl *catalog.Classified) string {
	method := ""
	for _, w := range cl.Words {
		if w.Role == catalog.Method {
			method = strings.ToUpper(w.Text)
		}
	}
	if !writeMethods[method] {
		return ""
	}
	for _, w := range cl.Words {
		if w.Option != "" && w.Role != catalog.URL {
			continue
		}
		p := w.Text
		if strings.Contains(p, "://") {
			u, ok := match.ParseURL(p)
			if !ok || loopback(u.Host) {
				continue
			}
			p = u.Rest
		} else if w.Role != catalog.URL && !strings.Contains(p, "/") {
			continue
		}
		p, _, _ = strings.Cut(p, "?")
		parts := strings.Split(strings.Trim(p, "/"), "/")
		for _, part := range parts {
			if settingsParts[strings.ToLower(part)] {
				return part
			}
		}
		if method != "POST" && len(parts) == 3 && parts[0] == "repos" {
			return "repository" // PATCH repos/OWNER/REPO: its default branch, its name, its visibility
		}
	}
	return ""
}
