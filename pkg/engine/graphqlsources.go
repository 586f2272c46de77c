package engine

import (
	"encoding/json"
	"net/url"
	"slices"

	"rampart.dev/pkg/call"
	"rampart.dev/pkg/effect"
	"strconv"
	"strings"

	"rampart.dev/pkg/shell"
)

// Where a GraphQL document sent from the shell may be found besides a
// curl's own words: escaped in its text (a JSON string's \u006dutation, a
// URL's %6Dutation), printed by an earlier stage into a body read from
// standard input (echo '{"query": …}' | curl -d @-), in a git host's CLI
// (gh api graphql -f query=…, its -F fields the variables), and sent to
// another host than the URL names (curl --connect-to localhost:443:
// api.fly.io:443 https://localhost/graphql), or kept on the server as a
// persisted query the request names by its operation and hash.

// mentionsMutation reports text that holds the word mutation, once JSON's
// \u escapes and URL escapes are undone.
func mentionsMutation(s string) bool {
	if strings.Contains(s, "mutation") {
		return true
	}
	if strings.Contains(s, `\u`) && strings.Contains(unescapeJSONText(s), "mutation") {
		return true
	}
	if strings.Contains(s, "%") {
		if d, err := url.QueryUnescape(s); err == nil && strings.Contains(d, "mutation") {
			return true
		}
		if d, err := url.PathUnescape(s); err == nil && strings.Contains(d, "mutation") {
			return true
		}
	}
	return false
}

// unescapeJSONText undoes the \uXXXX escapes of JSON text.
func unescapeJSONText(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] == '\\' && i+5 < len(s) && s[i+1] == 'u' {
			if r, err := strconv.ParseUint(s[i+2:i+6], 16, 32); err == nil {
				b.WriteRune(rune(r))
				i += 5
				continue
			}
		}
		b.WriteByte(s[i])
	}
	return b.String()
}

// stageInput returns the text earlier stages of command i's pipeline
// print by echo, printf or cat of a here-document: its standard input.
func stageInput(cmds []shell.Command, i int) []string {
	c := &cmds[i]
	if c.Stage == 0 {
		return nil
	}
	var out []string
	for k := range cmds {
		o := &cmds[k]
		if k == i || o.Pipeline != c.Pipeline || o.Stage >= c.Stage {
			continue
		}
		switch o.Name {
		case "echo", "printf":
			for _, a := range o.Args {
				if !strings.HasPrefix(a, "-") && !strings.Contains(a, "%s") {
					out = append(out, a)
				}
			}
		case "cat":
			for _, r := range o.Redirects {
				if strings.HasPrefix(r.Op, "<<") {
					out = append(out, r.Target)
				}
			}
		}
	}
	return out
}

// hostCLIGraphQL reads a git host's CLI sending a GraphQL document (gh api
// graphql -f query=…, glab api graphql): the URL of its host's endpoint
// and the request object its fields make (-f/-F query=…, the other
// fields its variables).
func hostCLIGraphQL(c *shell.Command) (target string, body map[string]any, ok bool) {
	if c.Name != "gh" && c.Name != "glab" || len(c.Args) < 2 || c.Args[0] != "api" {
		return "", nil, false
	}
	endpoint := ""
	vars := map[string]any{}
	body = map[string]any{}
	host := ""
	for k := 1; k < len(c.Args); k++ {
		a := c.Args[k]
		switch {
		case a == "graphql":
			endpoint = "graphql"
		case a == "--hostname" && k+1 < len(c.Args):
			k++
			host = c.Args[k]
		case (a == "-f" || a == "-F" || a == "--field" || a == "--raw-field") && k+1 < len(c.Args):
			k++
			name, v, _ := strings.Cut(c.Args[k], "=")
			if name == "query" {
				body["query"] = v
			} else {
				vars[name] = v
			}
		}
	}
	if endpoint == "" || body["query"] == nil {
		return "", nil, false
	}
	body["variables"] = vars
	switch {
	case host != "":
		target = "https://" + host + "/api/graphql"
	case c.Name == "gh":
		target = "https://api.github.com/graphql"
	default:
		target = "https://gitlab.com/api/graphql"
	}
	return target, body, true
}

// hostCLIDocumentFile returns the file a git host's CLI reads the
// GraphQL document it sends from (gh api graphql -F query=@FILE, --input
// FILE), or "".
func hostCLIDocumentFile(c *shell.Command) string {
	if c.Name != "gh" && c.Name != "glab" || len(c.Args) < 2 || c.Args[0] != "api" || !slices.Contains(c.Args, "graphql") {
		return ""
	}
	for k := 1; k < len(c.Args); k++ {
		a := c.Args[k]
		switch {
		case (a == "-F" || a == "--field") && k+1 < len(c.Args):
			k++
			if f, ok := strings.CutPrefix(c.Args[k], "query=@"); ok {
				return f
			}
		case strings.HasPrefix(a, "--field=query=@"):
			return strings.TrimPrefix(a, "--field=query=@")
		case a == "--input" && k+1 < len(c.Args) && c.Args[k+1] != "-":
			return c.Args[k+1]
		case strings.HasPrefix(a, "--input=") && a != "--input=-":
			return strings.TrimPrefix(a, "--input=")
		}
	}
	return ""
}

// connectedTarget returns the URL a curl request reaches: target, with its
// host replaced by the one a --connect-to option sends it to.
func connectedTarget(args []string, target string) string {
	for k, a := range args {
		v, ok := strings.CutPrefix(a, "--connect-to=")
		if !ok && a == "--connect-to" && k+1 < len(args) {
			v, ok = args[k+1], true
		}
		if !ok {
			continue
		}
		// HOST1:PORT1:HOST2:PORT2
		parts := strings.Split(v, ":")
		if len(parts) == 4 && parts[2] != "" {
			if u, err := url.Parse(target); err == nil && u.Host != "" {
				u.Host = parts[2]
				return u.String()
			}
		}
	}
	return target
}

// persisted reports a request object that names a persisted query (its
// extensions' persistedQuery, a hash) and carries no document.
func persisted(x map[string]any) bool {
	if _, ok := x["query"].(string); ok {
		return false
	}
	ext, _ := x["extensions"].(map[string]any)
	if ext == nil {
		if s, ok := x["extensions"].(string); ok {
			_ = json.Unmarshal([]byte(s), &ext) // a GET's extensions are text
		}
	}
	_, ok := ext["persistedQuery"]
	return ok
}

// persistedCall judges a persisted operation by its name, as the field it
// runs would be (DeleteApp is deleteApp): the only word of it the request
// shows.
func (ev *evaluation) persistedCall(server, name string, vars map[string]any) {
	if name == "" || ev.denied() {
		return
	}
	args := vars
	if args == nil {
		args = map[string]any{}
	}
	ev.mcpCall(server, name, args, nil, false)
	if !ev.denied() && effect.ChangesShared(name) {
		ev.judgeEffect(effect.Effect{Kind: effect.Destroy, Cmd: -1, Detail: "shared-change", Word: server + " persisted GraphQL operation " + name}, call.ToolFetch)
	}
}
