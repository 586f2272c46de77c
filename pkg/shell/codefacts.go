package shell

import (
	"strings"

	"rampart.dev/pkg/internal/substrs"
	"rampart.dev/pkg/internal/table"
)

// Opaque is set on CodeFacts when a call that runs or deletes something was
// found with arguments the scanner could not read (os.system(cmd), rmtree(p)
// with a computed p): the code does something nobody can see.

// None reports whether c holds no fact at all: the code of a command that
// runs none, or whose code the scans found nothing in
// (TestCodeFactsNoneSeesEveryField holds it to every field).
func (c *CodeFacts) None() bool {
	return !c.Network && !c.Environ && !c.EnvironValues && !c.EnvironShown && !c.SecretShown && !c.Shell &&
		!c.Listen && !c.ListenAll && !c.Fork && !c.Secrets && len(c.SecretVars) == 0 && !c.Dynamic &&
		!c.DecodedRun && len(c.Opaque) == 0 && len(c.EnvFiles) == 0 && !c.Capture && !c.AsksSecret &&
		!c.PersonalRead && !c.SendsMessage && !c.PageCode && !c.PageStorage && c.Browser == 0 &&
		!c.Types && c.LoginItem == 0
}

// or merges two sets of facts.
func (c CodeFacts) or(d CodeFacts) CodeFacts {
	c.SecretVars = mergeSecretVars(c, d) // before Secrets is merged
	c.Network = c.Network || d.Network
	c.Environ = c.Environ || d.Environ
	c.EnvironValues = c.EnvironValues || d.EnvironValues
	c.EnvironShown = c.EnvironShown || d.EnvironShown
	c.SecretShown = c.SecretShown || d.SecretShown
	c.Shell = c.Shell || d.Shell
	c.Listen = c.Listen || d.Listen
	c.ListenAll = c.ListenAll || d.ListenAll
	c.Fork = c.Fork || d.Fork
	c.Secrets = c.Secrets || d.Secrets
	c.Dynamic = c.Dynamic || d.Dynamic
	c.DecodedRun = c.DecodedRun || d.DecodedRun
	c.Opaque = append(c.Opaque, d.Opaque...)
	c.EnvFiles = append(c.EnvFiles, d.EnvFiles...)
	c.Capture = c.Capture || d.Capture
	c.AsksSecret = c.AsksSecret || d.AsksSecret
	c.PersonalRead = c.PersonalRead || d.PersonalRead
	c.SendsMessage = c.SendsMessage || d.SendsMessage
	c.PageCode = c.PageCode || d.PageCode
	c.PageStorage = c.PageStorage || d.PageStorage
	if c.Browser == 0 {
		c.Browser = d.Browser
	}
	c.Types = c.Types || d.Types
	c.LoginItem = max(c.LoginItem, d.LoginItem)
	return c
}

// Any reports whether any fact was found.
func (c CodeFacts) Any() bool {
	return c.Network || c.Environ || c.Shell || c.Listen || c.Dynamic || len(c.Opaque) > 0 || len(c.EnvFiles) > 0
}

// codeMarker is one language's spellings (see codeMarkers).
type codeMarker struct {
	network, environ, shell, listen, dynamic []string
	sets                                     *markerSets // the same lists, made ready by codeMarkers
}

// markerSets are a codeMarker's lists as sets (substrs.Set), which
// codeFacts asks of one summary of the code.
type markerSets struct {
	network, environ, shell, listen, dynamic *substrs.Set
}

// withSets returns m with its sets made.
func (m codeMarker) withSets() codeMarker {
	m.sets = &markerSets{network: substrs.NewSet(m.network), environ: substrs.NewSet(m.environ),
		shell: substrs.NewSet(m.shell), listen: substrs.NewSet(m.listen), dynamic: substrs.NewSet(m.dynamic)}
	return m
}

// codeMarkers are, per language, the spellings of what code does beyond
// the commands it runs: the standard libraries' network clients, whole-
// environment reads, descriptor hand-offs to a process, listeners, and
// code built at run time (eval of something computed).
var codeMarkers = table.Once[map[string]codeMarker]{Build: func() map[string]codeMarker {
	ms := map[string]codeMarker{
		"python": {
			network: []string{"socket", "urllib", "urlopen", "requests", "http.client", "from http", "httpx", "aiohttp", "ftplib", "smtplib", "telnetlib", "paramiko", "xmlrpc", "websocket", "dns.resolver", "gethostbyname", "imaplib", "poplib", "open_connection", "webbrowser", "pycurl", "urllib3", "boto3", "ssl.wrap",
				// services' SDKs, whose calls send what they are given to
				// the service (a run's config, an event's message)
				"import wandb", "wandb.", "sentry_sdk", "mlflow.", "huggingface_hub", "slack_sdk", "import openai", "from openai", "openai.", "anthropic.", "posthog", "mixpanel", "comet_ml", "neptune.", "google.cloud", "azure.storage", "twilio.rest", "sendgrid", "stripe.",
				// code hosts' and clouds' SDKs, whose calls file what they
				// are given (an issue's body, a blob) with the service
				"from github import", "import github", "import gitlab", "azure.", "hvac", "datadog_api_client", "opensearchpy", "clickhouse_connect", "from supabase", "slack_bolt",
				// loaders that fetch what they are given: torch.hub's
				// repositories and weights (imported bare too), Keras's
				// get_file, pandas' readers of a URL
				"torch.hub.", "from torch.hub import", "load_state_dict_from_url", "utils.get_file(", "read_pickle('http", "read_pickle(\"http"},
			environ: []string{"os.environ)", "os.environ.items", "os.environ.copy", "os.environ.keys", "os.environ.values", "dict(os.environ", "str(os.environ", "os.environ}", "os.environ,", "environ)", "os.environb", "import environ", "environ as", "repr(os.environ", "json.dumps(os.environ", "/proc/self/environ", "/proc/1/environ"},
			shell:   []string{"dup2", "pty.spawn", "pty.fork", "/bin/sh", "/bin/bash", "'sh'", "\"sh\"", "'bash'", "\"bash\"", "-i'", "-i\"", "stdin=s", "stdout=s", "fileno()"},
			listen: []string{".bind(", ".listen(", "http.server", "SimpleHTTPServer", "serve_forever", "socketserver",
				// web frameworks' and UI toolkits' servers started from code:
				// app.run(host=…), uvicorn.run(…), gradio's and panel's launch
				"app.run(", "uvicorn.run(", "run_simple(", ".launch(", "web.run_app(", "waitress.serve(", "socketio.run("},
			dynamic: []string{"exec(", "eval(", "compile(", "__import__(", "importlib", "marshal.loads", "pickle.loads", "getattr("},
		},
		"node": {
			network: []string{"require('net')", "require(\"net\")", "require('http", "require(\"http", "require('https", "require(\"https", "require('dgram", "require('tls", "require(\"tls", "require(`", "dgram", "undici", "node-fetch", "got(", "superagent", "XMLHttpRequest", "net.createConnection", "net.connect", "net.Socket", "createConnection", "fetch(", "axios", "http.request", "https.request", "http.get", "https.get", "WebSocket", "dns.resolve", "dns.lookup", "node:net", "node:http", "node:https", "node:dns",
				// the resolver and sockets required or imported by their
				// bare names (require('dns').resolve(...), import net from
				// 'net'), and Deno's and Bun's own connections
				"require('dns", "require(\"dns", "from 'dns", "from \"dns", "from 'net'", "from \"net\"", "from 'http'", "from \"http\"", "from 'https'", "from \"https\"", "from 'dgram'", "from \"dgram\"", "from 'tls'", "from \"tls\"",
				"Deno.connect", "Deno.resolveDns", "Bun.connect", "Bun.udpSocket",
				// services' SDKs, whose calls send what they are given to
				// the service (an event's message, a completion's prompt)
				"@sentry/", "posthog-node", "mixpanel", "@slack/", "require('openai", "require(\"openai", "from 'openai", "from \"openai", "@anthropic-ai/", "require('twilio", "require(\"twilio", "@sendgrid/", "require('stripe", "require(\"stripe", "@google-cloud/", "@aws-sdk/", "aws-sdk", "@datadog/", "@octokit/", "@supabase/", "@azure/", "@gitbeaker/"},
			environ: []string{"process.env)", "process.env,", "process.env}", "process.env;", "process.env\n", "...process.env", "Object.keys(process.env", "Object.entries(process.env", "JSON.stringify(process.env", "{env}", "{ env }", "process['env']", "process[\"env\"]", "/proc/self/environ", "/proc/1/environ",
				// Deno's and Bun's own spellings of the environment
				"Deno.env.toObject()", "Bun.env)", "Bun.env,", "Bun.env}", "Bun.env;", "...Bun.env", "Object.entries(Bun.env", "JSON.stringify(Bun.env"},
			shell:   []string{".pipe(sh", ".pipe(p.stdin", "stdio:", "'/bin/sh'", "\"/bin/sh\"", "'sh'", "\"sh\"", "'bash'", "\"bash\"", "spawn('cmd", "pipe(client", ".pipe(c"},
			listen:  []string{"createServer", ".listen(", "Bun.serve", "Bun.listen", "Deno.serve", "Deno.listen"},
			dynamic: []string{"eval(", "(eval)", ",eval)", "Function(", "new Function", "vm.run", "runInNewContext", "require(process", "require(Buffer", "require(atob"},
		},
		"perl": {
			network: []string{"IO::Socket", "Socket", "LWP", "HTTP::Tiny", "Net::", "socket(", "getprotobyname", "Mojo::UserAgent", "Furl", "WWW::"},
			environ: []string{"%ENV", "keys %ENV", "each %ENV", "/proc/self/environ", "/proc/1/environ"},
			shell:   []string{"open(STDIN", "open(STDOUT", "open STDIN", "open STDOUT", "STDIN->fdopen", "STDOUT->fdopen", "/bin/sh", "/bin/bash", "-i\""},
			listen:  []string{"Listen", "LocalPort", "bind(", "listen("},
			dynamic: []string{"eval ", "eval(", "eval{"},
		},
		"ruby": {
			network: []string{"TCPSocket", "UDPSocket", "Socket", "Net::HTTP", "open-uri", "URI.open", "URI.parse", "Resolv", "Faraday", "HTTParty", "RestClient", "Net::SMTP", "net/smtp", "net/http", "Net::FTP"},
			environ: []string{"ENV.to_", "ENV.each", "ENV.map", "ENV.inspect", "ENV.keys", "ENV.select", "ENV.filter", "ENV.dup", "ENV)", "p ENV", "puts ENV", "print ENV", "Hash[ENV]", "ENV.to_h", "ENV.sort", "ENV.reduce", "ENV.collect", "/proc/self/environ", "/proc/1/environ"},
			shell:   []string{".reopen(", "/bin/sh", "/bin/bash", "IO.popen", "exec sprintf", "-i\"", ":in=>", ":out=>", "in: ", "out: "},
			listen:  []string{"TCPServer", "WEBrick", ".listen"},
			dynamic: []string{"eval(", "eval ", "instance_eval", "class_eval", "send(", "public_send"},
		},
		"php": {
			network: []string{"fsockopen", "socket_create", "socket_connect", "curl_init", "stream_socket_client", "file_get_contents('http", "file_get_contents(\"http", "fopen('http", "fopen(\"http", "dns_get_record", "gethostbyname", "mail(", "ftp://", "http://", "https://", "ftp_connect"},
			environ: []string{"getenv()", "$_ENV", "$_SERVER", "getenv(),", "phpinfo(", "/proc/self/environ", "/proc/1/environ"},
			shell:   []string{"/bin/sh", "/bin/bash", "-i <&", "proc_open", "array(0=>$", "descriptorspec"},
			listen:  []string{"socket_listen", "stream_socket_server", "-S "},
			dynamic: []string{"eval(", "assert(", "create_function", "call_user_func", "$$"},
		},
		"r": {
			network: []string{"download.file", "url(", "httr", "curl::", "curl_fetch", "RCurl", "socketConnection", "make.socket", "POST(", "GET(", "req_perform"},
			environ: []string{"Sys.getenv()", "print(Sys.getenv", "as.list(Sys.getenv"},
			shell:   []string{"pipe(", "fifo("},
			listen:  []string{"startServer", "httpuv", "server = TRUE", "server=TRUE", "plumb("},
			dynamic: []string{"eval(parse(", "eval(str2lang", "eval(str2expression", "source(", "do.call("},
		},
		"lua": {
			network: []string{"socket", "http.request", "luasocket"},
			environ: []string{"os.getenv()"},
			shell:   []string{"io.popen", "os.execute"},
			// a global reached by a computed name (_G[x], os[x]) or a
			// function's environment is code nobody can read here
			dynamic: []string{"loadstring(", "load(", "_G[", "_ENV[", "os[", "io[", "rawget(", "getfenv(", "setfenv("},
		},
		"awk": {
			network: []string{"/inet/", "/inet4/", "/inet6/"},
			environ: []string{"ENVIRON"},
			shell:   []string{"|& getline", "|&"},
		},
	}
	for lang, l := range sourceLangs.Get() {
		ms[lang] = l.marker // sourcelangs.go
	}
	for lang, m := range ms {
		ms[lang] = m.withSets()
	}
	return ms
}}

// fdShell matches a shell given a numbered descriptor past the standard
// three as its input (sh <&3 >&3 2>&3, bash -i 0<&5, sh <&12), or one the
// code fills in (sh <&%d, sh -i <&#{c.to_i}, f"sh <&{fd}", sh <&$fd):
// in code that opens a connection, the descriptor is the connection,
// whatever the language.
var fdShell = table.Regexp{Expr: `\b(sh|bash|zsh|dash|ksh|mksh|ash|yash|fish|csh|tcsh)\b[^;|&'"]*?0?<&\s*([3-9]|[1-9][0-9]+|%d|#?\{|\$)`}

// killAll matches signalling every process: kill(-1, …) in any language.
var killAll = table.Regexp{Expr: `(?i)kill[a-z]*\s*\(\s*-1\s*[,)]|kill\s+['"]?(KILL|9|TERM)['"]?\s*,\s*-1\b`}

// mayKillAll is false only for code killAll cannot match, found without
// the regular expression: code without "kill" in any case of ASCII and
// with nothing past ASCII (where the expression's case folding reaches
// further, K for k).
func mayKillAll(code string) bool {
	for i := 0; i < len(code); i++ {
		if code[i] >= 0x80 || code[i]|0x20 == 'k' && i+4 <= len(code) && strings.EqualFold(code[i:i+4], "kill") {
			return true
		}
	}
	return false
}

// mayReadSecretVar is false only for code secretVarInCode cannot match:
// each of its ways in holds one of these.
func mayReadSecretVar(code string) bool {
	return strings.Contains(code, "environ") || strings.Contains(code, "getenv(") || strings.Contains(code, "Getenv(") ||
		strings.Contains(code, "GetEnvironmentVariable(") || strings.Contains(code, "env::var(") || strings.Contains(code, "getEnv(") ||
		strings.Contains(code, "process.env") || strings.Contains(code, "ENV") ||
		strings.Contains(code, "Deno.env") || strings.Contains(code, "Bun.env")
}

// ReadsSecretVar reports whether code reads a secret environment variable
// (os.environ['PINECONE_API_KEY'], process.env.QDRANT_API_KEY): a client
// it builds with one logs in to a service that is not this machine.
func ReadsSecretVar(code string) bool {
	return mayReadSecretVar(code) && secretVarInCode.Get().MatchString(code)
}

// secretVarInCode matches code reading a secret environment variable
// (os.environ['AWS_SECRET_ACCESS_KEY'], process.env.GITHUB_TOKEN), or the
// ssh agent's socket, whose connection signs as the user
// (os.environ['SSH_AUTH_SOCK']).
var secretVarInCode = table.Regexp{Expr: `(Getenv\(|GetEnvironmentVariable\(|env::var\(|environment\[|getEnv\(|environ\[|environ\.get\(|getenv\(|process\.env\.|process\.env\[|ENV\[|ENV\.fetch\(|\$ENV\{|ENVIRON\[|\$_ENV\[|\$_SERVER\[|Deno\.env\.get\(|Bun\.env\.|Bun\.env\[)['"]?[A-Z0-9_]*(TOKEN|SECRET|PASSWORD|PASSWD|API_KEY|APIKEY|ACCESS_KEY|PRIVATE_KEY|CREDENTIAL|DATABASE_URL|AUTH_SOCK|MNEMONIC|SEED_PHRASE|WALLET_SEED|RECOVERY_PHRASE)`}

// credentialFragments are pieces of credential file paths that code may
// assemble rather than spell whole, and the libraries and calls that read
// a browser's saved logins and cookies or the system's keyring for it
// (browser_cookie3, keyring.get_password, keytar, CryptUnprotectData;
// credstores.go).
var credentialFragments = []string{"'.ssh'", "\".ssh\"", ".ssh/", "id_rsa", "id_ed25519", "'.aws'", "\".aws\"", ".aws/",
	".kube/config", "'.kube'", ".netrc", ".git-credentials", ".docker/config", ".gnupg", ".config/gcloud",
	"'gcloud'", ".azure", ".npmrc", ".pypirc", "/etc/shadow", ".vault-token", ".password-store",
	"browser_cookie3", "pycookiecheat", "rookiepy", "browsercookie", "chrome-cookies-secure", "keyring.get_password",
	"keyring.get_credential", "secretstorage", "keytar", "CryptUnprotectData", "Login Data", "logins.json", "key4.db",
	// the agents' sockets (ssh-agent's, gpg-agent's, 1Password's)
	"S.gpg-agent", ".1password/agent.sock"}

// captureCalls are the library calls that record the screen, the
// microphone or a camera, in the languages agents write one-liners in:
// what they record shows whatever was on screen or said.
var captureCalls = []string{"ImageGrab.grab", "pyautogui.screenshot", "pyscreenshot", "mss.mss", "mss()", "sounddevice.rec",
	"sd.rec(", "pyaudio.PyAudio", "cv2.VideoCapture(", "screenshot-desktop", "node-screenshots", "desktopCapturer",
	"getDisplayMedia", "createScreenCapture", "CGDisplayCreateImage", "CGWindowListCreateImage", "Win32::Screenshot"}

// treeWalks pair the calls that walk a directory tree with the calls that
// delete what they find: together, a recursive delete the scanner cannot
// name.
var treeWalks = []struct{ walk, remove []string }{
	{[]string{"rglob(", "os.walk(", "glob.glob(", "iterdir(", "scandir("}, []string{".unlink(", "os.remove(", "os.unlink(", "rmtree("}},
	{[]string{"readdirSync", "readdir(", "globSync", "walk("}, []string{"unlinkSync", "rmSync", "unlink(", "rmdirSync"}},
	{[]string{"Dir.glob", "Find.find", "Dir[", "each_child"}, []string{"File.delete", "FileUtils.rm", "File.unlink"}},
	{[]string{"File::Find", "find(", "glob("}, []string{"unlink", "rmtree"}},
}

// credentialFragmentSet, captureCallSet, everyAddressSet and
// treeWalkSets are those lists made ready for codeFacts (substrs.Set).
var (
	credentialFragmentSet = table.Once[*substrs.Set]{Build: func() *substrs.Set { return substrs.NewSet(credentialFragments) }}
	captureCallSet        = table.Once[*substrs.Set]{Build: func() *substrs.Set { return substrs.NewSet(captureCalls) }}
	everyAddressSet       = table.Once[*substrs.Set]{Build: func() *substrs.Set { return substrs.NewSet(everyAddress) }}
)

// treeWalkSet is the walking calls of every language (treeWalkNames).
var treeWalkSet = table.Once[*substrs.Set]{Build: func() *substrs.Set { return substrs.NewSet(treeWalkNames.Get()) }}

// treeWalkDelete is the opaque reason of a delete over a tree the code walks.
const treeWalkDelete = "a delete over a tree it walks"

// treeWalkNames are the walking calls of every language (treeWalks).
var treeWalkNames = table.Once[[]string]{Build: func() []string {
	var out []string
	for _, w := range treeWalks {
		out = append(out, w.walk...)
	}
	return out
}}

// everyAddress are the spellings, in code, of every address of the machine
// as a listener's host: the quoted any-addresses of IPv4 and IPv6, one with
// a port or a scheme (tcp://0.0.0.0:9000), and the C constant the socket
// libraries export.
var everyAddress = []string{`"0.0.0.0"`, `'0.0.0.0'`, `"0.0.0.0:`, `'0.0.0.0:`, `"::"`, `'::'`, `"[::]`, `'[::]`, "tcp://0.0.0.0:", "tcp://[::]:", "INADDR_ANY"}

// codeFacts scans code for the markers of its language.
func codeFacts(lang, code string) CodeFacts {
	m, ok := codeMarkers.Get()[lang]
	if !ok {
		f := CodeFacts{AsksSecret: asksSecret(lang, code)}
		if lang == "applescript" {
			a := appleApps(code) // appleapps.go
			f.PersonalRead, f.SendsMessage, f.PageCode, f.PageStorage, f.Browser = a.Personal, a.Sends, a.PageCode, a.Storage, browserIndex(a.Browser)
			f.Types, f.LoginItem, f.Capture = a.Types, a.LoginItem, a.Clipboard
		}
		return f
	}
	var f CodeFacts
	text := substrs.NewText(code)     // one summary for the lists below
	mayRead := mayReadSecretVar(code) // asked four times below: one scan
	f.AsksSecret = asksSecret(lang, code)
	f.Network = m.sets.network.In(&text)
	f.Environ = m.sets.environ.In(&text) || strings.HasSuffix(strings.TrimSpace(code), "os.environ") ||
		strings.HasSuffix(strings.TrimSpace(code), "process.env")
	if f.Environ || mayRead || strings.Contains(code, "ENV") {
		environFacts(lang, code, m, &f) // codeenviron.go
		f.Environ = f.Environ || f.EnvironValues
	}
	f.Shell = m.sets.shell.In(&text) || strings.Contains(code, "<&") && fdShell.Get().MatchString(code)
	if lang == "awk" && f.Shell && f.Network {
		f.Shell = awkRunsProcess(code) // |& on an /inet file only (awkcoprocess.go)
	}
	f.Listen = m.sets.listen.In(&text)
	f.ListenAll = f.Listen && everyAddressSet.Get().In(&text)
	if lang == "python" {
		f.Dynamic = anyCall(code, m.dynamic) // not re.compile(
	} else {
		f.Dynamic = m.sets.dynamic.In(&text) // obj.send(, vm.runInNewContext
	}
	if f.Network && !f.Dynamic && runsFileItNames(lang, code) {
		f.Dynamic = true // getstore(URL, "f"); do "f" (coderunsfile.go)
	}
	if f.Network && !f.Dynamic && lang == "python" && unpickles(code) {
		f.Dynamic = true // pickle.loads(urlopen(URL).read()) (unpickle.go)
	}
	f.Fork = strings.Contains(code, "fork") && anyIn(code, []string{"while", "loop", "for(;;)", "for (;;)", "until"}) ||
		mayKillAll(code) && killAll.Get().MatchString(code)
	varSecrets := mayRead && secretVarInCode.Get().MatchString(code)
	fileSecrets := credentialFragmentSet.Get().In(&text) || usesCredentialLibrary(code)
	f.Secrets = varSecrets || fileSecrets
	if varSecrets && !fileSecrets {
		f.SecretVars = secretVarNames(code) // codesecretvars.go
	}
	if f.Secrets && !f.Network {
		f.SecretShown = secretPrinted(lang, code)
	}
	if mayRead {
		f.EnvFiles = envFilesRead(code) // codeenvfiles.go
	}
	f.Capture = captureCallSet.Get().In(&text) || readsClipboard(code) // codeclipboard.go
	if treeWalkSet.Get().In(&text) {                                   // a walking call of some language
		for _, w := range treeWalks {
			if anyIn(code, w.walk) && anyIn(code, w.remove) {
				f.Opaque = append(f.Opaque, treeWalkDelete)
				break
			}
		}
	}
	return f
}

// anyIn reports whether s holds one of subs.
func anyIn(s string, subs []string) bool { return substrs.Any(s, subs) }

// anyCall reports whether Python code calls one of the named builtins: a marker
// that starts with a letter ("compile(", "eval(") counts where it is not
// the tail of a longer name or a method of some other object
// (re.compile(, myeval(), but counts through the objects that hold the
// builtins (builtins.eval(, globalThis.eval(). Other markers count
// wherever they appear.
func anyCall(code string, markers []string) bool {
	for _, x := range markers {
		if x == "" || !isIdent(x[0]) {
			if strings.Contains(code, x) {
				return true
			}
			continue
		}
		for i := 0; ; {
			k := strings.Index(code[i:], x)
			if k < 0 {
				break
			}
			at := i + k
			if builtinAt(code, at) {
				return true
			}
			i = at + 1
		}
	}
	return false
}

// builtinAt reports whether the name at code[at:] is a builtin's: not
// preceded by a name's byte, nor by a '.' after an object other than
// those that hold the builtins.
func builtinAt(code string, at int) bool {
	if at == 0 {
		return true
	}
	if c := code[at-1]; isIdent(c) {
		return false
	} else if c != '.' {
		return true
	}
	j := at - 1
	for j > 0 && isIdent(code[j-1]) {
		j--
	}
	switch code[j : at-1] {
	case "builtins", "__builtins__", "globalThis", "window", "global", "self", "Kernel", "CORE", "":
		return true
	}
	return false
}

// codeDynamic reports whether the code an interpreter is given holds a word
// the walk could not resolve ("python3 -c "$CODE"").
func codeDynamic(lang string, words []string, dyn []bool) bool {
	if dyn == nil {
		return false
	}
	_, code, ok := interpCode(words)
	if !ok {
		return false
	}
	for i, d := range dyn {
		if d && i > 0 && strings.Contains(code, words[i]) {
			return true
		}
	}
	return false
}
