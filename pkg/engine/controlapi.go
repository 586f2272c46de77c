package engine

import (
	"encoding/json"
	"net/url"
	"path"
	"rampart.dev/pkg/catalog"
	"rampart.dev/pkg/internal/table"
	"sort"
	"strings"

	"rampart.dev/pkg/call"
	"rampart.dev/pkg/containerspec"
	"rampart.dev/pkg/effect"
	"rampart.dev/pkg/match"
)

// Control APIs: a request to a cluster's, a node agent's, a container
// engine's, a vault's or a scheduler's HTTP API does what the service's
// CLI would, whatever spelling reaches it (WebFetch, an MCP tool's URL).
// A request is read by the table controlRoutes into what it does:
//
//   - reads a secret: the cluster's secrets or a service account's token,
//     a vault's data, dynamic credentials or raw storage, a KV store's
//     tree, a hosting service's decrypted variables, a node's pods with
//     their environment, a container's files. The secret lands in the
//     agent's context: the flow secret->agent, which a person approves.
//   - runs a command: the kubelet's exec and run, the engine's exec and
//     container create, a scheduler's job, a service check. The command it
//     carries (in the query or the body) is judged as a command line, and
//     a container the body gives the host's privileges is a privilege.
//   - destroys: DELETE, prune, seal: the destroy effect.
//   - grants: a role binding or a root token: destroy:grant.
//
// Which service a URL is for is told by its path shape and, where a path
// shape is common to many APIs (/v1/…), by the service's well-known port
// or a host named for it.

// controlRoute is one line of the table.
type controlRoute struct {
	service string // for explanations: "kubernetes", "kubelet", "docker", "vault"…
	pattern string // path pattern: segments, "*" one segment (path.Match), "**" any number
	writes  bool   // only for a method that changes something (POST, PUT, PATCH)
	does    string // "secret", "exec", "destroy", "grant", "inspect" (body only)
}

// controlRoutes by service; a service is recognised by controlService.
var controlRoutes = table.Map[string, []controlRoute]{Build: func() map[string][]controlRoute {
	return map[string][]controlRoute{
		"kubernetes": {
			{pattern: "/api/v1/secrets", does: "secret"},
			{pattern: "/api/v1/namespaces/*/secrets", does: "secret"},
			{pattern: "/api/v1/namespaces/*/secrets/*", does: "secret"},
			{pattern: "/api/v1/namespaces/*/serviceaccounts/*/token", does: "secret"},
			{pattern: "/api/v1/namespaces/*/pods/*/exec", does: "exec"},
			{pattern: "/api/v1/namespaces/*/pods/*/attach", does: "exec"},
			{pattern: "/api/v1/nodes/*/proxy/**", does: "exec"},
			{pattern: "/apis/rbac.authorization.k8s.io/*/clusterrolebindings/**", writes: true, does: "grant"},
			{pattern: "/apis/rbac.authorization.k8s.io/*/namespaces/*/rolebindings/**", writes: true, does: "grant"},
			{pattern: "/api/**", writes: true, does: "inspect"},
			{pattern: "/apis/**", writes: true, does: "inspect"},
		},
		"kubelet": {
			{pattern: "/exec/**", does: "exec"},
			{pattern: "/run/**", does: "exec"},
			{pattern: "/attach/**", does: "exec"},
			{pattern: "/cri/**", does: "exec"},
			{pattern: "/pods", does: "secret"},
			{pattern: "/runningpods", does: "secret"},
			{pattern: "/configz", does: "secret"},
		},
		"docker": {
			{pattern: "/containers/create", does: "inspect"},
			{pattern: "/containers/*/exec", does: "exec"},
			{pattern: "/exec/*/start", does: "exec"},
			{pattern: "/containers/*/archive", does: "secret"},
			{pattern: "/containers/*/export", does: "secret"},
			{pattern: "/images/*/get", does: "secret"},
			{pattern: "/images/get", does: "secret"},
			{pattern: "/secrets/**", does: "secret"},
			{pattern: "/*/prune", writes: true, does: "destroy"},
			{pattern: "/services/create", does: "inspect"},
		},
		"vault": {
			{pattern: "/v1/sys/raw/**", does: "secret"},
			{pattern: "/v1/sys/generate-root/**", does: "grant"},
			{pattern: "/v1/sys/generate-recovery-token/**", does: "grant"},
			{pattern: "/v1/sys/rekey/**", does: "grant"},
			{pattern: "/v1/auth/token/create**", does: "grant"},
			{pattern: "/v1/sys/seal", writes: true, does: "destroy"},
			{pattern: "/v1/sys/step-down", writes: true, does: "destroy"},
			{pattern: "/v1/sys/unseal", writes: true, does: "grant"},
			{pattern: "/v1/cubbyhole/**", does: "secret"},
			{pattern: "/v1/*/data/**", does: "secret"},
			{pattern: "/v1/*/creds/**", does: "secret"},
			{pattern: "/v1/*/issue/*", does: "secret"},
			{pattern: "/v1/secret/**", does: "secret"},
		},
		"consul": {
			{pattern: "/v1/kv/**", does: "secret"},
			{pattern: "/v1/acl/token/**", does: "secret"},
			{pattern: "/v1/agent/service/register", writes: true, does: "exec"},
			{pattern: "/v1/agent/check/register", writes: true, does: "exec"},
		},
		"nomad": {
			{pattern: "/v1/jobs", writes: true, does: "exec"},
			{pattern: "/v1/job/*", writes: true, does: "exec"},
			{pattern: "/v1/job/*/plan", writes: true, does: "exec"},
			{pattern: "/v1/client/allocation/*/exec", does: "exec"},
			{pattern: "/v1/var/**", does: "secret"},
			{pattern: "/v1/vars", does: "secret"},
			{pattern: "/v1/acl/token/**", does: "secret"},
		},
		"etcd": {
			{pattern: "/v3/kv/range", does: "secret"},
			{pattern: "/v3/kv/deleterange", does: "destroy"},
			{pattern: "/v2/keys/**", does: "secret"},
		},
		"jenkins": {
			{pattern: "/**/script", writes: true, does: "exec"},
			{pattern: "/**/scriptText", writes: true, does: "exec"},
		},
		// remote execution services: the command a request carries to
		// the machines they manage (salt-api's cmd.run and its arg, AWX's
		// ad hoc shell module and its module_args, Rundeck's exec) is
		// judged as a command line (remoteexecbodies.go); a job template
		// launched runs a playbook nobody here can read
		"salt": {
			{pattern: "/", writes: true, does: "inspect"},
			{pattern: "/run", writes: true, does: "inspect"},
			{pattern: "/minions", writes: true, does: "inspect"},
		},
		"awx": {
			{pattern: "/api/*/ad_hoc_commands", writes: true, does: "inspect"},
			{pattern: "/api/*/inventories/*/ad_hoc_commands", writes: true, does: "inspect"},
			{pattern: "/api/*/hosts/*/ad_hoc_commands", writes: true, does: "inspect"},
			{pattern: "/api/*/groups/*/ad_hoc_commands", writes: true, does: "inspect"},
			{pattern: "/api/*/job_templates/*/launch", writes: true, does: "exec"},
			{pattern: "/api/*/workflow_job_templates/*/launch", writes: true, does: "exec"},
		},
		"rundeck": {
			{pattern: "/api/*/project/*/run/command", writes: true, does: "inspect"},
			{pattern: "/api/*/project/*/run/script", writes: true, does: "exec"},
			{pattern: "/api/*/project/*/run/url", writes: true, does: "exec"},
		},
		"actuator": {
			// Spring Boot's actuator endpoints, under any base path: the
			// environment and configuration properties with their values,
			// and a heap dump, which holds every secret the process has
			// (controlServices names the service only for such a path:
			// effect.SpringSecretPath)
			{pattern: "/**", does: "secret"},
		},
		// localadmin.go: local admin APIs whose requests do what their
		// CLIs do, read as those command lines
		"ngrok": {
			{pattern: "/api/tunnels", writes: true, does: "cli"},
		},
		"caddy": {
			{pattern: "/load", writes: true, does: "cli"},
			{pattern: "/config/**", writes: true, does: "cli"},
		},
		// Syncthing's REST API (port 8384): a folder shared with devices
		// sends its files to them (localadmin.go reads it as that copy),
		// a device added may be given folders, an override or a revert
		// replaces one side's files with the other's
		"syncthing": {
			{pattern: "/rest/config", writes: true, does: "cli"},
			{pattern: "/rest/config/folders", writes: true, does: "cli"},
			{pattern: "/rest/config/folders/*", writes: true, does: "cli"},
			{pattern: "/rest/config/devices", writes: true, does: "grant"},
			{pattern: "/rest/config/devices/*", writes: true, does: "grant"},
			{pattern: "/rest/db/override", writes: true, does: "destroy"},
			{pattern: "/rest/db/revert", writes: true, does: "destroy"},
			{pattern: "/rest/system/reset", writes: true, does: "destroy"},
		},
		"hosting": {
			// GitLab (any host: self-managed instances), Heroku, Vercel,
			// Netlify: a project's CI or runtime variables, with their values.
			{pattern: "/api/v4/projects/*/variables/**", does: "secret"},
			{pattern: "/api/v4/groups/*/variables/**", does: "secret"},
			{pattern: "/api/v4/admin/ci/variables/**", does: "secret"},
			{pattern: "/apps/*/config-vars", does: "secret"},
			{pattern: "/*/projects/*/env/**", does: "secret"},
			{pattern: "/api/v1/accounts/*/env/**", does: "secret"},
			// Access given through a git host's API (as gh api -X PUT
			// .../collaborators/U is: effect's grantsByRequest).
			{pattern: "/repos/*/*/collaborators/*", writes: true, does: "grant"},
			{pattern: "/repos/*/*/keys", writes: true, does: "grant"},
			{pattern: "/orgs/*/memberships/*", writes: true, does: "grant"},
			{pattern: "/orgs/*/invitations", writes: true, does: "grant"},
			{pattern: "/api/v4/projects/*/members", writes: true, does: "grant"},
			{pattern: "/api/v4/groups/*/members", writes: true, does: "grant"},
		},
	}
}}

// controlPorts are the services' well-known ports.
var controlPorts = table.Map[string, string]{Build: func() map[string]string {
	return map[string]string{
		"6443": "kubernetes", "8443": "kubernetes",
		"10250": "kubelet", "10255": "kubelet",
		"2375": "docker", "2376": "docker",
		"8200": "vault",
		"8500": "consul", "8501": "consul",
		"4646": "nomad",
		"2379": "etcd",
		"4040": "ngrok", "2019": "caddy",
		"8384": "syncthing",
	}
}}

// controlServices returns the services whose routes apply to u: those its
// port or host names, and those whose path shapes are their own.
func controlServices(u match.URL, p string) []string {
	var out []string
	if s := controlPorts.Get(u.Port); s != "" {
		out = append(out, s)
	}
	for _, label := range strings.FieldsFunc(u.Host, func(r rune) bool { return r == '.' || r == '-' }) {
		switch label {
		case "vault", "openbao", "bao":
			out = append(out, "vault")
		case "consul":
			out = append(out, "consul")
		case "nomad":
			out = append(out, "nomad")
		case "etcd":
			out = append(out, "etcd")
		case "jenkins":
			out = append(out, "jenkins")
		case "salt", "saltapi":
			out = append(out, "salt")
		case "awx", "tower", "aap":
			out = append(out, "awx")
		case "rundeck":
			out = append(out, "rundeck")
		case "kubernetes", "k8s", "kube":
			out = append(out, "kubernetes")
		case "kubelet":
			out = append(out, "kubelet")
		case "syncthing":
			out = append(out, "syncthing")
		case "docker", "dockerd":
			out = append(out, "docker")
		}
	}
	// Shapes no other API shares: the Kubernetes API's /api/v1/ and
	// /apis/ groups, the engine's versioned /v1.NN/ paths, the hosting
	// services' variables.
	if strings.HasPrefix(p, "/api/v1/namespaces/") || p == "/api/v1/secrets" || strings.HasPrefix(p, "/apis/rbac.authorization.k8s.io/") || strings.HasPrefix(p, "/api/v1/nodes/") || apisNamespaced(p) {
		out = append(out, "kubernetes")
	}
	if !loopbackHost(u.Host) && effect.SpringSecretPath(p) {
		// Spring Boot's own path shape; a dev server on this machine
		// shows the developer's own settings
		out = append(out, "actuator")
	}
	return append(out, "hosting")
}

// apisNamespaced reports the Kubernetes API's path of a namespaced object
// of an API group: /apis/GROUP/VERSION/namespaces/NS/...
func apisNamespaced(p string) bool {
	rest, ok := strings.CutPrefix(p, "/apis/")
	if !ok {
		return false
	}
	segs := strings.SplitN(rest, "/", 5)
	return len(segs) >= 4 && segs[2] == "namespaces" && segs[0] != "" && segs[1] != ""
}

// socketService returns the control service whose API a Unix socket
// serves, told by its file name (docker.sock, podman.sock), or "".
func socketService(socket string) string {
	if socket == "" {
		return ""
	}
	base := strings.ToLower(path.Base(socket))
	for _, s := range []string{"docker", "podman", "containerd", "nerdctl"} {
		if strings.Contains(base, s) {
			return "docker"
		}
	}
	return ""
}

// commandRequest reads from a fetcher's words (curl, wget, http) the
// request it sends: its method, a body given inline (not @FILE, which is
// a file flows follow), and the Unix socket it connects through.
func commandRequest(a *match.Argv) (method, body, socket string) {
	if a == nil || a.Name == "" {
		return "", "", ""
	}
	cl := catalog.Default().Classify(a.Name, a.Args)
	for _, w := range cl.Words {
		switch {
		case w.Role == catalog.Method:
			method = w.Text
		case w.Option == "--unix-socket" || w.Option == "--abstract-unix-socket":
			socket = w.Text
		case w.Role == catalog.AtFile && !strings.HasPrefix(w.Text, "@") && w.Option != "-H" && w.Option != "--header" && w.Option != "-b" && w.Option != "--cookie" && w.Option != "--url-query",
			w.Option == "--body-data" || w.Option == "--post-data":
			if body != "" {
				body += "&"
			}
			body += w.Text
		}
	}
	if method == "" && body != "" {
		method = "POST"
		if a.Name == "curl" && curlGet(a.Args) {
			method = "GET" // curl -G: the data is the URL's query
		}
	}
	return method, body, socket
}

// curlGet reports curl's -G (--get), alone or in a cluster of flags
// (-sG): the data given is sent as the URL's query of a GET.
func curlGet(args []string) bool {
	for _, a := range args {
		if a == "--get" {
			return true
		}
		if len(a) > 1 && a[0] == '-' && a[1] != '-' && strings.IndexByte(a, 'G') > 0 && strings.Trim(a[1:], "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ") == "" {
			return true
		}
	}
	return false
}

// dockerVersion strips the engine API's version prefix (/v1.43).
func dockerVersion(p string) (string, bool) {
	if !strings.HasPrefix(p, "/v1.") {
		return p, false
	}
	rest := p[4:]
	i := strings.IndexByte(rest, '/')
	if i <= 0 || strings.Trim(rest[:i], "0123456789") != "" {
		return p, false
	}
	return rest[i:], true
}

// matchSegments reports whether the path's segments match the pattern's:
// "**" any number (a segment ending in "**" any further ones), others as
// path.Match.
func matchSegments(pat, p []string) bool {
	for len(pat) > 0 {
		s := pat[0]
		if s == "**" {
			for k := 0; k <= len(p); k++ {
				if matchSegments(pat[1:], p[k:]) {
					return true
				}
			}
			return false
		}
		if len(p) == 0 {
			return false
		}
		if strings.HasSuffix(s, "**") && len(pat) == 1 {
			ok, _ := path.Match(strings.TrimSuffix(s, "**")+"*", p[0])
			return ok
		}
		if ok, _ := path.Match(s, p[0]); !ok {
			return false
		}
		pat, p = pat[1:], p[1:]
	}
	return len(p) == 0
}

// controlRequest is a request as a fetch makes it.
type controlRequest struct {
	method string // upper case; "GET" when none is given
	url    match.URL
	path   string // cleaned, without query
	query  url.Values
	body   string
	// command: the request is a command's (curl's), whose output its
	// own flows follow
	command bool
}

// controlAsk is how judgeControlAPI learns a request's method, body and
// Unix socket: given (a fetch's parameters), or read from the words of
// the command that sends it (argv) only once the request is found able to
// reach a control API. Most URLs a command fetches cannot, and reading
// its words is a catalogue classification of the command again.
type controlAsk struct {
	method, body, socket string
	argv                 *match.Argv // the command's words, when they are still to be read
	upload               bool        // the command sends data: POST when its words name no method
	pending              bool        // argv and upload are still to be read
}

// commandAsk is the request of a command's connection (curl, wget, http).
func commandAsk(argv *match.Argv, upload bool) controlAsk {
	return controlAsk{argv: argv, upload: upload, pending: true}
}

// read reads the command's words, once.
func (q *controlAsk) read() {
	if !q.pending {
		return
	}
	q.pending = false
	q.method, q.body, q.socket = commandRequest(q.argv)
	if q.method == "" && q.upload {
		q.method = "POST"
	}
}

// maySocket reports whether the command's words may name a Unix socket:
// --unix-socket and --abstract-unix-socket have no short spelling, so a
// command with no long option among its words names none.
func (q *controlAsk) maySocket() bool {
	if q.argv == nil {
		return false
	}
	for _, a := range q.argv.Args {
		if strings.HasPrefix(a, "--") {
			return true
		}
	}
	return false
}

// mayReach reports whether a command's request to path p, whose URL names
// services, can come to anything in judgeControlAPI whatever its method,
// body and socket: a service of its own (a port, a host, a path shape: a
// DELETE or a route), a socket that may say the engine's, or a route of
// the hosting services' that its path takes.
func (q *controlAsk) mayReach(services []string, p string) bool {
	for _, svc := range services {
		if svc != "hosting" {
			return true
		}
	}
	if q.maySocket() {
		return true
	}
	segs := strings.Split(strings.Trim(p, "/"), "/")
	for _, pat := range controlRouteSegs.Get("hosting") {
		if matchSegments(pat, segs) {
			return true
		}
	}
	return false
}

// controlRouteSegs is controlRoutes with each pattern split into its
// segments, once, on first use (made at initialisation, it built
// controlRoutes in every process, a hook judging git status included).
var controlRouteSegs = table.Map[string, [][]string]{Build: func() map[string][][]string {
	m := make(map[string][][]string, controlRoutes.Len())
	for svc, rts := range controlRoutes.All() {
		segs := make([][]string, len(rts))
		for i, rt := range rts {
			segs[i] = strings.Split(strings.Trim(rt.pattern, "/"), "/")
		}
		m[svc] = segs
	}
	return m
}}

// judgeControlAPI judges a request to a control API. A command's request
// (curl's) is judged only for what it runs, grants or destroys: a secret
// it reads is a source its own flows follow (effect: secretPath), to a
// filter that keeps only names or to a host.
func (ev *evaluation) judgeControlAPI(raw string, ask controlAsk, command bool) {
	if ev.denied() {
		return
	}
	u, ok := match.ParseURL(raw)
	if !ok {
		return
	}
	rest := u.Rest
	q := ""
	if i := strings.IndexAny(rest, "?#"); i >= 0 {
		if rest[i] == '?' {
			q = rest[i+1:]
			if j := strings.IndexByte(q, '#'); j >= 0 {
				q = q[:j]
			}
		}
		rest = rest[:i]
	}
	if dec, err := url.PathUnescape(rest); err == nil {
		rest = dec
	}
	p := path.Clean("/" + rest)
	dp, versioned := dockerVersion(p)
	versioned = versioned && (strings.HasPrefix(dp, "/containers/") || strings.HasPrefix(dp, "/images/") || strings.HasPrefix(dp, "/exec/") || strings.HasPrefix(dp, "/volumes") || strings.HasPrefix(dp, "/secrets"))
	services := controlServices(u, p)
	if ask.pending {
		if !versioned && !ask.mayReach(services, p) {
			return
		}
		ask.read()
	}
	r := controlRequest{method: strings.ToUpper(strings.TrimSpace(ask.method)), url: u, path: p, body: ask.body, command: command}
	if r.method == "" {
		r.method = "GET"
	}
	r.query, _ = url.ParseQuery(q)
	if r.method == "DELETE" && !command && !loopbackHost(u.Host) {
		// A fetch's DELETE removes what its URL names at any service, as
		// curl -X DELETE's does (effect: sendsDelete); a local dev
		// server's is the developer's own.
		ev.controlEffect(effect.Destroy, "remote", "DELETE "+raw)
		return
	}
	if socketService(ask.socket) != "" {
		// curl --unix-socket /var/run/docker.sock http://x/containers/create:
		// the socket says whose API it is, whatever the URL's host
		services = append(services, socketService(ask.socket))
	}
	if versioned {
		services = append(services, "docker")
	}
	seen := map[string]bool{}
	for _, svc := range services {
		if seen[svc] {
			continue
		}
		seen[svc] = true
		rp := p
		if svc == "docker" {
			rp, _ = dockerVersion(p)
		}
		if r.method == "DELETE" && svc != "hosting" && svc != "jenkins" && svc != "ngrok" && svc != "caddy" {
			if svc == "kubernetes" && ev.apiServerHere(u, ask.argv, command) {
				return // a cluster of this machine's (kind, k3d, minikube): kubectl --context kind-dev delete
			}
			ev.controlEffect(effect.Destroy, "api", svc+" "+r.method+" "+rp)
			return
		}
		segs := strings.Split(strings.Trim(rp, "/"), "/")
		for k, rt := range controlRoutes.Get(svc) {
			if rt.writes && r.method == "GET" {
				continue
			}
			if !matchSegments(controlRouteSegs.Get(svc)[k], segs) {
				continue
			}
			ev.controlDoes(svc, rt.does, &r)
			return
		}
	}
}

// apiServerHere reports a request to a Kubernetes API server of this
// machine: over https (an API server's own; kubectl proxy, which relays to
// whatever cluster the current context names, serves plain http) to a
// loopback address or name, with no option of the command's that sends
// the connection elsewhere (curl --connect-to, --resolve, a proxy) and, for
// a command, on a line that opens no port to another machine (ssh -L,
// kubectl port-forward or proxy: effect.ForwardsOnLine).
func (ev *evaluation) apiServerHere(u match.URL, argv *match.Argv, command bool) bool {
	if u.Scheme != "https" || !loopbackHost(u.Host) || command && ev.lineForwards {
		return false
	}
	if argv != nil {
		for _, a := range argv.Args {
			name, _, _ := strings.Cut(a, "=")
			if redirectOptions.Get(name) {
				return false
			}
		}
	}
	return true
}

// redirectOptions are a fetcher's options that send its connection to
// another host than its URL names, or through a proxy.
// (-K/--config: a file of options nobody here reads, which may hold them.)
var redirectOptions = table.Map[string, bool]{Words: "--connect-to --resolve -x --proxy --socks4 --socks4a --socks5 --socks5-hostname --preproxy --proxy1.0 -K --config"}

// controlDoes judges what a matched route does.
func (ev *evaluation) controlDoes(svc, does string, r *controlRequest) {
	what := svc + " " + r.method + " " + r.path
	switch does {
	case "secret":
		if !r.command {
			ev.controlEffect(effect.Flow, "secret->agent", what)
		}
	case "grant":
		ev.controlEffect(effect.Destroy, "grant", what)
	case "destroy":
		ev.controlEffect(effect.Destroy, "api", what)
	case "cli":
		for _, l := range adminCLILines(svc, r.body) { // localadmin.go
			if ev.denied() {
				return
			}
			ev.exec(l, false, call.ToolExec)
		}
	case "exec":
		ev.carriedCommands(r)
		if !ev.denied() {
			// a command run through a node's or an engine's API, past
			// the CLI and its audit: a person looks
			ev.controlEffect(effect.Unknown, "remote-exec", what)
		}
	}
	if !ev.denied() && r.body != "" && does != "secret" {
		ev.bodyPrivileges(svc, r)
		if svc == "docker" && (strings.HasSuffix(r.path, "/containers/create") || strings.HasSuffix(r.path, "/services/create")) && !ev.denied() {
			// the container the body asks for, judged as docker run
			// makes it: its command with the host paths it mounts
			// (containerspec, read the same for the SDKs' calls)
			ev.exec(containerspec.FromAPI(r.body).RunLine(), false, call.ToolExec)
		}
		if does != "exec" {
			ev.carriedCommands(r)
		}
	}
}

func (ev *evaluation) controlEffect(k effect.Kind, detail, word string) {
	ev.judgeEffect(effect.Effect{Kind: k, Cmd: -1, Detail: detail, Word: word}, call.ToolFetch)
}

// carriedCommands judges the commands a request carries: the query's cmd
// and command (the kubelet's repeated command=, one argv), a form body's
// cmd, command or script, and a JSON body's Cmd, Entrypoint, command and
// args arrays or strings, at any depth.
func (ev *evaluation) carriedCommands(r *controlRequest) {
	var lines []string
	if argv := r.query["command"]; len(argv) > 0 {
		lines = append(lines, quoteArgv(argv))
	}
	lines = append(lines, r.query["cmd"]...)
	lines = append(lines, r.query["exec"]...) // Rundeck's run/command?exec=
	body := strings.TrimSpace(r.body)
	switch {
	case strings.HasPrefix(body, "{") || strings.HasPrefix(body, "["):
		var v any
		if json.Unmarshal([]byte(body), &v) == nil {
			lines = appendBodyCommands(lines, v, 0)
		}
	case body != "":
		if form, err := url.ParseQuery(body); err == nil {
			for _, k := range []string{"cmd", "command"} {
				lines = append(lines, form[k]...)
			}
			for _, s := range form["script"] {
				// a script console's Groovy: code nobody here reads
				ev.controlEffect(effect.Unknown, "code", "script: "+s)
			}
		}
	}
	for _, l := range limitLines(lines) {
		if ev.denied() {
			return
		}
		ev.exec(l, false, call.ToolExec)
	}
}

// appendBodyCommands appends the command lines of a JSON body: an argv
// under Cmd, Entrypoint, command, args or Args (joined with the command
// before it), or a string under command or cmd.
func appendBodyCommands(dst []string, v any, depth int) []string {
	if depth > 16 {
		return dst
	}
	switch x := v.(type) {
	case map[string]any:
		var argv []string
		for _, k := range []string{"Entrypoint", "entrypoint", "Cmd", "cmd", "command", "Command", "Args", "args"} {
			switch c := x[k].(type) {
			case string:
				argv = append(argv, c)
			case []any:
				for _, a := range c {
					if s, ok := a.(string); ok {
						argv = append(argv, s)
					}
				}
			}
		}
		if len(argv) == 1 {
			dst = append(dst, argv[0])
		} else if len(argv) > 1 {
			dst = append(dst, quoteArgv(argv))
		}
		dst = append(dst, remoteExecCommands(x)...) // remoteexecbodies.go
		for _, k := range sortedKeys(x) {
			dst = appendBodyCommands(dst, x[k], depth+1)
		}
	case []any:
		for _, e := range x {
			dst = appendBodyCommands(dst, e, depth+1)
		}
	}
	return dst
}

// bodyPrivileges judges a JSON body that gives a container or pod the
// host's privileges: Privileged or privileged true, host PID, network or
// IPC namespaces, or a bind or mount of the host's root.
func (ev *evaluation) bodyPrivileges(svc string, r *controlRequest) {
	var v any
	if json.Unmarshal([]byte(strings.TrimSpace(r.body)), &v) != nil {
		return
	}
	if what := privilegedBody(v, 0); what != "" {
		ev.controlEffect(effect.Privilege, "api", svc+" "+r.path+": "+what)
	}
}

func privilegedBody(v any, depth int) string {
	if depth > 16 {
		return ""
	}
	switch x := v.(type) {
	case map[string]any:
		for _, k := range sortedKeys(x) {
			e := x[k]
			switch k {
			case "Privileged", "privileged", "hostPID", "hostNetwork", "hostIPC", "allowPrivilegeEscalation":
				if b, ok := e.(bool); ok && b {
					return k
				}
			case "PidMode", "NetworkMode", "IpcMode", "UsernsMode":
				if s, ok := e.(string); ok && s == "host" {
					return k + "=host"
				}
			case "Binds":
				if l, ok := e.([]any); ok {
					for _, b := range l {
						if s, ok := b.(string); ok && (strings.HasPrefix(s, "/:") || strings.HasPrefix(s, "/var/run/docker.sock:") || strings.HasPrefix(s, "/run/docker.sock:")) {
							return "bind " + s
						}
					}
				}
			case "Mounts":
				// the Binds of the engine's newer spelling:
				// {"Type":"bind","Source":"/","Target":"/host"}
				if l, ok := e.([]any); ok {
					for _, b := range l {
						m, _ := b.(map[string]any)
						if s, _ := m["Source"].(string); s == "/" || s == "/var/run/docker.sock" || s == "/run/docker.sock" {
							return "mount " + s
						}
					}
				}
			case "hostPath":
				if m, ok := e.(map[string]any); ok {
					if s, _ := m["path"].(string); s == "/" || s == "/etc" || s == "/var/run/docker.sock" || s == "/root" {
						return "hostPath " + s
					}
				}
			}
			if w := privilegedBody(e, depth+1); w != "" {
				return w
			}
		}
	case []any:
		for _, e := range x {
			if w := privilegedBody(e, depth+1); w != "" {
				return w
			}
		}
	}
	return ""
}

// sortedKeys returns m's keys in order, so that what is judged first, and
// so the decision's text, does not change from one evaluation to the next.
func sortedKeys(m map[string]any) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// paramText is a param's text: a string as it is, anything else as JSON.
func paramText(v any) string {
	switch x := v.(type) {
	case nil:
		return ""
	case string:
		return x
	}
	b, err := json.Marshal(v)
	if err != nil {
		return ""
	}
	return string(b)
}
