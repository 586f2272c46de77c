package engine

import (
	"rampart.dev/pkg/secret"
	"sort"
	"strconv"
	"strings"
	"sync"
	"unicode"

	"rampart.dev/pkg/call"
	"rampart.dev/pkg/catalog"
	"rampart.dev/pkg/effect"
	"rampart.dev/pkg/internal/table"
	"rampart.dev/pkg/match"
	"rampart.dev/pkg/shell"
)

// Argument names that carry a command, a path, a URL or SQL, and verbs in
// MCP tool names that say whether a path argument is read or written, are
// sets written as switches: nothing to build when a process starts.

// isCommandKey: an argument name that carries a command.
func isCommandKey(k string) bool {
	switch k {
	case "command", "cmd", "script", "shell", "commandline", "command_line", "bash", "exec", "run",
		"cmdline", "shell_command":
		return true
	}
	return false
}

// isTerminalKey: an argument name that carries keys typed into a terminal.
func isTerminalKey(k string) bool {
	switch k {
	case "keys", "text", "input", "data", "chars", "line", "lines":
		return true
	}
	return false
}

// isCodeKey: an argument name that carries code.
func isCodeKey(k string) bool {
	switch k {
	case "code", "expression", "source_code", "python", "javascript", "js", "snippet", "function", "cell", "sourcecode":
		return true
	}
	return false
}

// isPathKey: an argument name that carries a path (not "name").
func isPathKey(k string) bool {
	switch k {
	case "path", "paths", "file", "files", "filename", "file_path", "filepath", "source",
		"destination", "src", "dst", "dest", "target", "directory", "dir", "folder", "cwd",
		"target_file", "location", "from", "to_path", "resource", "attachments", "attachment",
		"old_path", "new_path", "source_path", "destination_path":
		return true
	}
	return false
}

// isURLKey: an argument name that carries a URL.
func isURLKey(k string) bool {
	switch k {
	case "url", "uri", "href", "endpoint", "link":
		return true
	}
	return false
}

// isSQLKey: an argument name that carries SQL.
func isSQLKey(k string) bool {
	switch k {
	case "sql", "query", "statement", "stmt", "q", "statements", "queries":
		return true
	}
	return false
}

// isWriteVerb: a word of a tool name that writes its path argument.
func isWriteVerb(k string) bool {
	switch k {
	case "write", "create", "edit", "move", "delete", "remove", "rename", "update", "put", "append",
		"upload", "save", "mkdir", "set", "patch", "insert", "copy", "replace", "overwrite", "destroy",
		"drop", "purge", "wipe", "truncate", "modify", "chmod", "unlink", "rm":
		return true
	}
	return false
}

// isReadVerb: a word of a tool name that reads its path argument.
func isReadVerb(k string) bool {
	switch k {
	case "read", "get", "list", "search", "find", "view", "show", "cat", "head", "tail", "stat",
		"info", "fetch", "download", "open", "query", "describe", "grep", "tree", "ls":
		return true
	}
	return false
}

// ToolWords splits an MCP tool name into lower-case words:
// "write_file" → [write file], "deleteNote" → [delete note]. The slice is
// shared: callers must not change it (appending to it copies it).
func ToolWords(name string) []string {
	toolWordsMu.RLock()
	words, ok := toolWordsCache[name]
	toolWordsMu.RUnlock()
	if ok {
		return words
	}
	words = splitToolWords(name)
	words = words[:len(words):len(words)]
	toolWordsMu.Lock()
	if len(toolWordsCache) >= maxToolWords {
		clear(toolWordsCache)
	}
	toolWordsCache[name] = words
	toolWordsMu.Unlock()
	return words
}

// A session calls a handful of tools, each judged by several rules that
// read its words: they are split once per name. maxToolWords bounds the
// cache against a client inventing names.
const maxToolWords = 1024

var (
	toolWordsMu    sync.RWMutex
	toolWordsCache = map[string][]string{}
)

func splitToolWords(name string) []string {
	var words []string
	var cur []rune
	flush := func() {
		if len(cur) > 0 {
			words = append(words, strings.ToLower(string(cur)))
			cur = cur[:0]
		}
	}
	rs := []rune(name)
	for i, r := range rs {
		switch {
		case !unicode.IsLetter(r) && !unicode.IsDigit(r):
			flush()
		case unicode.IsUpper(r) && i > 0 && (unicode.IsLower(rs[i-1]) || i+1 < len(rs) && unicode.IsLower(rs[i+1])):
			flush()
			cur = append(cur, r)
		default:
			cur = append(cur, r)
		}
	}
	flush()
	return words
}

// pathVerb says how an MCP tool treats its path arguments. A tool that
// only lists (list_directory, directory_tree) shows names, as ls does,
// and one that gets a file's metadata (get_file_info) shows what ls -l
// does: neither reads a file's contents.
func pathVerb(tool string) (read, write bool) {
	lists := false
	words := ToolWords(tool)
	meta := metadataOnly(words)
	for _, w := range words {
		if isWriteVerb(w) {
			write = true
		}
		if sendsFile(w) {
			read = true // upload_file, send_email, attach: the local file leaves
		}
		if w == "list" || w == "ls" || w == "tree" || meta && (w == "get" || w == "stat" || w == "info") {
			lists = true // get_file_info, stat: a file's size, mode and dates, as ls -l shows
		} else if isReadVerb(w) {
			read = true
		}
	}
	lists = lists || meta
	if !read && !write && !lists {
		return true, true // unknown verb: judged by both
	}
	return read, write
}

// metadataWord reports a tool word that names a file's metadata rather
// than its content (get_file_info, stat_path, file_exists).
func metadataWord(w string) bool {
	switch w {
	case "info", "stat", "stats", "metadata", "exists", "attributes", "attrs", "mtime", "size":
		return true
	}
	return false
}

func (ev *evaluation) mcp() {
	c := &ev.c
	args, _ := c.Params["arguments"].(map[string]any)
	args = listsOfIndexes(args) // mcpsplitargs.go: {"0": "rm", "1": "-rf"} is a list
	ann, _ := c.Params["annotations"].(map[string]any)
	ev.mcpCall(c.Params.String("server"), c.Params.String("tool"), args, ann, true)
}

// mcpCall judges one tool call of a server: the call itself (primary), or
// one another call makes (a GraphQL mutation's field, graphqlcalls.go).
func (ev *evaluation) mcpCall(server, tool string, args, ann map[string]any, primary bool) {
	s := subject{tool: call.ToolMCP, primary: primary, text: server + "/" + tool, mcpTool: tool, args: args}
	if ann != nil {
		for k, v := range ann {
			if b, ok := v.(bool); ok && b {
				s.hints = append(s.hints, k)
			}
		}
		sort.Strings(s.hints)
	}
	ev.judge(&s)
	if ev.denied() {
		return
	}
	w := mcpWalk{ev: ev, tool: tool, server: server, args: args, disposable: mcpDisposable(server, tool, args, ev.c.Cwd, ev.e.env.Home)}
	w.setting = commandSetting(args)
	w.read, w.write = pathVerb(tool)
	w.read = w.read || asksContent(args) // mcpmetadata.go: get_info {include_content: true}
	sends, maybe := sendsOut(tool)
	// the server's name and a remote URL among the arguments are judged
	// apart from what the tool's name says
	w.outgoing = sends || maybe && !w.namesLocalFile(args) || outgoingTool(tool) || outgoingServer(w.server) || remoteURLIn(args, 0)
	if line := cliCommand(tool, w.server, args); line != "" {
		// shell/ipython.go: use_aws {service_name, operation_name}, helm_uninstall {name}
		ev.exec(line, false, call.ToolExec)
		if ev.denied() {
			return
		}
	}
	w.judgeInstall(args) // mcpinstalls.go: install_package {manager: apt, name: nmap}
	w.judgeGitURLs(args) // mcpgiturl.go: git_clone {url: "ext::sh -c …"}
	if ev.denied() {
		return
	}
	w.httpRequest(args) // mcprequest.go: {"method": "POST", "url": …, "body": …}
	if ev.denied() {
		return
	}
	w.argumentDestroys(args) // mcpargdestroy.go: force: true to main, dropTarget, retention.ms: 1
	w.emptyFilterWrite(args)
	w.judgeSecretRead(args) // mcpwrites.go: read_secret, kubectl_get {resourceType: secrets}
	if !ev.denied() {
		w.secretSearch(args) // secretsearch.go: grep {pattern: "BEGIN … PRIVATE KEY", path: ~}
	}
	if !ev.denied() {
		w.sharedChange(args) // mcpchanges.go: merge_pull_request, push_files {branch: main}
		w.chainNodes(args)   // mcpchainnodes.go: send_transaction {network: sepolia, rpcUrl: mainnet}
	}
	if !ev.denied() {
		w.verbKindEffect(args) // mcpverbs.go: teardown_project, empty_bucket, deactivate_users
		w.unseenImage(args)    // mcpverbs.go: run_container {image: someone/tool:latest}
		w.physicalAct(args)    // mcpphysical.go: call_service {domain: lock, service: unlock}
		w.opensTunnel()        // mcptunnels.go: create_tunnel, funnel
		w.scansTargets(args)   // mcpscans.go: nmap_scan {target: 10.0.0.0/8}
	}
	if line := w.soleCommand(args); line != "" {
		ev.exec(w.setting+line, false, call.ToolExec) // mcpobjects.go: bash {"line": ...}
		if ev.denied() {
			return
		}
	}
	for _, line := range append(remoteExecCommands(args), remoteExecNested(args, 0)...) { // remoteexecbodies.go: ad_hoc {module: shell, args: …}, lowstate lists
		ev.exec(line, false, call.ToolExec)
		if ev.denied() {
			return
		}
	}
	if line := scheduledCommandLine(args); line != "" { // remoteexecbodies.go: create_job {schedule, command}
		ev.exec(line, false, call.ToolExec)
		if ev.denied() {
			return
		}
	}
	w.value("", args, 0)
}

// mcpWalk judges an MCP call's arguments whole: nested objects and arrays,
// any key. A string is judged by what its key says it is (a command, a
// path, a URL, SQL, code) and by what it looks like (file:// URIs, URLs);
// an array of strings under a command key, or a program with its args, is
// one command; and when the tool sends content out (a gist, a message, an
// issue), a credential in any string is a credential leaving.
type mcpWalk struct {
	ev          *evaluation
	tool        string
	server      string
	args        map[string]any // the call's arguments (nil for a fetch body's walk)
	volumes     []string       // container volumes named in the arguments
	lang        string         // the language the arguments say their code is in
	read, write bool
	outgoing    bool
	disposable  bool   // the arguments point at a database kept for tests here (mcpdisposable.go)
	serverSeen  bool   // the server's own name was judged as a target (mcptargets.go)
	setting     string // the cd and exports its arguments give the commands it runs (mcpsetting.go)
	inWords     bool   // walking a known program's words, its command line already read (mcpargwords.go)
	named       bool   // the object being walked names its program under a key of its own ({"command": "rm", "args": […]})
}

// maxMCPDepth bounds the walk of nested arguments.
const maxMCPDepth = 32

func (w *mcpWalk) value(key string, v any, depth int) {
	ev := w.ev
	if depth > maxMCPDepth || ev.denied() {
		return
	}
	kind := w.keyKind(key)
	switch x := v.(type) {
	case map[string]any:
		keys := make([]string, 0, len(x))
		for k := range x {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		words := w.object(x, keys)
		// shell/ipython.go: {"command": {"dropDatabase": 1}}; an operator
		// anywhere ({"$out": "users"}), never a field ({"filter": {"drop": 1}})
		w.databaseCommands(x, kind == keySQL || kind == keyCommand)
		if kind == keyEnv {
			// {"env": {"LD_PRELOAD": "..."}}: the environment the command runs with.
			var pairs []string
			for _, k := range keys {
				if s, ok := x[k].(string); ok {
					pairs = append(pairs, k+"="+s)
				}
			}
			if len(pairs) > 0 {
				ev.exec("export "+quoteArgv(pairs), false, call.ToolExec)
			}
			if w.outgoing && !ev.denied() {
				// an environment sent out ({"extra": {"env": {...}}} to
				// an error tracker) carries its values with it
				for _, p := range pairs {
					w.leak(p)
				}
			}
			return
		}
		named := w.named
		w.named = false
		for _, k := range keys {
			if kk := w.keyKind(k); kk == keyCommand || kk == keyProgram {
				w.named = true
			}
		}
		for _, k := range keys {
			if words != "" && k == words {
				w.walkWords(k, x[k], depth+1) // mcpargwords.go
				continue
			}
			w.value(k, x[k], depth+1)
		}
		w.named = named
	case []any:
		argv, ok := strings_(x)
		if !ok && (kind == keyArgv || kind == keyArgs || kind == keyCommand) {
			argv, ok = wordList(x) // [["rm"], ["-rf"]], [{"0": "rm"}, …]: words all the same
		}
		if ok && len(argv) > 0 {
			switch {
			case kind == keyTerminal && len(argv) > 1:
				// {"keys": ["r", "m", " ", "-", "r", "f", "Enter"]}: keys
				// typed in turn spell one line, judged whole (and each
				// element as well, below); {"lines": [...]} are lines
				typed := shell.TypedText(argv)
				if k := normKey(key); k == "lines" {
					typed = strings.Join(argv, "\n")
				}
				if w.str(kind, typed); ev.denied() {
					return
				}
			case kind == keyCommands:
				for _, c := range argv {
					ev.exec(w.inContainer(c), false, call.ToolExec)
				}
				return
			case kind == keyCommand && strings.ContainsAny(argv[0], " \t\n|;&<>"):
				// {"script": ["make build | tee log", ...]}: a program's
				// name has no spaces, so this is a list of lines
				for _, c := range argv {
					if ev.exec(w.inContainer(c), false, call.ToolExec); ev.denied() {
						return
					}
				}
				return
			case kind == keyArgs && !w.runsArgs() && (w.runsThings() || w.runsCode()) && knownProgram(argv[0]):
				// shell exec {args: [bash, -c, …]}: a tool that starts
				// processes, given a program's command line whole
				ev.exec(w.inContainer(quoteArgv(argv)), false, call.ToolExec)
				return
			case kind == keyCommand || kind == keyArgv || kind == keyArgs && w.runsArgs():
				line := quoteArgv(argv)
				if kind == keyArgs && !strings.HasPrefix(argv[0], "-") {
					// kubectl {args: [delete, ns, x]}: the tool is the program.
					line = quoteArgv(append([]string{w.argsProgram()}, argv...))
				} else if kind == keyArgs {
					// git_clean {args: [-f, -d, -x]}: the tool is the program
					// and its subcommand (mcpargsprogram.go)
					line = quoteArgv(append(w.argsLine(w.argsProgram()), argv...))
				}
				ev.exec(w.inContainer(line), false, call.ToolExec)
				if kind != keyArgs {
					w.listedLines(argv) // mcpobjects.go: a CI script's list of lines
				}
				return
			case kind == keyArgs && strings.HasPrefix(argv[0], "-") && runnerTool(w.tool) && !w.named:
				// ops run {args: [-rf, /home/dev]}: a tool that only runs,
				// on a server no program is named for, given options
				// alone: what program they go to nobody can tell
				ev.exec(w.inContainer("\"$_\" "+quoteArgv(argv)), false, call.ToolExec)
				return
			case kind == keyArgs && w.database():
				// redis {args: [FLUSHALL]}: the statement's words
				ev.judgeSQL(strings.Join(argv, " "))
			case kind == keyVolumes:
				for _, vol := range argv {
					ev.exec("docker run -v "+shellQuote(vol)+" image", false, call.ToolExec)
				}
				return
			}
		}
		for _, e := range x {
			w.value(key, e, depth+1)
		}
	case string:
		if kind == keyPath && sourceKey(key) && !w.read {
			w.readPath(x) // mcpobjects.go: what a copy or move takes from
		}
		if kind == keyPath && sourceKey(key) {
			w.movedAway(x) // mcpobjects.go: what a move takes away
		}
		w.str(kind, x)
		w.jsonText(key, x, depth) // mcpobjects.go: a manifest given as JSON text
		w.graphqlArgument(key, x) // graphqlcalls.go: {query: "mutation { deleteApp(…) }"}
		w.patchText(x)            // mcpwrites.go: a patch that names its files
	}
}

// object judges what an object's keys say together: a program and its
// arguments are one command; an HTTP method DELETE destroys what its URL
// or path names; container volumes map the paths its command sees. It
// returns the key whose list was read as the words of a known program's
// command line (argWordsKey), "" when none was.
func (w *mcpWalk) object(x map[string]any, keys []string) (words string) {
	ev := w.ev
	var prog, argsLine string
	var argv []string
	if l := codeLanguage(x); l != "" {
		w.lang = l // shell/ipython.go: {"language": "bash", "code": ...}
	}
	w.codeObjects(x) // mcplanguages.go: {"type": "shell", "value": …}, a file of code
	for _, k := range keys {
		switch w.keyKind(k) {
		case keyProgram:
			prog, _ = x[k].(string)
		case keyCommand:
			// {"command": "rm", "args": [...]}: a bare program name.
			// a name padded with blanks ("rm ") is the name; a line
			// ("rm -rf") is the start of the command the args end
			if s, ok := x[k].(string); ok && strings.TrimSpace(s) != "" {
				s = strings.TrimSpace(s)
				for a := range x {
					if w.keyKind(a) == keyArgs {
						prog = s
					}
				}
			}
		case keyArgs, keyArgv:
			argv, _ = wordList(x[k]) // mcpsplitargs.go
			if s, ok := x[k].(string); ok && argsLine == "" {
				argsLine = s // {"command": "rm", "args": "-rf /home/dev"}
				if l, ok := jsonWordList(s); ok {
					argv, argsLine = l, "" // "[\"-rf\", \"/home/dev\"]": the list as JSON text
				}
			}
		case keyVolumes:
			if vols, ok := strings_(x[k]); ok {
				w.volumes = append(w.volumes, vols...)
			} else if list, ok := x[k].([]any); ok {
				// [{"type": "bind", "source": "/", "target": "/host"}]
				for _, e := range list {
					if m, ok := e.(map[string]any); ok {
						if v := mountObject(m); v != "" {
							w.volumes = append(w.volumes, v)
						}
					}
				}
			}
		}
		if kk := w.keyKind(k); kk == keyPath || kk == keyURL {
			if p, _ := x[k].(string); strings.Contains(p, "/_delete_by_query") {
				// Elasticsearch's bulk delete, by whatever method
				s := subject{tool: "destroy", text: "a delete by query through " + w.tool, effect: "destroy:remote"}
				ev.judge(&s)
			}
		}
		if strings.EqualFold(k, "method") || strings.EqualFold(k, "_method") {
			if m, _ := x[k].(string); strings.EqualFold(m, "DELETE") && !onlyHereURLs(x) {
				// (a DELETE only to this machine is judged as the fetch
				// tool's is: the request's own line, and the control
				// APIs' reading of it, controlapi.go)
				s := subject{tool: "destroy", text: "HTTP DELETE through " + w.tool, effect: "destroy:remote"}
				ev.judge(&s)
			}
		}
	}
	if !ev.denied() {
		w.hostObject(x) // {"host": "169.254.169.254", "path": "/latest/..."}
	}
	if prog == "" && argsLine == "" && (argv == nil || len(argv) > 0 && !knownProgram(argv[0])) {
		prog = w.namedProgram(x, keys) // mcpsplitargs.go
	}
	if prog != "" && argv == nil {
		// {"program": "/bin/rm", "params": ["-rf", "/home/dev"]}: a
		// program's arguments are its list of words, whatever its key.
		argv = siblingWords(x, keys)
		if argv == nil && argsLine == "" {
			argv = siblingStrings(x, keys) // mcpsplitargs.go
		}
	}
	if prog != "" && argv != nil && strings.ContainsAny(prog, " \t") {
		// {"command": "rm -rf", "args": ["/home/dev"]}: the line, then its words
		ev.exec(w.inContainer(prog+" "+quoteArgv(argv)), false, call.ToolExec)
	} else if prog != "" && argv != nil {
		ev.exec(w.inContainer(quoteArgv(append([]string{prog}, argv...))), false, call.ToolExec)
		words = argWordsKey(x, keys, prog, w.keyKind)
	} else if prog != "" && strings.TrimSpace(argsLine) != "" && !ev.denied() {
		// the arguments given as one string are the rest of its command
		// line, as a shell would split it
		head := quoteArgv([]string{prog})
		if strings.ContainsAny(prog, " \t") {
			head = prog // {"command": "rm -rf", "args": "/home/dev"}
		}
		ev.exec(w.inContainer(head+" "+argsLine), false, call.ToolExec)
	}
	if p := splitPath(x); p != "" && !ev.denied() {
		w.path(p) // {"dir": "/home/dev/.aws", "name": "credentials"}: the file they name together
	}
	w.hostPrivileges(x) // mcpobjects.go
	w.publishes(x)
	w.changesAccess(x)
	w.changeTargets(x)      // mcptargets.go
	w.writtenFiles(x, keys) // mcpwrites.go: {"path", "content"} written
	if code := notebookCell(x); code != "" && !ev.denied() {
		w.code(code) // a notebook's code cell, its source a string or lines
	}
	return words
}

// siblingWords returns the lists of strings among an object's values,
// joined in key order ({"flags": ["-rf"], "targets": ["/home/dev"]}), or
// nil when there is none.
func siblingWords(x map[string]any, keys []string) []string {
	var out []string
	for _, k := range keys {
		// a list, or a list written as an object keyed by its indexes
		if words, ok := wordList(x[k]); ok && len(words) > 0 {
			out = append(out, words...)
		}
	}
	return out
}

// inContainer rewrites a command run in a container so that paths under a
// mounted volume name the host paths ("/host/home/dev" with "/:/host").
func (w *mcpWalk) inContainer(line string) string {
	if len(w.volumes) == 0 {
		return w.setting + line // mcpsetting.go: {"cwd": …, "env": {…}}
	}
	for _, v := range w.volumes {
		parts := strings.Split(v, ":")
		if len(parts) < 2 || parts[1] == "" || parts[1] == "/" {
			continue
		}
		src, dst := parts[0], strings.TrimRight(parts[1], "/")
		if src == "/" {
			src = ""
		}
		line = strings.ReplaceAll(line, dst+"/", src+"/")
	}
	return line
}

// The kinds of MCP argument keys, by what their names say.
const (
	keyOther = iota
	keyCommand
	keyCommands
	keyProgram
	keyArgs
	keyArgv
	keyCode
	keyPath
	keyURL
	keySQL
	keyEnv
	keyVolumes
	keyTerminal
	keyBrowserCode
)

// keyKind classifies an argument key by its name, lower-cased and without
// separators: "shellCommand", "cli_command" and "cmd" are commands,
// "relative_path" and "target_file" paths, "sql_query" SQL.
// keySeparators are dropped from a key before it is classified: shell_command,
// shell-command and shell.command are one key.
var keySeparators = table.Once[*strings.Replacer]{Build: func() *strings.Replacer {
	return strings.NewReplacer("_", "", "-", "", ".", "")
}}

// unencodedKey is a key without a word that says its value is encoded
// (command_b64, encodedScript, cmd_hex): the value is still the command
// or the code, which encodedCommand decodes.
func unencodedKey(k string) string {
	for _, e := range [...]string{"base64", "b64", "hex", "encoded", "enc"} {
		if b, ok := strings.CutSuffix(k, e); ok && len(b) >= 3 {
			return b
		}
		if b, ok := strings.CutPrefix(k, e); ok && len(b) >= 3 {
			return b
		}
	}
	return k
}

// programKey reports a key that names the program a command runs:
// program, executable, binary, bin or exe, maybe with a path, file or
// name after it (executable_path, programFile, binaryName).
func programKey(k string) bool {
	for _, suffix := range []string{"path", "file", "name"} {
		if b, ok := strings.CutSuffix(k, suffix); ok && b != "" {
			k = b
			break
		}
	}
	switch k {
	case "program", "executable", "binary", "bin", "exe":
		return true
	}
	return false
}

func (w *mcpWalk) keyKind(key string) int {
	k := unencodedKey(strings.ToLower(keySeparators.Get().Replace(key)))
	db := w.database()
	switch {
	case (isCodeKey(k) || k == "script" || k == "source" || k == "pagefunction" || k == "fn") && w.inBrowser():
		return keyBrowserCode
	case k == "commands" || k == "cmds" || k == "steps" && false:
		return keyCommands
	case db && (k == "command" || k == "query" || k == "cmd" || strings.Contains(k, "sql") || strings.Contains(k, "cypher") || strings.Contains(k, "statement") || k == "cql" || k == "hql" || k == "text" && w.runsQuery()):
		// (a query config's text, as node-postgres takes {text, values})
		return keySQL
	case programKey(k):
		return keyProgram
	case k == "argv":
		return keyArgv
	case k == "args" || k == "arguments" || strings.HasSuffix(k, "args") || strings.HasSuffix(k, "arguments") && k != "toolarguments":
		return keyArgs
	case (k == "script" || k == "scriptcontent" || k == "scriptbody") && w.scriptLanguage() != "":
		// {"language": "applescript", "script": …}, run_applescript's
		// script: code in the language the call names, not a command line
		return keyCode
	case isCommandKey(k) || commandPrefixed(k) || strings.HasSuffix(k, "command") || strings.HasSuffix(k, "cmd") || strings.HasSuffix(k, "cmdline") || strings.HasSuffix(k, "script") && !strings.Contains(k, "description"):
		return keyCommand
	case k == "env" || k == "environment" || k == "envvars" || k == "environmentvariables" || (k == "vars" || k == "variables" || k == "makevars") && w.runsBuild():
		return keyEnv
	case k == "volumes" || k == "mounts" || k == "binds":
		return keyVolumes
	case isCodeKey(k) || languageCodeKey(k) && (k != "expr" && k != "exprs" || w.runsCode()) || (k == "content" || k == "body" || strings.HasSuffix(k, "source")) && w.runsCode():
		return keyCode
	case isPathKey(k) || strings.HasSuffix(k, "path") || strings.HasSuffix(k, "pathname") || strings.HasSuffix(k, "file") || strings.HasSuffix(k, "dir") || strings.HasSuffix(k, "directory") || strings.HasSuffix(k, "folder") || strings.HasSuffix(k, "paths") || strings.HasSuffix(k, "files"):
		return keyPath
	case (k == "query" || k == "q" || k == "queries") && !db && !w.runsQuery():
		// A search query (sentry get_issue {query}, a search tool's q)
		// outside a database and a tool that runs queries is text.
		return keyOther
	case isSQLKey(k) || strings.Contains(k, "sql"):
		return keySQL
	case isURLKey(k) || strings.HasSuffix(k, "url") || strings.HasSuffix(k, "uri"):
		return keyURL
	case isTerminalKey(k) && w.terminal():
		return keyTerminal
	}
	return keyOther
}

// runsBuild reports a build tool (make, a task runner), whose variables
// (CC, SHELL, LD) name the programs it runs as the environment's do.
func (w *mcpWalk) runsBuild() bool {
	for _, word := range append(ToolWords(w.tool), ToolWords(w.server)...) {
		switch word {
		case "make", "gmake", "cmake", "build", "target", "just", "task", "ninja":
			return true
		}
	}
	return false
}

// runsQuery reports whether the tool's name says it runs a query or a
// statement (query, run_query, execute): its "query" is one.
func (w *mcpWalk) runsQuery() bool {
	for _, word := range ToolWords(w.tool) {
		switch word {
		case "query", "queries", "execute", "exec", "run", "sql", "statement", "cypher":
			return true
		}
	}
	return false
}

// namesQuery reports a tool named for a query (run_query, execute_sql,
// cypher_query): what it changes is its statement's to say. A tool that
// only runs or executes something else (run_workflow, execute_runbook)
// is judged by where it runs.
func (w *mcpWalk) namesQuery() bool {
	for _, word := range ToolWords(w.tool) {
		switch word {
		case "query", "queries", "sql", "statement", "cypher":
			return true
		}
	}
	return false
}

// commandArgIn reports arguments that hold a command to run ({"command":
// "df -h"}): an executing tool's change is its command's, judged as that.
func commandArgIn(args map[string]any) bool {
	for k, v := range args {
		if _, ok := v.(string); ok && commandPrefixed(normKey(k)) {
			return true
		}
	}
	return false
}

// commandPrefixed reports a key that starts with a command word and names
// its text (commandText, cmd_text, scriptText, command_line), not its id,
// name or description.
func commandPrefixed(k string) bool {
	if !strings.HasPrefix(k, "command") && !strings.HasPrefix(k, "cmd") && !strings.HasPrefix(k, "script") {
		return false
	}
	for _, not := range []string{"id", "name", "description", "type", "count", "timeout", "status", "args", "arguments"} {
		if strings.HasSuffix(k, not) {
			return false
		}
	}
	return !strings.Contains(k, "description")
}

// database reports whether the server or tool speaks to a database, whose
// "command" and "query" arguments are statements.
func (w *mcpWalk) database() bool {
	return databaseWords(ToolWords(w.tool)) || databaseWords(ToolWords(w.server))
}

// databaseWords reports whether one of words names a database.
func databaseWords(words []string) bool {
	for _, word := range words {
		switch word {
		case "db", "database", "sql", "postgres", "postgresql", "pg", "mysql", "sqlite", "redis", "mongo", "mongodb",
			"neo4j", "cypher", "clickhouse", "snowflake", "bigquery", "supabase", "neon", "duckdb", "cassandra", "valkey", "elasticsearch", "cql", "scylla", "scylladb":
			return true
		}
	}
	return false
}

// runsCode reports whether the tool runs code it is given.
func (w *mcpWalk) runsCode() bool {
	for _, word := range ToolWords(w.tool) {
		switch word {
		case "python", "py", "execute", "exec", "eval", "evaluate", "run", "javascript", "js", "node", "code", "repl", "notebook":
			return true
		}
	}
	return false
}

// runsArgs reports whether an "args" array is a command line for the
// tool's own program (a kubectl or git tool).
func (w *mcpWalk) runsArgs() bool {
	return w.argsProgram() != "" // mcpargsprogram.go
}

// argsProgram is the program whose command line a tool's "args" array
// is: programOf's, or a cloud or hosting CLI the catalogue knows that the
// tool's name names (pulumi_cli, flyctl_run, heroku_cli {args: [...]}).
func argsProgram(tool string) string {
	if p := programOf(tool); p != "" {
		return p
	}
	for _, word := range ToolWords(tool) {
		if len(word) < 3 {
			continue
		}
		if e, _ := catalog.Default().Lookup(word, nil); e != nil && (e.Prop("cloud") != "" || e.Prop("host") != "") {
			return word
		}
	}
	return ""
}

// programOf is the program a tool is named for, when it is one the
// catalogue knows by that name ("kubectl", "git_command" → git).
func programOf(tool string) string {
	for _, word := range ToolWords(tool) {
		switch word {
		case "kubectl", "git", "docker", "helm", "terraform", "tofu", "terragrunt", "pulumi", "aws", "gcloud", "az", "gh", "npm", "psql", "mysql":
			return word
		}
	}
	return ""
}

// leakedSecret names the kind of credential an outgoing text carries:
// one written out, or one inside a base64, hex or base32 run of it (a
// file's content sent encoded, a kubeconfig's client-key-data). It is ""
// for none.
func leakedSecret(v string) string {
	kind, _ := leakedSecretValue(v)
	return kind
}

// leakedSecretValue is leakedSecret with the credential found, when it is
// in v as written.
func leakedSecretValue(v string) (kind, value string) {
	for _, f := range secret.Scan(v) {
		if !placeholder(v[f.Start:f.End]) {
			return f.Kind, v[f.Start:f.End]
		}
	}
	for _, d := range decodings(v) { // decode.go
		for _, f := range secret.Scan(d) {
			if !placeholder(d[f.Start:f.End]) {
				return f.Kind, ""
			}
		}
	}
	return "", ""
}

// leak judges a credential in a string an outgoing tool sends.
func (w *mcpWalk) leak(v string) {
	ev := w.ev
	if len(v) < 16 || ev.denied() {
		return
	}
	if strings.Contains(v, "://") && strings.IndexByte(v, '?') > 0 {
		if u, ok := match.ParseURL(v); ok && u.Host != "" {
			// ownquery.go: an API key in its own service's query is used
			if r := withoutOwnQueryCredentials(u.Rest, u.Host); r != u.Rest {
				v = strings.Replace(v, u.Rest, r, 1)
			}
		}
	}
	if kind := leakedSecret(v); kind != "" {
		s := subject{tool: "flow", text: kind + " in " + w.tool, effect: "flow:credential->network"}
		ev.judge(&s)
		if ev.denied() {
			return
		}
	}
	w.encodedCredential(v) // mcpobjects.go: a key base64-encoded for a gist or a file
}

func (w *mcpWalk) str(kind int, v string) {
	ev := w.ev
	if w.outgoing {
		w.leak(v)
		if ev.denied() {
			return
		}
	}
	if kind == keyBrowserCode {
		w.codeURLs(v) // a page's script reaches what its URLs name, no more
		w.pageSecretsOut(v)
		return
	}
	if kind != keyCommand && kind != keyCommands && kind != keyTerminal && kind != keyCode {
		if p, ok := match.FileURIPath(v); ok { // match.FileURIPath: FILE:/, file://localhost/, view-source:file://
			w.path(p)
			return
		}
		if p, ok := match.BrowserPageStore(v); ok { // browserpages.go: chrome://password-manager, about:logins
			w.path(p)
			return
		}
	}
	switch {
	case kind == keyTerminal && w.prompt():
		w.execShellAndCode(v) // shell/ipython.go
	case kind == keyCommand || kind == keyCommands || kind == keyTerminal:
		ev.exec(w.inContainer(v), false, call.ToolExec)
		w.encodedCommand(kind, v)
	case kind == keyCode:
		w.code(v)
		w.encodedCommand(kind, v)
	case kind == keyProgram:
		// the program a command runs ({"executable": "/usr/bin/git"}),
		// judged with its arguments as that command, not a file written
	case kind == keyArgs && w.runsArgs() && strings.TrimSpace(v) != "":
		// kubectl {"args": "delete namespace production"}: the words of
		// the command line of the program the tool is named for
		ev.exec(w.inContainer(w.argsProgram()+" "+v), false, call.ToolExec)
	case kind == keyPath || looksLikePath(v) && !w.inWords:
		w.path(v)
	case kind == keySQL:
		ev.judgeSQLOn(v, w.disposable) // sqlforms.go
	case kind == keyURL && hasPrefixFold(v, "javascript:"):
		w.codeURLs(v) // a javascript: URL is a script the page runs
	case kind == keyURL || strings.Contains(v, "://"):
		fs := subject{tool: call.ToolFetch, text: v, urlRaw: v}
		fs.url, fs.hasURL = match.ParseURL(v)
		ev.judge(&fs)
		ev.judgeHostAlternates(&fs)                // paths.go: the IP a wildcard-DNS name embeds
		ev.judgeURLCredentials(&fs)                // paths.go: a token in the query
		ev.judgeControlAPI(v, controlAsk{}, false) // controlapi.go: a cluster's, a vault's, an engine's API
		if kind == keyURL && fs.hasURL {
			ev.judgeFetchAction(fs.url.Host, fs.url.Rest, "") // fetchactions.go: /users/delete, ?action=disable
		}
	}
}

// allPrintable reports a text of printable ASCII only, blanks included.
func allPrintable(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i]; (c < ' ' || c >= 0x7f) && c != '\t' && c != '\n' {
			return false
		}
	}
	return s != ""
}

// allBase64Bytes reports a word of base64's (and so hex's) bytes only.
func allBase64Bytes(s string) bool {
	for i := 0; i < len(s); i++ {
		if !isBase64Byte(s[i]) {
			return false
		}
	}
	return s != ""
}

// encodedCommand judges a command or code given as one encoded word
// ({"script": "Y3VybCAt…", "encoding": "base64"}): what it decodes to,
// where that is text, as the command or code it stands for. A tool that
// takes its command encoded decodes it before it runs it.
func (w *mcpWalk) encodedCommand(kind int, v string) {
	if len(v) < 8 || strings.ContainsAny(v, " \t\n;|&") || w.ev.denied() {
		return
	}
	var ds []string
	if len(v) >= 16 {
		ds = decodings(v)
	}
	short := len(ds)
	if t := strings.TrimRight(v, "="); len(t) < 24 && allBase64Bytes(t) {
		// a short command given whole as one encoded word (cm0gLXJmIH4v
		// is rm -rf ~/): too short for decodedRuns, which looks for runs
		// in any text, and for printable's measure; its text must be
		// printable whole
		ds = appendDecoded(ds, t)
	}
	for k, d := range ds {
		if k < short && !printable(d) || k >= short && !allPrintable(d) {
			continue
		}
		if kind == keyCode {
			w.code(d)
		} else {
			w.ev.exec(w.inContainer(d), false, call.ToolExec)
		}
		if w.ev.denied() {
			return
		}
	}
}

// code judges code given to a tool, in the language its arguments name
// (a shell's code is a command line) or else the one the code looks like,
// and the shell lines a notebook cell holds (%%bash, !cmd).
func (w *mcpWalk) code(v string) {
	lang := w.lang
	if lang == "" {
		lang = nameLanguage(w.tool, w.server) // mcplanguages.go: eval_r, julia_eval
	}
	w.codeIn(w.jxa(lang), v)
}

// jxa is lang, or "jxa" when lang is JavaScript given to a tool or server
// that drives macOS's applications (macos-automator, applescript,
// osascript, jxa): JavaScript for Automation, which osascript -l
// JavaScript runs.
func (w *mcpWalk) jxa(lang string) string {
	if interpreterFor(lang) == "node -e" && (macAutomation(w.tool) || macAutomation(w.server)) {
		return "jxa"
	}
	return lang
}

// scriptLanguage is the language, other than a shell's, that a call's
// arguments or its tool's or server's name give its script in, when it
// has a one-liner; "" otherwise (a script is then a command line).
func (w *mcpWalk) scriptLanguage() string {
	lang := w.lang
	if lang == "" {
		lang = nameLanguage(w.tool, w.server)
	}
	if shellLanguages.Get(lang) || interpreterFor(lang) == "" {
		return ""
	}
	return w.jxa(lang)
}

// macAutomation reports a tool's or server's name that drives macOS's
// applications (macos-automator, applescript, osascript, jxa).
func macAutomation(name string) bool {
	for _, w := range ToolWords(name) {
		switch w {
		case "automator", "applescript", "osascript", "jxa":
			return true
		}
	}
	return false
}

// codeIn judges code in a language (code's, with the language given).
func (w *mcpWalk) codeIn(lang, v string) {
	ev := w.ev
	switch {
	case shellLanguages.Get(lang):
		ev.exec(w.inContainer(v), false, call.ToolExec)
		return
	case interpreterFor(lang) != "":
		// run where the tool runs it: its cwd, or its notebook's directory (mcpsetting.go)
		ev.exec(w.setting+interpreterFor(lang)+" "+shellQuote(v), false, call.ToolExec)
	default:
		ev.exec(w.setting+codeLine(w.tool, v), false, call.ToolExec)
	}
	if sh := shell.IPythonShell(v); sh != "" && !ev.denied() {
		ev.exec(w.inContainer(sh), false, call.ToolExec) // where the kernel runs (mcpsetting.go)
	}
	w.codeURLs(v)
}

// hostObject judges an object that spells a URL in parts ({"host",
// "port", "path", "scheme"}) given to a tool that fetches, as that URL.
func (w *mcpWalk) hostObject(x map[string]any) {
	var host string
	for _, k := range [...]string{"host", "hostname", "address", "ip"} {
		if host, _ = x[k].(string); host != "" {
			break
		}
	}
	if host == "" || strings.ContainsAny(host, " /\t") || !w.fetches() {
		return
	}
	scheme, _ := x["scheme"].(string)
	if scheme == "" {
		scheme, _ = x["protocol"].(string)
	}
	if scheme = strings.TrimSuffix(scheme, ":"); scheme == "" {
		scheme = "http"
	}
	u := scheme + "://" + host
	switch port := x["port"].(type) {
	case string:
		u += ":" + port
	case float64:
		u += ":" + strconv.Itoa(int(port))
	}
	if p, _ := x["path"].(string); strings.HasPrefix(p, "/") {
		u += p
	}
	w.str(keyURL, u)
}

// fetches reports a tool or server whose name says it makes requests.
func (w *mcpWalk) fetches() bool {
	for _, word := range append(ToolWords(w.tool), ToolWords(w.server)...) {
		switch word {
		case "fetch", "http", "https", "request", "curl", "url", "web", "scrape", "crawl", "browse", "get":
			return true
		}
	}
	return false
}

// pageSecrets are what a page's script can read of the user's sessions.
var pageSecrets = [...]string{"document.cookie", "localStorage", "sessionStorage", "indexedDB", "cookieStore"}

// pageSecretsOut judges a page's script that reads the user's cookies or
// stored tokens and sends a request: to a host other than this machine
// named in the code (a URL, or a protocol-relative //host), the session
// leaves with it whatever the host (new Image().src = url +
// document.cookie, sendBeacon, fetch); to a host the code builds at run
// time, nobody here can tell where it goes, and a person looks.
func (w *mcpWalk) pageSecretsOut(code string) {
	read := ""
	for _, p := range pageSecrets {
		if strings.Contains(code, p) {
			read = p
			break
		}
	}
	if read == "" || w.ev.denied() {
		return
	}
	sends := false
	for _, sink := range [...]string{"fetch(", "sendBeacon(", "XMLHttpRequest", "Image(", ".src", "WebSocket(", "EventSource(", "location", "open(", "submit("} {
		if strings.Contains(code, sink) {
			sends = true
			break
		}
	}
	for rest := code; ; {
		i := strings.Index(rest, "//")
		if i < 0 {
			break
		}
		// a URL's "scheme://" or a quoted protocol-relative "//host"
		if !(i > 0 && rest[i-1] == ':' || i > 0 && strings.ContainsRune("'\"`", rune(rest[i-1]))) {
			rest = rest[i+2:]
			continue
		}
		h := rest[i+2:]
		if j := strings.IndexAny(h, "/?#'\"` :$+"); j >= 0 {
			h = h[:j]
		}
		if h != "" && strings.Contains(h, ".") || h == "localhost" {
			if !loopbackHost(match.NormalizeHost(h)) {
				s := subject{tool: "flow", text: read + " sent to " + h + " by " + w.tool, effect: "flow:credential->network"}
				w.ev.judge(&s)
				return
			}
		} else if sends && i > 0 && rest[i-1] == ':' {
			// "https://" + host: a host built at run time
			w.ev.judgeEffect(effect.Effect{Kind: effect.Unknown, Cmd: -1, Detail: "url", Word: read + " sent to a host built at run time by " + w.tool}, call.ToolMCP)
			return
		}
		rest = rest[i+2:]
	}
}

// codeURLs judges the URLs code names: fetch('http://…') in code a browser
// or runtime evaluates contacts each, and a file: URL it opens
// (page.goto('file:///…')) reads the file.
func (w *mcpWalk) codeURLs(v string) {
	w.codeURLsIn(v)
	if strings.Contains(v, "atob") || strings.Contains(v, "b64decode") || strings.Contains(v, "from(") {
		// a URL decoded at run time (atob('aHR0cDov…')) is named all the same
		for _, text := range decodedRuns(v) {
			w.codeURLsIn(text)
		}
	}
}

func (w *mcpWalk) codeURLsIn(v string) {
	ev := w.ev
	for rest := v; !ev.denied(); {
		i := strings.Index(rest, "://")
		if i < 0 {
			break
		}
		start := i
		for start > 0 && (rest[start-1] >= 'a' && rest[start-1] <= 'z' || rest[start-1] >= 'A' && rest[start-1] <= 'Z') {
			start--
		}
		end := i + 3
		for end < len(rest) && !strings.ContainsRune(" \t\n'\"`()<>{}", rune(rest[end])) {
			end++
		}
		if start < i {
			u := rest[start:end]
			if p, ok := match.FileURIPath(u); ok {
				w.readPath(p)
				rest = rest[end:]
				continue
			}
			fs := subject{tool: call.ToolFetch, text: u, urlRaw: u}
			fs.url, fs.hasURL = match.ParseURL(u)
			ev.judge(&fs)
			ev.judgeHostAlternates(&fs)
		}
		rest = rest[end:]
	}
}

// prompt reports whether the tool types into a running process that may
// be an interpreter's prompt rather than a shell (interact_with_process,
// a REPL).
func (w *mcpWalk) prompt() bool {
	for _, word := range ToolWords(w.tool) {
		if word == "interact" || word == "repl" {
			return true
		}
	}
	return false
}

// mountObject turns a mount given as an object ({"source": "/", "target":
// "/host"}) into the -v form SOURCE:TARGET.
func mountObject(m map[string]any) string {
	get := func(keys ...string) string {
		for _, k := range keys {
			if s, ok := m[k].(string); ok && s != "" {
				return s
			}
		}
		return ""
	}
	if t := get("type", "Type"); t != "" && !strings.EqualFold(t, "bind") {
		return ""
	}
	src := get("source", "Source", "src", "host_path", "hostPath", "host")
	dst := get("target", "Target", "destination", "Destination", "dst", "container_path", "containerPath", "mountPath")
	if src == "" || dst == "" {
		return ""
	}
	return src + ":" + dst
}

// splitPath returns the file an object names as a directory and a name
// relative to it ({"dir": "/home/dev/.aws", "name": "credentials"},
// {"root": "/home/dev", "relative_path": ".aws/credentials"}), or "".
func splitPath(x map[string]any) string {
	dir, name := "", ""
	for k, v := range x {
		s, ok := v.(string)
		if !ok || s == "" {
			continue
		}
		switch strings.ToLower(strings.ReplaceAll(k, "-", "_")) {
		case "dir", "directory", "folder", "root", "base", "base_dir", "basedir", "base_path", "basepath", "root_dir", "rootdir", "parent":
			dir = s
		case "name", "file", "filename", "file_name", "relative_path", "relativepath", "rel_path", "relpath", "subpath", "sub_path":
			name = s
		}
	}
	if dir == "" || name == "" || strings.HasPrefix(name, "/") || !strings.HasPrefix(dir, "/") && !strings.HasPrefix(dir, "~") {
		return ""
	}
	return strings.TrimSuffix(dir, "/") + "/" + name
}

func (w *mcpWalk) path(v string) {
	if w.remoteRepoPath(v) {
		return // mcpobjects.go: config/secrets.yml in acme/api on GitHub
	}
	p := match.CleanPath(v, w.ev.c.Cwd, w.ev.e.env.Home)
	if w.read || w.outgoing {
		// a tool that sends its arguments off the machine (s3 put_object
		// {filePath}) reads the local files they name
		w.ev.pathSubject(call.ToolRead, p)
		w.ev.judgeOwnEnviron(p) // subject.go: read_file {path: /proc/self/environ}
	}
	if w.write && !w.ev.denied() {
		if content := w.contentFor(v); content != "" {
			w.ev.contentWriteSubject(p, content) // mcpwrites.go: write_file {path, content}, as the write tool's
		} else {
			w.ev.pathSubject(call.ToolWrite, p)
		}
		if ef, ok := effect.Shadows(p, w.ev.e.env.Home); ok && !w.ev.denied() {
			w.ev.judgeEffect(ef, call.ToolMCP)
		}
	}
}

// terminal reports whether the tool types into a terminal, whose text runs.
func (w *mcpWalk) terminal() bool {
	for _, word := range ToolWords(w.server) {
		switch word {
		case "browser", "playwright", "puppeteer", "selenium", "chrome", "chromium", "firefox", "webdriver":
			return false // text typed into a web page's field
		}
	}
	words := ToolWords(w.tool)
	for _, word := range words {
		if word == "browser" || word == "element" || word == "page" {
			return false
		}
	}
	typing := false
	for _, word := range words {
		switch word {
		case "type", "keys", "terminal", "stdin", "tmux", "tty", "pty", "console", "shell", "interact", "repl":
			return true
		case "send", "write", "input", "paste", "run", "exec", "execute":
			typing = true
		}
	}
	if typing {
		// a terminal server's send, write or run: {"text": "..."} is typed
		for _, word := range ToolWords(w.server) {
			switch word {
			case "terminal", "tmux", "tty", "pty", "console", "shell", "iterm", "screen", "wezterm", "kitty":
				return true
			}
		}
	}
	return false
}

// looksLikePath reports whether a bare string is an absolute or home path.
func looksLikePath(v string) bool {
	return (strings.HasPrefix(v, "/") || strings.HasPrefix(v, "~/")) && !strings.ContainsAny(v, " \n\t") && len(v) < 4096
}

// codeLine renders code given to a tool as the one-liner that would run it,
// so the shell package scans it like python3 -c or node -e.
func codeLine(tool, code string) string {
	interp := "python3 -c"
	words := strings.Join(ToolWords(tool), " ")
	switch {
	case strings.Contains(words, "node") || strings.Contains(words, "js") || strings.Contains(words, "javascript") ||
		strings.Contains(code, "require(") || strings.Contains(code, "=>") || strings.Contains(code, "const "):
		interp = "node -e"
	case strings.Contains(words, "ruby"):
		interp = "ruby -e"
	case strings.Contains(words, "bash") || strings.Contains(words, "shell"):
		return code
	}
	return interp + " " + shellQuote(code)
}

func shellQuote(s string) string { return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'" }

func quoteArgv(argv []string) string {
	q := make([]string, len(argv))
	for i, a := range argv {
		q[i] = shellQuote(a)
	}
	return strings.Join(q, " ")
}

// strings_ returns a list's elements when they are all strings.
func strings_(v any) ([]string, bool) {
	l, ok := v.([]any)
	if !ok {
		return nil, false
	}
	out := make([]string, 0, len(l))
	for _, e := range l {
		s, ok := e.(string)
		if !ok {
			return nil, false
		}
		out = append(out, s)
	}
	return out, true
}

// sendsOut reports whether a tool's name says it sends content somewhere
// others can read it (sends), or only by a word that also names an edit
// of a file (edit_block, append_to_file: maybe), which is a send unless
// the call names a local file.
func sendsOut(tool string) (sends, maybe bool) {
	for _, w := range ToolWords(tool) {
		switch w {
		case "send", "post", "create", "comment", "publish", "upload", "gist", "issue", "message",
			"email", "mail", "tweet", "share", "push", "reply", "chat", "notify", "page", "paste", "submit",
			// qdrant-store, upsert_points: into a store others search
			// (a vector store, a team's memory), as create_entities is
			"store", "upsert":
			return true, false
		case "block", "append":
			maybe = true
		}
	}
	return false, maybe
}

// namesLocalFile reports whether an MCP call's top-level arguments name a
// file on this machine: a path-like key whose value is a path, not a URL.
func (w *mcpWalk) namesLocalFile(args map[string]any) bool {
	for k, v := range args {
		s, ok := v.(string)
		if !ok || s == "" || strings.Contains(s, "://") || w.keyKind(k) != keyPath {
			continue
		}
		return true
	}
	return false
}

// stringValues returns a value's strings: itself, or a list's elements.
func stringValues(v any) []string {
	switch x := v.(type) {
	case string:
		return []string{x}
	case []any:
		var out []string
		for _, e := range x {
			if s, ok := e.(string); ok {
				out = append(out, s)
			}
		}
		return out
	}
	return nil
}

// randomRun reports whether v holds a run of twelve or more letters and
// digits that mixes both, as a generated secret does (a word does not).
func randomRun(v string) bool { return randomRunOf(v, 12) }

// randomRunOf is randomRun with the run's least length n.
func randomRunOf(v string, n int) bool {
	run, letters, digits := 0, false, false
	for i := 0; i <= len(v); i++ {
		if i < len(v) {
			c := v[i]
			switch {
			case c >= '0' && c <= '9':
				run, digits = run+1, true
				continue
			case c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z':
				run, letters = run+1, true
				continue
			}
		}
		if run >= n && letters && digits {
			return true
		}
		run, letters, digits = 0, false, false
	}
	return false
}

// placeholder reports whether a found credential is an example value
// ("your-key-here", "<token>", "xxxx", "changeme", "sk_test_replace_me",
// "not-a-real-key", "dev-only-not-secret", AWS's documented
// AKIAIOSFODNN7EXAMPLE), or a word a settings file gives a key that only
// sounds like a secret's (id-token: write, the permission GitHub's
// workflows grant). The example words are read as the value's words
// (wherever, therefore and fakeroot hold none), and what is left once they
// are taken out must not be a generated secret: a random-looking run of
// letters and digits beside them (ghp_…-example, sk_live_…_here,
// ghp_xxxx…) is a real value whatever word is added to it, and so is a
// password beside an angle-bracketed word (<redacted>hunter2-Tr0ub4dor).
func placeholder(v string) bool {
	l := strings.ToLower(v)
	if strings.Contains(l, "-----begin") {
		return false // a key's block is a key's
	}
	signal := false
	if strings.Contains(v, "<") {
		rest, bracketed := withoutBracketed(v)
		if bracketed {
			for _, t := range strings.FieldsFunc(rest, notAlnum) {
				if len(t) >= 8 && strings.ContainsAny(t, "0123456789") && strings.Trim(t, "0123456789") != "" {
					return false // a password beside the bracketed word
				}
			}
			signal = true
		}
	}
	for _, p := range []string{"...", "not-a-real", "not_a_real", "change-me", "change_me", "not-real", "not_real", "not-secret", "not_secret", "do-not-use", "do_not_use", "donotuse"} {
		signal = signal || strings.Contains(l, p)
	}
	if secretReference(v) {
		return true // op://Vault/Item/field: where the secret is kept, not the secret
	}
	for _, t := range strings.FieldsFunc(v, notAlnum) {
		lt := strings.ToLower(t)
		switch {
		case placeholderWords.Get(lt) || strings.Trim(lt, "x") == "" && len(lt) >= 3:
			signal = true
			continue // the word itself
		}
		glued := false
		for _, w := range gluedPlaceholderWords {
			if k := strings.Index(lt, w); k >= 0 {
				t, lt, glued, signal = t[:k]+t[k+len(w):], lt[:k]+lt[k+len(w):], true, true
			}
		}
		if k := strings.Index(lt, "xxxx"); k >= 0 {
			n := len(lt[k:]) - len(strings.TrimLeft(lt[k:], "x"))
			t, glued, signal = t[:k]+t[k+n:], true, true
		}
		if glued && randomRunOf(t, 16) || !glued && randomRun(t) {
			return false // a generated value beside the example word
		}
	}
	if signal {
		return true
	}
	switch l {
	case "write", "read", "none", "true", "false", "null", "required", "optional":
		return true
	}
	return false
}

// placeholderWords are words that, standing as a word of a value, say it
// is an example; gluedPlaceholderWords say so also inside a word
// (AKIAIOSFODNN7EXAMPLE, changemeplease).
var (
	placeholderWords      = &table.Map[string, bool]{Words: "your yours here example examples placeholder dummy redacted changeme fake replace replaceme notreal notsecret sample todo tbd test insecure"}
	gluedPlaceholderWords = []string{"example", "placeholder", "redacted", "changeme", "replaceme", "notreal", "notsecret", "dummy"}
)

// secretReferences are the schemes with which a settings value names
// where a secret is kept rather than giving it: 1Password's op://,
// Vault's vault: and vault://, the cloud secret managers' references
// (sm://, awssm://, gcpsm://, azkv://), doppler://, sops' ref+.
var secretReferences = []string{"op://", "vault:", "vault://", "sm://", "awssm://", "gcpsm://", "azkv://", "doppler://", "ref+"}

// secretReference reports a found value (or NAME=VALUE, NAME: VALUE) that
// is a reference to a secret store, with no more after it than the
// reference's own path.
func secretReference(v string) bool {
	if i := strings.IndexAny(v, "=:"); i > 0 && !strings.HasPrefix(v[i:], "://") {
		if j := strings.Index(v, "://"); j < 0 || i < j {
			v = v[i+1:]
		}
	}
	v = strings.Trim(strings.TrimSpace(v), `"'`)
	for _, p := range secretReferences {
		if strings.HasPrefix(strings.ToLower(v), p) && len(v) > len(p) {
			return true
		}
	}
	return false
}

// notAlnum reports a rune that is no ASCII letter or digit.
func notAlnum(r rune) bool {
	return !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9')
}

// withoutBracketed returns v without its angle-bracketed words (<token>,
// <your-key>), and whether it had one.
func withoutBracketed(v string) (string, bool) {
	var b strings.Builder
	found := false
	for {
		i := strings.IndexByte(v, '<')
		if i < 0 {
			break
		}
		j := strings.IndexByte(v[i:], '>')
		if j < 0 {
			break
		}
		b.WriteString(v[:i])
		b.WriteByte(' ')
		v, found = v[i+j+1:], true
	}
	b.WriteString(v)
	return b.String(), found
}
