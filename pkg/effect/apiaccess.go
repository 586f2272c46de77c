package effect

import (
	"strings"

	"rampart.dev/pkg/catalog"
)

// An API request that changes who may do what to a repository or project,
// or what protects it, through a client that names its method (gh api -X
// PUT, glab api -X PUT, curl -X PATCH): a collaborator or member added, a
// branch's protection changed, the default branch moved, a ref forced. The
// request is read from its path and its fields, whatever the host.

// accessSegments are path segments of an API that grants access or
// protects what a repository holds.
var accessSegments = map[string]bool{
	"collaborators": true, "members": true, "permissions": true, "protection": true,
	"protected_branches": true, "protected_tags": true, "rulesets": true, "invitations": true,
	"keys": true, "deploy_keys": true, "hooks": true, "teams": true, "outside_collaborators": true,
	"access_tokens": true, "variables": true, "environments": true,
}

// accessFields are request fields (NAME=VALUE, a JSON body's keys) that
// move or drop what protects a repository.
var accessFields = []string{"default_branch", "allow_force_push", "allow_force_pushes",
	"force=true", "permission=admin", "enforce_admins=false", "required_pull_request_reviews=null"}

// changesAccess returns what an API request with a write method changes
// about a repository's access or protection: an access path segment, or a
// field that moves the default branch or forces a ref.
func changesAccess(cl *catalog.Classified) string {
	write := false
	for _, w := range cl.Words {
		if w.Role == catalog.Method {
			switch strings.ToUpper(w.Text) {
			case "GET", "HEAD", "OPTIONS":
			default:
				write = true
			}
		}
	}
	if !write {
		return ""
	}
	for _, w := range cl.Words {
		if w.Role == catalog.Method {
			continue
		}
		t := strings.ToLower(w.Text)
		for _, f := range accessFields {
			if strings.HasPrefix(t, f) || strings.Contains(t, `"`+strings.SplitN(f, "=", 2)[0]+`"`) {
				return "request that changes " + strings.SplitN(f, "=", 2)[0]
			}
		}
		if w.Option != "" || strings.ContainsAny(t, " =") {
			continue
		}
		p := t
		if k := strings.Index(p, "://"); k >= 0 {
			p = p[k+3:]
		}
		p, _, _ = strings.Cut(p, "?")
		for seg := range strings.SplitSeq(p, "/") {
			if accessSegments[seg] {
				return "request to " + seg
			}
		}
	}
	return ""
}
