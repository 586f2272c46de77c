package effect

import (
	"strings"

	"rampart.dev/pkg/catalog"
	"rampart.dev/pkg/internal/table"
	"rampart.dev/pkg/match"
)

// An API request that changes who may change a service, what protects it,
// or how it ships, through any client that names its method (gh api -X
// PUT, glab api -X PUT, curl -X PATCH, wget --method, httpie): a
// collaborator or member added, a branch's protection changed, a secret
// or a webhook set, a ref forced, a deployment or a workflow dispatched,
// or a repository's own record rewritten (its default branch, its
// visibility, archived). The request is read from its path and
// its fields, whatever the host; requests to this machine are a
// development server's. Any other writing request to a host whose name
// marks production (prometheus.prod…, es-prod) changes production, unless
// its path only searches or queries.

// apiSegments are the path segments of an API that grants access or
// protects what a service holds (the detail "access"), or that changes
// how it ships or what it runs with ("deploy").
var apiSegments = table.Map[string, string]{Build: func() map[string]string {
	return map[string]string{
		"collaborators": "access", "outside_collaborators": "access", "members": "access", "memberships": "access",
		"permissions": "access", "protection": "access", "protected_branches": "access",
		"protected_tags": "access", "rulesets": "access", "invitations": "access", "keys": "access",
		"deploy_keys": "access", "teams": "access", "access_tokens": "access", "gpg_keys": "access",
		"ssh_signing_keys": "access",

		"hooks": "deploy", "webhooks": "deploy", "secrets": "deploy", "variables": "deploy",
		"environments": "deploy", "refs": "deploy", "dispatches": "deploy", "deployments": "deploy",
		"deploys": "deploy", "releases": "deploy",
	}
}}

// accessFields are request fields (NAME=VALUE, a JSON body's keys) that
// move or drop what protects a repository.
var accessFields = []string{"default_branch", "allow_force_push", "allow_force_pushes",
	"force=true", "permission=admin", "enforce_admins=false", "required_pull_request_reviews=null",
	"visibility=public", "visibility=internal", "private=false", "archived=true"}

// readMethods are the request methods that change nothing.
var readMethods = table.Map[string, bool]{Build: func() map[string]bool {
	return map[string]bool{"GET": true, "HEAD": true, "OPTIONS": true, "LIST": true, "PROPFIND": true} // LIST: Vault's; PROPFIND: WebDAV's
}}

// changesServiceAPI returns what a request with a method that writes
// changes about a service's access or shipping — the effect's detail
// ("access" or "deploy") and what the request does — or "", "".
func changesServiceAPI(cl *catalog.Classified) (detail, what string) {
	method := ""
	for _, w := range cl.Words {
		if w.Role == catalog.Method {
			method = strings.ToUpper(w.Text)
		}
	}
	if method == "" && cl.Entry != nil && cl.Entry.HasProps() && cl.Entry.Prop("body-method") != "" {
		// gh api PATH -f key=…: a request given fields and no method is
		// sent with the client's method for a body (POST).
		for _, w := range cl.Words {
			if w.Option != "" && (w.Role == catalog.AtFile || w.Role == catalog.Upload) {
				method = cl.Entry.Prop("body-method")
			}
		}
	}
	if method == "" || readMethods.Get(method) {
		return "", ""
	}
	prod := "" // a production host the request goes to
	for _, w := range cl.Words {
		if w.Role == catalog.Method {
			continue
		}
		t := strings.ToLower(w.Text)
		for _, f := range accessFields {
			if strings.HasPrefix(t, f) || jsonField(t, f) {
				name, _, _ := strings.Cut(f, "=")
				return "access", "request that changes " + name
			}
		}
		if w.Option != "" && w.Role != catalog.URL {
			continue
		}
		p, host := w.Text, ""
		if strings.Contains(p, "://") {
			u, ok := match.ParseURL(p)
			if !ok || thisMachine(u.Host) {
				continue
			}
			p, host = u.Rest, u.Host
		} else if w.Role != catalog.URL && (!strings.Contains(p, "/") || strings.ContainsAny(p, " =")) {
			continue
		}
		p, _, _ = strings.Cut(p, "?")
		p = match.PercentDecode(p) // %63ollaborators: the server decodes the path
		parts := strings.Split(strings.Trim(p, "/"), "/")
		for _, part := range parts {
			part = strings.ToLower(part)
			if d := apiSegments.Get(part); d == "access" {
				return d, "request to " + part
			} else if d != "" {
				return d, "request that changes a service's " + part
			}
		}
		if prod == "" && host != "" && namesProduction(host) && !readEndpoint(parts[len(parts)-1], cl) {
			prod = host
		}
	}
	if prod != "" {
		// curl -X POST https://prometheus.prod…/-/reload, http PUT
		// es-prod:9200/_settings: whatever the path, a service in
		// production told to change
		return "production", method + " request to " + prod
	}
	return "", ""
}

// readEndpoints are the last path segments of requests sent with a
// writing method that only read (a search or a query given a body).
var readEndpoints = table.Map[string, bool]{Build: func() map[string]bool {
	return map[string]bool{
		"_search": true, "_msearch": true, "_count": true, "_mget": true, "_validate": true, "_explain": true,
		"_analyze": true, "_field_caps": true, "search": true, "query": true, "query_range": true, "multi-search": true,
		"graphql": true,
	}
}}

// readEndpoint reports whether a request to a path whose last segment is
// last only reads: a search or a query, or a GraphQL request whose body
// holds no mutation.
func readEndpoint(last string, cl *catalog.Classified) bool {
	last = strings.ToLower(last)
	if !readEndpoints.Get(last) {
		return false
	}
	if last != "graphql" {
		return true
	}
	for _, w := range cl.Words {
		if strings.Contains(w.Text, "mutation") {
			return false
		}
	}
	return true
}

// jsonField reports whether a JSON body sets the field NAME, or NAME to
// VALUE for a field given as NAME=VALUE ({"private": false}, {"force":
// true}, {"visibility": "public"}).
func jsonField(body, field string) bool {
	name, value, withValue := strings.Cut(field, "=")
	key := `"` + name + `"`
	for rest := body; ; {
		i := strings.Index(rest, key)
		if i < 0 {
			return false
		}
		rest = rest[i+len(key):]
		if !withValue {
			return true
		}
		// every occurrence: a nested {"private": true} must not hide the
		// top-level "private": false that follows it
		v, ok := strings.CutPrefix(strings.TrimLeft(rest, " \t\n"), ":")
		if !ok {
			continue
		}
		v = strings.TrimLeft(v, " \t\n")
		if strings.HasPrefix(v, value) || strings.HasPrefix(v, `"`+value+`"`) {
			return true
		}
	}
}
