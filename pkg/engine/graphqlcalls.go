package engine

import (
	"encoding/json"
	"net/url"
	"strings"

	"rampart.dev/pkg/call"
	"rampart.dev/pkg/effect"
	"rampart.dev/pkg/internal/table"
	"rampart.dev/pkg/shell"
)

// A GraphQL mutation's top-level fields are judged as the MCP tool calls
// they are (graphql.go): the service is the endpoint's domain (api.fly.io
// is fly, backboard.railway.app is railway), the tool is the field's
// name, its arguments the field's. A mutation sent to this machine
// (localhost:3000/graphql: the app being built) is the developer's own
// data, as a DELETE to it is. Queries are reads; what one returns is not
// judged here.

// graphqlKeys are the keys of a request object or of MCP arguments that
// hold a GraphQL document.
var graphqlKeys = [...]string{"query", "mutation", "document", "gql", "graphql", "operation"}

// judgeGraphQLBody judges the GraphQL documents of a request body sent to
// rawURL: a JSON object {query, variables}, a batch of them, or the
// document as the body's text.
func (ev *evaluation) judgeGraphQLBody(rawURL string, body any, text string) {
	host := urlHost(rawURL)
	if host == "" || loopbackHost(host) || ev.denied() {
		return
	}
	if body == nil {
		t := strings.TrimSpace(text)
		if strings.HasPrefix(t, "{") || strings.HasPrefix(t, "[") {
			_ = json.Unmarshal([]byte(t), &body)
		}
		if body == nil {
			body = t
			if rest, ok := strings.CutPrefix(t, "query="); ok {
				// a form body: query=mutation%20%7B…
				if v, err := url.ParseQuery(t); err == nil && len(v["query"]) > 0 {
					body = v["query"][0]
				} else {
					body = rest
				}
			}
		}
	}
	ev.graphqlValue(serviceName(host), body, 0)
}

// graphqlValue judges the documents in a body value: a request object, a
// batch (a list of them), or a document's text.
func (ev *evaluation) graphqlValue(server string, v any, depth int) {
	if depth > 2 || ev.denied() {
		return
	}
	switch x := v.(type) {
	case string:
		ev.judgeGraphQL(server, x, nil)
	case []any:
		for i, e := range x {
			if i >= maxGQLFields {
				return
			}
			ev.graphqlValue(server, e, depth+1)
		}
	case map[string]any:
		if ops, ok := x["operations"].(string); ok {
			// a multipart request's operations field: the request
			// object as JSON text
			var inner any
			if json.Unmarshal([]byte(ops), &inner) == nil {
				ev.graphqlValue(server, inner, depth+1)
			}
		}
		vars, _ := x["variables"].(map[string]any)
		if s, ok := x["variables"].(string); ok {
			_ = json.Unmarshal([]byte(s), &vars) // a GET's variables are text
		}
		if name, ok := x["operationName"].(string); ok && persisted(x) {
			// a persisted query: the server keeps the document, the
			// request names its operation (DeleteApp) and variables
			ev.persistedCall(server, name, vars)
		}
		for _, k := range graphqlKeys {
			if doc, ok := x[k].(string); ok {
				ev.judgeGraphQL(server, doc, vars)
			}
		}
	}
}

// judgeGraphQL judges each mutation field of a document as server's tool
// call. Text that is not a document with a mutation does nothing.
func (ev *evaluation) judgeGraphQL(server, doc string, vars map[string]any) {
	if !mentionsMutation(doc) || ev.denied() {
		return
	}
	for _, op := range parseGraphQL(doc, vars) {
		if op.kind != "mutation" {
			continue
		}
		for _, f := range op.fields {
			if ev.denied() {
				return
			}
			args := f.args
			if args == nil {
				args = map[string]any{}
			}
			ev.mcpCall(server, f.name, args, nil, false)
			if !ev.denied() && effect.ChangesShared(f.name) {
				// mergePullRequest, issueArchive: a change to what the
				// service's other users share, as the same REST call is
				// (effect/sharedrequest.go)
				ev.judgeEffect(effect.Effect{Kind: effect.Destroy, Cmd: -1, Detail: "shared-change", Word: server + " GraphQL mutation " + f.name}, call.ToolFetch)
			}
		}
	}
}

// urlHost returns a URL's host name, in lower case.
func urlHost(raw string) string {
	u, err := url.Parse(raw)
	if err != nil {
		return ""
	}
	return strings.ToLower(u.Hostname())
}

// secondLevel are labels that stand before a country's code as a public
// suffix (example.co.uk, example.com.au).
var secondLevel = [...]string{"co", "com", "net", "org", "ac", "gov", "edu"}

// serviceName names the service of a host: its registered domain's first
// label (api.fly.io is fly, acme.myshopify.com is myshopify).
func serviceName(host string) string {
	labels := strings.Split(strings.TrimSuffix(host, "."), ".")
	n := len(labels)
	if n < 2 {
		return host
	}
	name := labels[n-2]
	if n >= 3 && len(labels[n-1]) == 2 {
		for _, s := range secondLevel {
			if name == s {
				return labels[n-3]
			}
		}
	}
	return name
}

// graphqlArgument judges an MCP tool's argument that holds a GraphQL
// document (a graphql server's query {query: "mutation {…}"}) as the
// calls it makes of the service the server is.
func (w *mcpWalk) graphqlArgument(key, v string) {
	if w.args == nil || !strings.Contains(v, "mutation") {
		return
	}
	k := normKey(key)
	for _, g := range graphqlKeys {
		if k == g || strings.Contains(k, g) {
			vars, _ := w.args["variables"].(map[string]any)
			server := w.server
			if u, ok := w.args["endpoint"].(string); ok && urlHost(u) != "" {
				if loopbackHost(urlHost(u)) {
					return
				}
				server = serviceName(urlHost(u))
			}
			w.ev.judgeGraphQL(server, v, vars)
			return
		}
	}
}

// graphqlSenders are the HTTP clients whose request bodies are read for
// GraphQL documents: curl, wget, HTTPie's, xh's and curlie's request items,
// and the git hosts' CLIs' api graphql (graphqlsources.go).
// graphqlSenderKind is graphqlSenders' kind of program name, asked of every
// command with a bit test (shell.NewNameKind).
var graphqlSenderKind = shell.NewNameKind(graphqlSenders.Get)

var graphqlSenders = table.Map[string, bool]{Words: "curl wget http https xh xhs curlie gh glab"}

// curlDataOptions are curl's, wget's and HTTPie's options whose value is
// the request body (curl -F query=…: a multipart form's field, which a
// server that takes uploads reads as the body's).
var curlDataOptions = [...]string{"-d", "--data", "--data-raw", "--data-binary", "--data-ascii", "--data-urlencode", "--json", "--post-data", "--body-data", "-F", "--form", "--form-string", "--raw"}

// A command line's curl that sends a mutation is noted while the line is
// judged and its documents judged after the run: judging them calls out
// to the MCP judgement, which keeps the evaluation it is given, and the
// evaluation of an ordinary command line stays on the stack.

// maxGQLLines bounds the lines one evaluation notes.
const maxGQLLines = 16

// curlMutation reports a curl command whose words, here-string or input
// from an earlier stage (echo '{…}' | curl -d @-) hold a GraphQL
// mutation, however its text is escaped (\u006dutation, %6Dutation).
func curlMutation(cmds []shell.Command, i int) bool {
	c := &cmds[i]
	if !c.Is(graphqlSenderKind) {
		return false
	}
	for _, a := range c.Args {
		if mentionsMutation(a) || strings.Contains(a, "persistedQuery") {
			return true
		}
	}
	for _, r := range c.Redirects {
		if strings.HasPrefix(r.Op, "<<") && mentionsMutation(r.Target) {
			return true
		}
	}
	for _, t := range stageInput(cmds, i) {
		if mentionsMutation(t) {
			return true
		}
	}
	return false
}

// noteGraphQL notes line when one of its commands is curl sending a
// mutation. execLine calls it only for a line graphqlCommands reports:
// a test widened here widens that one too.
func (ev *evaluation) noteGraphQL(line string, cmds []shell.Command) {
	if cmds == nil && len(ev.gqlLines) < maxGQLLines {
		ev.gqlLines = append(ev.gqlLines, line) // a fetch's URL, already a curl line
		return
	}
	for i := range cmds {
		if curlMutation(cmds, i) || hostCLIDocumentFile(&cmds[i]) != "" {
			if len(ev.gqlLines) < maxGQLLines {
				ev.gqlLines = append(ev.gqlLines, line)
			}
			return
		}
	}
}

// judgeGraphQLLines judges the GraphQL documents of the noted lines
// (lines noted while they are judged are judged too, up to the bound).
func (ev *evaluation) judgeGraphQLLines() {
	ev.judgeCodeRequests() // coderequests.go
	for i := 0; i < len(ev.gqlLines) && !ev.denied(); i++ {
		res := shell.Parse(ev.gqlLines[i])
		ev.curlGraphQL(res.Commands)
		shell.Release(&res)
	}
	ev.gqlLines = nil
}

// graphqlAfter finishes an evaluation that noted GraphQL lines: a copy of
// it, on the heap, judges them and decides.
func graphqlAfter(ev evaluation) call.Decision {
	h := &ev
	h.judgeGraphQLLines()
	d := h.decision()
	h.release()
	return d
}

// curlGraphQL judges the GraphQL documents curl sends (a fetch call's body
// is judged as the curl line that sends it, fetchrequest.go).
func (ev *evaluation) curlGraphQL(cmds []shell.Command) {
	for i := range cmds {
		c := &cmds[i]
		if f := hostCLIDocumentFile(c); f != "" && !ev.denied() {
			// gh api graphql -F query=@q.graphql, --input q.json: a
			// document nobody here reads, a mutation as likely as not
			ev.judgeEffect(effect.Effect{Kind: effect.Unknown, Cmd: i, Detail: "code", Word: c.Name + " api graphql sends the document in " + f + ", which nobody here reads"}, call.ToolExec)
		}
		if ev.denied() || !curlMutation(cmds, i) {
			continue
		}
		var target string
		var bodies []string
		if t, b, ok := hostCLIGraphQL(c); ok {
			ev.judgeGraphQLBody(t, b, "") // gh api graphql -f query=…
			continue
		}
		for k := 0; k < len(c.Args); k++ {
			a := c.Args[k]
			switch {
			case strings.HasPrefix(a, "http://") || strings.HasPrefix(a, "https://"):
				target = a
			case target == "" && !strings.HasPrefix(a, "-") && strings.Contains(a, "graphql") && !strings.ContainsAny(a, " {\""):
				target = "https://" + a // api.fly.io/graphql: curl's default scheme
			case strings.HasPrefix(a, "--url="):
				target = a[len("--url="):]
			case a == "--url" && k+1 < len(c.Args):
				k++
				target = c.Args[k]
			case c.Name != "curl" && c.Name != "wget" && (strings.HasPrefix(a, "query=") || strings.HasPrefix(a, "query:=")):
				// http POST URL query='mutation {…}': a request item
				_, v, _ := strings.Cut(a, "=")
				v = strings.TrimPrefix(v, "=") // query==…: a URL parameter
				var js string
				if strings.HasPrefix(a, "query:=") && json.Unmarshal([]byte(v), &js) == nil {
					v = js // query:='"mutation {…}"': JSON
				}
				bodies = append(bodies, "query="+url.QueryEscape(v))
			default:
				for _, o := range curlDataOptions {
					switch {
					case a == o && k+1 < len(c.Args):
						k++
						bodies = append(bodies, c.Args[k])
					case strings.HasPrefix(a, o+"="):
						bodies = append(bodies, a[len(o)+1:])
					case len(o) == 2 && len(a) > 2 && strings.HasPrefix(a, o) && a[2] != '-':
						bodies = append(bodies, a[2:]) // -d'{…}'
					}
				}
			}
		}
		if target == "" {
			continue
		}
		if _, q, ok := strings.Cut(target, "?"); ok {
			// /graphql?query=mutation…: the document in the URL
			if v, err := url.ParseQuery(q); err == nil {
				for _, d := range v["query"] {
					bodies = append(bodies, d)
				}
				if v.Get("operationName") != "" && v.Get("extensions") != "" {
					// ?operationName=DeleteApp&extensions={persistedQuery…}
					ev.judgeGraphQLBody(target, map[string]any{"operationName": v.Get("operationName"), "extensions": v.Get("extensions"), "variables": v.Get("variables")}, "")
				}
			}
		}
		for k, b := range bodies {
			if b == "@-" {
				// -d @- <<< '{"query": …}': the body is the here-string,
				// or what an earlier stage prints (echo '{…}' | curl -d @-)
				for _, t := range stageInput(cmds, i) {
					bodies[k] = t
				}
				for _, r := range c.Redirects {
					if r.Op == "<<<" || r.Op == "<<" || r.Op == "<<-" {
						bodies[k] = r.Target
					}
				}
			}
		}
		target = connectedTarget(c.Args, target)
		for _, b := range bodies {
			ev.judgeGraphQLBody(target, nil, b) // a form's query=… is read there
		}
	}
}
