package effect

import (
	"strings"

	"rampart.dev/pkg/internal/table"
	"rampart.dev/pkg/shell"
)

// A service's client told to use another host sends the service's key
// there: the OpenAI and Anthropic SDKs, the agents' CLIs and llm read
// OPENAI_BASE_URL, OPENAI_API_BASE or ANTHROPIC_BASE_URL, huggingface-cli
// reads HF_ENDPOINT, and each signs its calls with the key it finds in the
// environment (OPENAI_API_KEY, ANTHROPIC_API_KEY, HF_TOKEN). A base-URL
// variable named for a service whose keys are known (secretHomes), set
// for a program that is such a client (or exported before it on the
// line) to a host that is neither loopback nor the service's own
// (homeDomains), is that key sent to the host: flow credential->network.
// A local proxy (http://localhost:4000) or the service's own host is not.

// endpointClients are the programs that read a service's base-URL
// variable and send its key: interpreters running an SDK, runners that
// start one, and the AI CLIs (agents' CLIs are agentCLIs too).
var endpointClients = table.Map[string, bool]{Words: "python python3 node deno bun ruby uv uvx poetry pipx pdm hatch rye npx pnpm yarn npm tsx ts-node " +
	"llm aider huggingface-cli hf openai anthropic litellm goose opencode crush droid amp qwen codex claude gemini cursor-agent copilot"}

// endpointClient reports a command that may read a base-URL variable and
// send a key: an endpointClients program, an agent CLI, or a script run by
// its path.
func endpointClient(c *shell.Command) bool {
	if endpointClients.Get(c.Name) || agentCLIs.Get(c.Name) {
		return true
	}
	p := c.Program
	return strings.HasPrefix(p, "./") || strings.HasSuffix(p, ".py") || strings.HasSuffix(p, ".js") || strings.HasSuffix(p, ".sh")
}

// endpointElsewhere returns the NAME=VALUE of a base-URL variable that
// sends its service's key to another host, or "".
func endpointElsewhere(name, val string) string {
	if !endpointVar(name, "elsewhere.invalid") || strings.HasSuffix(strings.ToUpper(name), "_PROXY") {
		return "" // no endpoint variable; a proxy carries TLS through
	}
	u := strings.ToUpper(name)
	home := ""
	for _, h := range secretHomes {
		if strings.HasPrefix(u, h.prefix) {
			home = h.home
			break
		}
	}
	if home == "" {
		return ""
	}
	v := strings.Trim(val, `'"`)
	if !strings.Contains(v, "://") {
		v = "https://" + v
	}
	host := urlHost(v)
	if host == "" || strings.ContainsAny(host, "$`") || loopback(host) || inHomeDomain(host, home) {
		return ""
	}
	return name + "=" + val
}

// keyToEndpoint adds flow:credential->network for a service's client run
// with that service's base URL moved to another host.
func (a *analysis) keyToEndpoint(i int, c *shell.Command) {
	if len(c.Assigns) == 0 && len(c.Via) == 0 && len(a.lineEnv) == 0 || !endpointClient(c) {
		return
	}
	moved := ""
	for _, kv := range carriedAssigns(a.res, i) {
		if n, v, ok := strings.Cut(kv, "="); ok {
			if m := endpointElsewhere(n, v); m != "" {
				moved = m
			}
		}
	}
	if moved == "" {
		for n, v := range a.lineEnv {
			if m := endpointElsewhere(n, v); m != "" && (moved == "" || m < moved) {
				moved = m // the least, so the word is the same on every run
			}
		}
	}
	if moved != "" {
		a.add(Effect{Kind: Flow, Cmd: i, Detail: "credential->network", Word: c.Name + " run with " + moved + ": its service's key goes to that host"})
	}
}

// codeBaseURLElsewhere returns the base URL inline code gives a service's
// own client library (OpenAI(base_url='…'), new OpenAI({baseURL: '…'}),
// anthropic.Anthropic(base_url=…)) when it is another host than the
// service's and not loopback: the client sends the service's key from the
// environment there. A key given as a literal (api_key='ollama') is no
// secret of the environment, and leaves the code alone.
func codeBaseURLElsewhere(code string) string {
	if !strings.Contains(code, "base") {
		return "" // no base_url, baseURL or baseUrl: no need to look for a service's SDK
	}
	home := ""
	for _, s := range codeSDKHomes {
		if strings.Contains(code, s.mark) {
			home = s.home
			break
		}
	}
	if home == "" {
		return ""
	}
	for _, key := range [...]string{"base_url", "baseURL", "baseUrl"} {
		k := strings.Index(code, key)
		if k < 0 {
			continue
		}
		rest := strings.TrimLeft(code[k+len(key):], " \t")
		if !strings.HasPrefix(rest, "=") && !strings.HasPrefix(rest, ":") {
			continue
		}
		rest = strings.TrimLeft(rest[1:], " \t")
		if rest == "" || rest[0] != '\'' && rest[0] != '"' && rest[0] != '`' {
			continue
		}
		end := strings.IndexByte(rest[1:], rest[0])
		if end < 0 {
			continue
		}
		u := rest[1 : 1+end]
		if !strings.Contains(u, "://") {
			return "" // a name, not a URL literal
		}
		host := urlHost(u)
		if host == "" || loopback(host) || strings.ContainsAny(host, "$`{") || inHomeDomain(host, home) {
			return ""
		}
		flat := strings.ReplaceAll(code, " ", "")
		for _, lit := range [...]string{"api_key='", `api_key="`, "apiKey:'", `apiKey:"`} {
			if strings.Contains(flat, lit) {
				return "" // a literal key, not the environment's
			}
		}
		return u
	}
	return ""
}

// codeKeyToBaseURL adds flow:credential->network for inline code that
// points a service's client at another host (codeBaseURLElsewhere).
func (a *analysis) codeKeyToBaseURL(i int, c *shell.Command, code string) {
	if u := codeBaseURLElsewhere(code); u != "" {
		a.add(Effect{Kind: Flow, Cmd: i, Detail: "credential->network", Word: c.Name + " code points its service's client at " + u + ": the key from the environment goes there"})
	}
}
