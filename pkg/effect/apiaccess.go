package effect

import (
	"path"
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
// protects what a service holds (a tailnet's ACL, a firewall's or a
// router's port forwards among them) (the detail "access"), or that changes
// how it ships or what it runs with ("deploy").
var apiSegments = table.Map[string, string]{Build: func() map[string]string {
	return map[string]string{
		"collaborators": "access", "outside_collaborators": "access", "members": "access", "memberships": "access",
		"permissions": "access", "protection": "access", "protected_branches": "access",
		"protected_tags": "access", "rulesets": "access", "invitations": "access", "keys": "access",
		"deploy_keys": "access", "teams": "access", "access_tokens": "access", "gpg_keys": "access",
		"ssh_signing_keys": "access", "acl": "access", "acls": "access", "firewall": "access",
		"firewalls": "access", "portforward": "access", "portforwards": "access", "port_forwarding": "access",

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
var readMethods = table.Map[string, bool]{Words: "GET HEAD OPTIONS LIST PROPFIND"}

// changesServiceAPI returns what a request with a method that writes
// changes about a service's access or shipping — the effect's detail
// ("access" or "deploy") and what the request does — or "", "".
func changesServiceAPI(cl *catalog.Classified, args []string) (detail, what string) {
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
	implied := false // a body's method: only a production host is judged here (sharedrequest.go reads the rest)
	if method == "" {
		method, implied = impliedMethod(cl, args), true
	}
	if method == "" || method == "GET" {
		if host := queryChangesProduction(cl); host != "" {
			// https://ch.prod…:8443/?query=TRUNCATE%20TABLE%20events:
			// ClickHouse's HTTP interface runs the URL's statement
			return "production", "GET request to " + host + " whose query changes data"
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
		t := rawJSONItem(strings.ToLower(w.Text))
		for _, f := range accessFields {
			if !implied && (strings.HasPrefix(t, f) || jsonField(t, f)) {
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
		} else if h, _, _ := strings.Cut(p, "/"); w.Role == catalog.URL && schemelessHere(h) {
			continue // localhost:8080/api/v1/keys/x, xh :8080/…: a development server's, as with its scheme
		} else if h, rest, _ := strings.Cut(p, "/"); w.Role == catalog.URL && schemelessProduction(h) {
			// es-prod.acme.io:9200/logs, "$PROD_API/v1/users": curl,
			// httpie and wget take a URL without its scheme
			p, host = "/"+rest, h
		}
		p, query, _ := strings.Cut(p, "?")
		p, _, _ = strings.Cut(p, "#") // …/_delete_by_query#/_search: a fragment is never sent
		query, _, _ = strings.Cut(query, "#")
		p = match.PercentDecode(p) // %63ollaborators: the server decodes the path
		if strings.Contains(p, "..") || strings.Contains(p, "/./") {
			p = path.Clean("/" + p) // environments/development/../production: the path the server resolves
		}
		parts := strings.Split(strings.Trim(p, "/"), "/")
		for k, part := range parts {
			part = strings.ToLower(part)
			if d := apiSegments.Get(part); implied {
				break
			} else if d == "access" {
				return d, "request to " + part
			} else if d != "" {
				if d == "deploy" && computeEndpoints.Get(strings.ToLower(parts[len(parts)-1])) {
					break // …/releases/generate-notes: notes computed and returned, no release made
				}
				if part == "environments" && k+1 < len(parts) && devEnvironments.Get(strings.ToLower(parts[k+1])) {
					continue // …/features/F/environments/development/on: a flag switched where only its developers look
				}
				return d, "request that changes a service's " + part
			}
		}
		if prod == "" && host != "" && namesProduction(host) && !readEndpoint(method, parts[len(parts)-1], query, cl) {
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

// devEnvironments are the names of a service's environments that only its
// developers use (a feature flag's development environment, a project's
// staging one).
var devEnvironments = table.Map[string, bool]{Words: `dev development test testing staging stage stg
	qa sandbox preview local`}

// readEndpoints are the last path segments of requests sent with a
// writing method that only read (a search or a query given a body).
var readEndpoints = table.Map[string, bool]{Words: `_search _msearch _count _mget _validate _explain
	_analyze _field_caps search query query_range multi-search
	graphql`}

// computeEndpoints are the last path segments of requests sent with a
// writing method to a shipping API that only compute an answer and
// change nothing (GitHub's releases/generate-notes drafts a release's
// notes from the commits between two tags and returns them).
var computeEndpoints = table.Map[string, bool]{Words: "generate-notes"}

// schemelessProduction reports whether h, the part before the first
// slash of a URL written without its scheme, is a host named for
// production that is not this machine: es-prod.acme.io:9200, or a
// variable named for it ($PROD_API, ${PROD_ES}).
func schemelessProduction(h string) bool {
	name, _, _ := strings.Cut(h, ":")
	if strings.HasPrefix(h, "$") {
		name = h
	}
	return name != "" && namesProduction(name) && !loopback(name) && name != "localhost"
}

// readEndpoint reports whether a request sent with method to a path whose
// last segment is last only reads: a search, a query whose text (in the
// URL's query or the body) holds no statement that changes data
// (InfluxDB's /query takes DROP DATABASE), or a GraphQL request whose body
// holds no mutation. Only a POST carries a search's or a query's body: a
// PUT, PATCH or DELETE to a path of that name (an index called search)
// changes it. A query's or GraphQL body read from a file or the input (-d
// @req.json, --data-binary @-, --data-urlencode query@op.graphql), one
// the shell fills in ("$(cat op.graphql)", "$Q"), or a persisted query
// named by its hash is text nobody sees, so it is not known to read.
func readEndpoint(method, last, query string, cl *catalog.Classified) bool {
	last = strings.ToLower(last)
	if !readEndpoints.Get(last) || method != "POST" {
		return false
	}
	if last != "graphql" && last != "query" {
		return true // a search's body cannot change what it searches
	}
	for param := range strings.SplitSeq(query, "&") {
		if ChangesSQL(statementText(param)) {
			return false // /query?q=DROP%20DATABASE%20x
		}
	}
	for _, w := range cl.Words {
		if w.Option != "" && strings.HasPrefix(w.Text, "@") && w.Role == catalog.AtFile || w.Role == catalog.Upload {
			return false // the body is a file's text
		}
		if w.Role == catalog.Method || w.Role == catalog.URL {
			continue
		}
		if w.Option == "--data-urlencode" && urlencodeFile(w.Text) || w.Option != "" && !nonBodyOptions.Get(w.Option) && unresolved(w.Text) ||
			last == "graphql" && strings.Contains(w.Text, "persistedQuery") {
			return false // the body is a file's text, the shell's, or a stored query's
		}
		if last == "graphql" && graphqlMutation(w.Text) || last != "graphql" && ChangesSQL(statementText(w.Text)) {
			return false
		}
	}
	return true
}

// urlencodeFile reports whether a --data-urlencode value reads its text
// from a file: @FILE or NAME@FILE, an @ before any =.
func urlencodeFile(v string) bool {
	at := strings.IndexByte(v, '@')
	return at >= 0 && !strings.Contains(v[:at], "=")
}

// graphqlMutation reports whether a request body holds a GraphQL
// mutation: the keyword as a word, not a field that contains it
// (mutations { id }).
func graphqlMutation(body string) bool {
	for rest := body; ; {
		i := strings.Index(rest, "mutation")
		if i < 0 {
			return false
		}
		after := rest[i+len("mutation"):]
		if after == "" || !isNameByte(after[0]) {
			return true
		}
		rest = after
	}
}

// isNameByte reports a byte that continues a GraphQL name.
func isNameByte(c byte) bool {
	return c == '_' || 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9'
}

// statementText is a request field's value as the statement it carries:
// q=DROP DATABASE x gives DROP DATABASE x; a JSON body is searched as it
// is.
func statementText(w string) string {
	if k := strings.IndexByte(w, '='); k > 0 && !strings.ContainsAny(w[:k], " {\"") {
		return match.PercentDecode(w[k+1:])
	}
	return w
}

// impliedMethod returns the method a client sends a request with when its
// words name none: POST for a body (curl -d, --json, -F, --data-urlencode;
// wget --post-data; an HTTPie data item key=value, key:=json), PUT for
// curl's upload (-T), and "" for a request made with -G (the body becomes
// the URL's query) or without a body.
func impliedMethod(cl *catalog.Classified, args []string) string {
	e := cl.Entry
	if e == nil || !e.HasProps() || e.Prop("fetcher") == "" {
		return ""
	}
	for _, a := range args {
		if a == "-G" || a == "--get" || a == "-I" || a == "--head" {
			return ""
		}
	}
	items := e.Prop("request-items") != ""
	method := ""
	for _, w := range cl.Words {
		switch {
		case w.Option == "-T" || w.Option == "--upload-file":
			return "PUT"
		case w.Role == catalog.AtFile && w.Option != "" && !nonBodyOptions.Get(w.Option),
			w.Option == "--post-data" || w.Option == "--post-file":
			method = "POST"
		case items && w.Option == "" && w.Role == catalog.Data && requestBodyItem(w.Text):
			method = "POST"
		}
	}
	return method
}

// nonBodyOptions are a client's options read as files (atfile) that do
// not carry the request's body: headers, cookies, variables, the query.
var nonBodyOptions = table.Map[string, bool]{Words: "-H --header -b --cookie --variable --url-query"}

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

// rawJSONItem gives an HTTPie (or xh) raw JSON item, NAME:=VALUE
// (private:=false), as the field it sets, NAME=VALUE; any other word is
// itself.
func rawJSONItem(t string) string {
	i := strings.Index(t, ":=")
	if i <= 0 || strings.ContainsAny(t[:i], "=:/ @") {
		return t
	}
	return t[:i] + "=" + t[i+2:]
}

// schemelessHere reports whether h, the host of a URL written without its
// scheme, is this machine by name or loopback address, with or without a
// port (localhost:8080, 127.0.0.1:3000, [::1]:8080), or is httpie's and
// xh's shorthand for localhost, a bare port (:8080).
func schemelessHere(h string) bool {
	name := h
	if k := strings.LastIndexByte(h, ':'); k >= 0 && !strings.HasSuffix(h, "]") {
		port := h[k+1:]
		if port == "" || strings.Trim(port, "0123456789") != "" {
			return false
		}
		name = h[:k]
		if name == "" {
			return true // :8080
		}
	}
	return loopback(strings.Trim(name, "[]"))
}

// queryChangesProduction returns the production host a request's URL
// goes to when its query carries a statement that changes data
// (URLQueryChangesProduction), or "".
func queryChangesProduction(cl *catalog.Classified) string {
	for _, w := range cl.Words {
		if h := URLQueryChangesProduction(w.Text); h != "" {
			return h
		}
	}
	return ""
}

// URLQueryChangesProduction returns the host of a URL on a production
// host whose query carries a statement that changes data in a query or q
// parameter (ClickHouse's HTTP interface runs ?query=, InfluxDB's /query
// ?q=, whatever the method), or "".
func URLQueryChangesProduction(raw string) string {
	if !strings.Contains(raw, "://") || !strings.Contains(raw, "q") || !strings.Contains(raw, "=") {
		return "" // the cheap gate: no URL with a query parameter
	}
	u, ok := match.ParseURL(raw)
	if !ok || thisMachine(u.Host) || !namesProduction(u.Host) {
		return ""
	}
	_, query, _ := strings.Cut(u.Rest, "?")
	query, _, _ = strings.Cut(query, "#")
	for param := range strings.SplitSeq(query, "&") {
		name, _, _ := strings.Cut(param, "=")
		if (name == "query" || name == "q") && ChangesSQL(strings.ReplaceAll(statementText(param), "+", " ")) {
			return u.Host
		}
	}
	return ""
}
