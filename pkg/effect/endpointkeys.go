package effect

import (
	"encoding/json"
	"path"
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
	"llm aider huggingface-cli hf openai anthropic litellm goose opencode crush droid amp qwen codex claude gemini cursor-agent copilot " +
	// runners of the project's own code, which may hold an SDK client
	"pytest py.test tox nox go cargo make just task dotnet java php bash sh zsh streamlit uvicorn gunicorn flask fastapi hypercorn " +
	"jupyter ipython marimo papermill " +
	// experiment trackers' and dataset hubs' CLIs, which send their own key
	"wandb kaggle comet neptune " +
	// test runners and task runners of other languages, which run the
	// project's code and its tests against the service
	"vitest jest mocha ava playwright cypress rspec rake bundle rails mix elixir phpunit pest mvn mvnw gradle gradlew sbt lein " +
	"sgpt aichat mods promptfoo chainlit"}

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
	u := strings.ToUpper(name)
	if !endpointVar(name, "elsewhere.invalid") && !hostBaseURLs.Get(u) || strings.HasSuffix(u, "_PROXY") {
		return "" // no endpoint variable; a proxy carries TLS through
	}
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
	if host == "" || strings.ContainsAny(host, "$`") || loopback(host) || ownHost(host, home) {
		return ""
	}
	return name + "=" + val
}

// hostBaseURLs are the services' variables named _HOST that hold their
// base URL: Goose reads OPENAI_HOST and ANTHROPIC_HOST as the address of
// the provider it sends the key to.
var hostBaseURLs = table.Map[string, bool]{Words: "OPENAI_HOST ANTHROPIC_HOST"}

// serviceLessBaseURL reports a base-URL variable named for no service
// (API_BASE_URL, BASE_URL, API_BASE): a client of one service
// (clientServices: shell-gpt reads API_BASE_URL) reads it as its own.
func serviceLessBaseURL(name string) bool {
	switch strings.ToUpper(name) {
	case "API_BASE_URL", "API_BASE", "BASE_URL":
		return true
	}
	return false
}

// ownHost reports a host of the service's own: in its domains, and not
// one that answers for a customer of the service with the customer's code
// (relay.eastus.cloudapp.azure.com is someone's machine under azure.com).
func ownHost(host, home string) bool {
	return inHomeDomain(host, home) && !CustomerHost(host, false)
}

// optionEndpoint returns NAME=VALUE for a client's option that names a
// service's base URL (aider --openai-api-base URL, --anthropic-api-base=URL):
// the option's name read as the variable it stands for (OPENAI_API_BASE).
func optionEndpoint(args []string) string {
	for k, w := range args {
		if !strings.HasPrefix(w, "--") || len(w) < 8 {
			continue
		}
		name, val, has := strings.Cut(w[2:], "=")
		if !has {
			if k+1 >= len(args) {
				continue
			}
			val = args[k+1]
		}
		v := strings.ToUpper(strings.ReplaceAll(name, "-", "_"))
		if m := endpointElsewhere(v, val); m != "" {
			return w + " " + val
		}
	}
	return ""
}

// clientServices are the programs that talk to one service by default,
// by the prefix of that service's variables (secretHomes): a base URL
// they are given without the service's name (codex -c
// model_providers.x.base_url=U, llm -o api_base U, litellm --api_base U)
// is that service's, and its key goes there.
var clientServices = table.Map[string, string]{Build: func() map[string]string {
	return map[string]string{"claude": "ANTHROPIC_", "codex": "OPENAI_", "llm": "OPENAI_", "litellm": "OPENAI_", "aider": "OPENAI_", "openai": "OPENAI_", "anthropic": "ANTHROPIC_", "gemini": "GEMINI_", "sgpt": "OPENAI_", "aichat": "OPENAI_", "mods": "OPENAI_"}
}}

// clientOptionEndpoint returns the option by which a client is given a
// base URL that sends its service's key elsewhere: a setting given on the
// line (-c/--config KEY=URL, -o/--option KEY URL, --KEY URL) whose key
// ends in base_url or api_base, read as the service's base-URL variable;
// or an env block in settings JSON (claude --settings '{"env":{…}}', or a
// file the line wrote), whose variables are the program's environment.
func (a *analysis) clientOptionEndpoint(prog string, args []string) string {
	prefix, isClient := clientServices.Lookup(prog)
	for k := 0; k < len(args); k++ {
		w := args[k]
		key, val, has := "", "", false
		switch {
		case w == "--settings" && k+1 < len(args) || strings.HasPrefix(w, "--settings="):
			v := strings.TrimPrefix(w, "--settings=")
			if v == w {
				v = args[k+1]
			}
			for n, ev := range settingsEnv(settingsText(v, a.fileText)) {
				if m := endpointElsewhere(n, ev); m != "" {
					return "--settings setting " + m
				}
			}
			continue
		case !isClient:
			continue
		case (w == "-c" || w == "--config" || w == "-o" || w == "--option") && k+1 < len(args):
			key, val, has = strings.Cut(args[k+1], "=")
			if !has && (w == "-o" || w == "--option") && k+2 < len(args) {
				val, has = args[k+2], true
			}
		case strings.HasPrefix(w, "--"):
			key, val, has = strings.Cut(w[2:], "=")
			if !has && k+1 < len(args) {
				val, has = args[k+1], true
			}
		}
		if has && strings.HasPrefix(strings.TrimSpace(val), "{") {
			key, val = inlineBaseURL(val) // -c 'model_providers.r={base_url="U", …}'
		}
		if !has || !baseURLKey(key) {
			continue
		}
		if m := endpointElsewhere(prefix+"BASE_URL", val); m != "" {
			return w + " " + key + "=" + val
		}
	}
	return ""
}

// inlineBaseURL is the base-URL member of a TOML inline table
// ({name="r", base_url="U"}) and its value, or "".
func inlineBaseURL(table string) (key, val string) {
	t := strings.TrimSpace(table)
	t = strings.TrimSuffix(strings.TrimPrefix(t, "{"), "}")
	for _, m := range strings.Split(t, ",") {
		k, v, ok := strings.Cut(m, "=")
		if k = strings.Trim(strings.TrimSpace(k), `"'`); ok && baseURLKey(k) {
			return k, strings.Trim(strings.TrimSpace(v), `"'`)
		}
	}
	return "", ""
}

// baseURLKey reports a setting's key that names a service's base URL:
// base_url, api_base, base-url, baseURL, and any dotted path ending so
// (model_providers.relay.base_url).
func baseURLKey(key string) bool {
	k := strings.ToLower(strings.ReplaceAll(key, "-", "_"))
	if i := strings.LastIndexByte(k, '.'); i >= 0 {
		k = k[i+1:]
	}
	return strings.HasSuffix(k, "base_url") || strings.HasSuffix(k, "api_base") || strings.HasSuffix(k, "baseurl")
}

// settingsEnv is the env block of settings JSON text: the variables the
// agent CLI runs with.
func settingsEnv(text string) map[string]string {
	if !strings.Contains(text, `"env"`) {
		return nil
	}
	var s struct {
		Env map[string]any `json:"env"`
	}
	if json.Unmarshal([]byte(text), &s) != nil {
		return nil
	}
	out := make(map[string]string, len(s.Env))
	for n, v := range s.Env {
		if str, ok := v.(string); ok {
			out[n] = str
		}
	}
	return out
}

// keyToEndpoint adds flow:credential->network for a service's client run
// with that service's base URL moved to another host.
func (a *analysis) keyToEndpoint(i int, c *shell.Command) {
	if !endpointClient(c) {
		return
	}
	if o := optionEndpoint(c.Args); o != "" {
		a.add(Effect{Kind: Flow, Cmd: i, Detail: "credential->network", Word: c.Name + " run with " + o + ": its service's key goes to that host"})
		return
	}
	if o := a.clientOptionEndpoint(c.Name, c.Args); o != "" {
		a.add(Effect{Kind: Flow, Cmd: i, Detail: "credential->network", Word: c.Name + " run with " + o + ": its service's key goes to that host"})
		return
	}
	if m := a.dotenvEndpoint(); m != "" {
		a.add(Effect{Kind: Flow, Cmd: i, Detail: "credential->network", Word: c.Name + " run with " + m + ": its service's key goes to that host"})
		return
	}
	if len(c.Assigns) == 0 && len(c.Via) == 0 && len(a.lineEnv) == 0 {
		return
	}
	moved := ""
	prefix, isClient := clientServices.Lookup(c.Name)
	for _, kv := range carriedAssigns(a.res, i) {
		if n, v, ok := strings.Cut(kv, "="); ok {
			if m := endpointElsewhere(n, v); m != "" {
				moved = m
			} else if isClient && serviceLessBaseURL(n) && endpointElsewhere(prefix+"BASE_URL", v) != "" {
				moved = kv // sgpt reads API_BASE_URL as OpenAI's
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

// dotenvEndpoint returns NAME=VALUE (and the file) for a service's
// base-URL variable set to another host in a dotenv file the line wrote
// (.env, .env.local, .env.test…): the app, its tests and the SDKs read
// that file at start (dotenv, Vite, Next.js, Rails, pydantic-settings),
// and the client sends the key there. A template (.env.example) is read
// by nobody.
func (a *analysis) dotenvEndpoint() string {
	found := ""
	for name, text := range a.res.Files {
		b := path.Base(name)
		if b != ".env" && !strings.HasPrefix(b, ".env.") || dotenvTemplate(b) {
			continue
		}
		for _, l := range strings.Split(text, "\n") {
			l = strings.TrimPrefix(strings.TrimSpace(l), "export ")
			n, v, ok := strings.Cut(l, "=")
			if !ok {
				continue
			}
			if m := endpointElsewhere(strings.TrimSpace(n), strings.TrimSpace(v)); m != "" && (found == "" || m+" in "+name < found) {
				found = m + " in " + name // the least, so the word is the same on every run
			}
		}
	}
	return found
}

// dotenvTemplate reports a dotenv file's name that is a template or a
// sample, which no program loads.
func dotenvTemplate(base string) bool {
	for _, s := range [...]string{"example", "sample", "template", "dist", "defaults"} {
		if strings.Contains(base, s) {
			return true
		}
	}
	return false
}

// codeBaseURLElsewhere returns the base URL inline code gives a service's
// own client library (OpenAI(base_url='…'), new OpenAI({baseURL: '…'}),
// anthropic.Anthropic(base_url=…)) when it is another host than the
// service's and not loopback: the client sends the service's key from the
// environment there. A key given as a literal (api_key='ollama') is no
// secret of the environment, and leaves the code alone.
func codeBaseURLElsewhere(code string) string {
	if !strings.Contains(code, "base") && !strings.Contains(code, "azure_endpoint") {
		return "" // no base_url, baseURL, baseUrl, api_base or azure_endpoint: no need to look for a service's SDK
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
	flat := strings.ReplaceAll(code, " ", "")
	for _, lit := range [...]string{"api_key='", `api_key="`, "apiKey:'", `apiKey:"`} {
		if strings.Contains(flat, lit) {
			return "" // a literal key, not the environment's
		}
	}
	// every place the code gives the client a base URL (base_url=…,
	// baseURL: …, openai.api_base = …, azure_endpoint=…), as a literal or
	// as a name the code bound to one (u = '…'; OpenAI(base_url=u))
	for _, key := range [...]string{"base_url", "baseURL", "baseUrl", "api_base", "azure_endpoint"} {
		for at := 0; ; {
			k := strings.Index(code[at:], key)
			if k < 0 {
				break
			}
			k += at
			at = k + len(key)
			if k > 0 && isIdentByte(code[k-1]) && code[k-1] != '.' && code[k-1] != '_' || at < len(code) && isIdentByte(code[at]) {
				continue
			}
			for _, u := range codeValueURLs(code, code[at:]) {
				host := urlHost(u)
				if host == "" || loopback(host) || strings.ContainsAny(host, "$`{") || ownHost(host, home) {
					continue
				}
				return u
			}
		}
	}
	return ""
}

// codeValueURLs returns the URL literals a value in code stands for:
// rest follows a key; after its "=" or ":" comes a quoted literal, or a
// conditional choosing among literals ('a' if x else 'b'), or a name the
// code assigns a literal to (u = '…').
func codeValueURLs(code, rest string) []string {
	rest = strings.TrimLeft(rest, " \t")
	if !strings.HasPrefix(rest, "=") && !strings.HasPrefix(rest, ":") || strings.HasPrefix(rest, "==") {
		return nil
	}
	rest = strings.TrimLeft(rest[1:], " \t")
	if rest == "" {
		return nil
	}
	if rest[0] != '\'' && rest[0] != '"' && rest[0] != '`' {
		n := 0
		for n < len(rest) && isIdentByte(rest[n]) {
			n++
		}
		if n == 0 {
			return nil
		}
		return codeNameURLs(code, rest[:n])
	}
	// the value up to the end of its argument: each literal in it
	end := strings.IndexAny(rest, ",)}\n;")
	if end < 0 {
		end = len(rest)
	}
	var out []string
	for _, lit := range shell.QuotedLiterals(rest[:end]) {
		if strings.Contains(lit, "://") {
			out = append(out, lit)
		}
	}
	return out
}

// codeNameURLs returns the URL literals code assigns to name (u = '…').
func codeNameURLs(code, name string) []string {
	var out []string
	values, _ := shell.AssignedValues(code, name)
	for _, v := range values {
		if v != "" && (v[0] == '\'' || v[0] == '"' || v[0] == '`') {
			if e := strings.IndexByte(v[1:], v[0]); e >= 0 && strings.Contains(v[1:1+e], "://") {
				out = append(out, v[1:1+e])
			}
		}
	}
	return out
}

// codeEnvEndpoint returns NAME=VALUE for code that sets a service's
// base-URL variable in its own environment (os.environ['OPENAI_BASE_URL']
// = '…', process.env.OPENAI_BASE_URL = '…') to another host: the client
// it then makes reads it.
func codeEnvEndpoint(code string) string {
	for _, mark := range [...]string{"environ[", "process.env.", "ENV[", "putenv(", "setenv("} {
		for at := 0; ; {
			k := strings.Index(code[at:], mark)
			if k < 0 {
				break
			}
			at = k + at + len(mark)
			rest := strings.TrimLeft(code[at:], "'\" ")
			n := 0
			for n < len(rest) && isIdentByte(rest[n]) {
				n++
			}
			name := rest[:n]
			if name == "" {
				continue
			}
			val := strings.TrimLeft(rest[n:], "'\"] \t")
			if strings.HasPrefix(val, "=") && !strings.HasPrefix(val, "==") || strings.HasPrefix(val, ",") {
				val = strings.TrimLeft(val[1:], " \t")
			} else {
				continue
			}
			if val == "" || val[0] != '\'' && val[0] != '"' && val[0] != '`' {
				continue // a value computed in the code, not read here
			}
			lits := shell.QuotedLiterals(val[:min(len(val), 300)])
			if len(lits) == 0 {
				continue
			}
			if m := endpointElsewhere(name, lits[0]); m != "" {
				return m
			}
		}
	}
	return ""
}

// codeKeyToBaseURL adds flow:credential->network for inline code that
// points a service's client at another host (codeBaseURLElsewhere).
func (a *analysis) codeKeyToBaseURL(i int, c *shell.Command, code string) {
	if m := codeEnvEndpoint(code); m != "" {
		a.add(Effect{Kind: Flow, Cmd: i, Detail: "credential->network", Word: c.Name + " code sets " + m + ": its service's client sends the key there"})
		return
	}
	if u := codeBaseURLElsewhere(code); u != "" {
		a.add(Effect{Kind: Flow, Cmd: i, Detail: "credential->network", Word: c.Name + " code points its service's client at " + u + ": the key from the environment goes there"})
	}
}
