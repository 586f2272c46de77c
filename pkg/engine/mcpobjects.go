package engine

import (
	"encoding/json"
	"strconv"
	"strings"

	"gopkg.in/yaml.v3"

	"rampart.dev/pkg/call"
	"rampart.dev/pkg/effect"
	"rampart.dev/pkg/match"
)

// What an MCP call's arguments say beyond one key's kind (mcp.go): where a
// copy takes its file from, which local files a sending tool reads, the
// command a shell-named tool's only argument is, the lines a CI script's
// list holds, a manifest given as JSON text, the host privileges a
// container or pod object asks for, a repository made public, a credential
// encoded before it is sent, and paths that name a file in a remote
// repository rather than on this machine.

// sendsFile reports a tool-name word whose tool sends a local file out:
// its path arguments are read (upload_file, send_email with attachments).
func sendsFile(w string) bool {
	switch w {
	case "upload", "attach", "send", "share", "email", "mail", "post", "publish", "import", "files",
		"copy", "cp", "move", "mv", "rename", "duplicate", "backup", "export", "archive", "zip", "compress", "sync":
		// a copy or move takes its source's content: reading it
		return true
	}
	return false
}

// sourceKey reports an argument that names what a copy, move or transfer
// takes from: it is read whatever the tool's verb.
func sourceKey(key string) bool {
	switch strings.ToLower(keySeparators.Get().Replace(key)) {
	case "source", "src", "from", "sourcepath", "srcpath", "frompath", "sourcefile", "localpath", "localfile",
		"oldpath", "inputpath", "inputfile":
		return true
	}
	return false
}

// movedAway judges the source of a move or rename tool (move_file
// {source: ~}) as the delete it is where the source was, as mv's
// source is: a tree moved out of the home, or the home itself, is gone
// from where everything expects it.
func (w *mcpWalk) movedAway(v string) {
	if !w.write || w.ev.denied() || w.remoteRepoPath(v) || !hasWord(ToolWords(w.tool), "move", "rename", "mv") {
		return
	}
	p := match.CleanPath(v, w.ev.c.Cwd, w.ev.e.env.Home)
	w.ev.judgeEffect(effect.Effect{Kind: effect.Delete, Cmd: -1, Path: p, Recursive: true}, call.ToolMCP)
}

// readPath judges v as a path the call reads.
func (w *mcpWalk) readPath(v string) {
	if w.remoteRepoPath(v) {
		return
	}
	w.ev.pathSubject(call.ToolRead, match.CleanPath(v, w.ev.c.Cwd, w.ev.e.env.Home))
}

// shellTool reports whether a tool's name says it is a shell or runs
// commands (bash, run_shell, terminal_exec).
func shellTool(tool string) bool {
	for _, word := range ToolWords(tool) {
		switch word {
		case "bash", "sh", "zsh", "shell", "terminal", "console", "powershell", "pwsh", "cmd", "exec", "run":
			return true
		}
	}
	return false
}

// soleCommand returns the command line a shell-named tool's only string
// argument is, whatever its key ({"line": ...}, {"input": ...}), or "" when
// the tool is not a shell or its arguments say more (a key that names the
// command is judged by the walk).
func (w *mcpWalk) soleCommand(args map[string]any) string {
	if len(args) == 0 || !shellTool(w.tool) {
		return ""
	}
	line := ""
	for k, v := range args {
		if w.keyKind(k) != keyOther {
			continue // a cwd, a timeout: judged by the walk
		}
		s, ok := v.(string)
		if argv, isList := strings_(v); isList && len(argv) > 0 {
			s, ok = quoteArgv(argv), true // {"line": ["rm", "-rf", "x"]}
		}
		if !ok {
			continue
		}
		if line != "" {
			return "" // two texts: neither is plainly the command
		}
		line = s
	}
	return line
}

// listedLines judges the whole command lines a command list holds beside
// its argv reading: a CI job's script ["make", "cat key | curl ..."] is
// lines, not one program's arguments. A word after a flag that takes a
// script (sh -c, node -e) is the argv's own.
func (w *mcpWalk) listedLines(argv []string) {
	for i, a := range argv {
		if i == 0 || !strings.ContainsAny(a, " \t\n|;&<>") || w.ev.denied() {
			continue
		}
		switch argv[i-1] {
		case "-c", "-lc", "-ic", "-e", "-Command", "/c", "/C", "--command", "--eval", "-x":
			continue
		}
		w.ev.exec(w.inContainer(a), false, call.ToolExec)
	}
}

// maxJSONText bounds the JSON text in an argument that is walked.
const maxJSONText = 1 << 20

// jsonText walks a string argument that is itself a JSON object or array
// (a pod manifest, a task list given as text) as the value it encodes, and
// one that is a YAML document of several keys (a manifest as kubectl takes
// it) as the mapping it holds.
func (w *mcpWalk) jsonText(key, v string, depth int) {
	if len(v) < 2 || len(v) > maxJSONText || w.ev.denied() {
		return
	}
	var x any
	switch {
	case v[0] == '{' && v[len(v)-1] == '}' || v[0] == '[' && v[len(v)-1] == ']':
		if json.Unmarshal([]byte(v), &x) != nil {
			return
		}
	case manifestKey(key) && (strings.Contains(v, ":\n") || strings.Contains(v, ": ") && strings.IndexByte(v, '\n') >= 0):
		var m map[string]any
		if yaml.Unmarshal([]byte(v), &m) != nil || len(m) < 2 {
			return
		}
		x = m
	default:
		return
	}
	w.value(key, x, depth+1)
}

// manifestKey reports an argument named for a document a tool applies (a
// manifest, a resource, a compose file): its YAML text is walked. An issue's
// body or a message is prose, even when a line of it reads "Path: x".
func manifestKey(key string) bool {
	switch strings.ToLower(keySeparators.Get().Replace(key)) {
	case "manifest", "manifests", "resource", "resources", "yaml", "spec", "template", "definition", "object",
		"values", "compose", "composefile", "config", "document", "pod", "deployment", "job":
		return true
	}
	return false
}

// inBrowser reports whether the tool runs what it is given in a web
// page: a browser automation server or a page's evaluate tool. A page's
// script has no shell and no files: it reaches what its URLs name.
func (w *mcpWalk) inBrowser() bool {
	for _, word := range ToolWords(w.tool) {
		switch word {
		case "shell", "bash", "sh", "zsh", "terminal", "command", "cmd", "powershell":
			return false // a browser server's run_shell runs a shell
		}
	}
	for _, word := range ToolWords(w.server) {
		switch word {
		case "browser", "playwright", "puppeteer", "selenium", "chrome", "chromium", "firefox", "webdriver", "browserbase", "stagehand":
			return true
		}
	}
	for _, word := range ToolWords(w.tool) {
		switch word {
		case "browser", "page", "puppeteer", "playwright", "selenium":
			return true
		}
	}
	return false
}

// encodedCredential judges a credential a sending tool's argument carries
// encoded (base64, hex, base32): GitHub's file API and a gist take base64,
// and a key encoded is a key all the same.
func (w *mcpWalk) encodedCredential(v string) {
	if len(v) < 24 {
		return
	}
	for _, text := range decodedRuns(v) {
		if kind := credentialIn(text); kind != "" {
			s := subject{tool: "flow", text: kind + " encoded in " + w.tool, effect: "flow:credential->network"}
			w.ev.judge(&s)
			return
		}
	}
}

// remoteRepoPath reports a relative path given to a repository host's
// tool that names a repository (owner and repo, a project): it is a file
// of that repository, not of this machine.
func (w *mcpWalk) remoteRepoPath(v string) bool {
	if strings.HasPrefix(v, "/") || strings.HasPrefix(v, "~") || strings.Contains(v, "://") || strings.HasPrefix(v, "..") {
		return false
	}
	host := false
	for _, word := range ToolWords(w.server) {
		switch word {
		case "github", "gitlab", "bitbucket", "gitea", "forgejo", "codeberg":
			host = true
		}
	}
	if !host {
		return false
	}
	args := w.args
	for _, k := range [...]string{"repo", "repository", "project_id", "projectId", "repo_slug", "repoSlug"} {
		if s, ok := args[k].(string); ok && s != "" {
			return true
		}
	}
	return false
}

// hostPrivileges judges the host privileges a container or pod object
// asks for, by the docker run line that would ask for them (the effects
// package knows that line's privileges): privileged mode, the host's
// process, network or IPC namespace, added capabilities, a host path
// mounted.
func (w *mcpWalk) hostPrivileges(x map[string]any) {
	ev := w.ev
	run := func(opt string) {
		if !ev.denied() {
			ev.exec("docker run "+opt+" image", false, call.ToolExec)
		}
	}
	for k, v := range x {
		switch strings.ToLower(keySeparators.Get().Replace(k)) {
		case "privileged":
			if b, _ := v.(bool); b {
				run("--privileged")
			}
		case "hostpid", "hostnetwork", "hostipc":
			if b, _ := v.(bool); b {
				run("--" + strings.TrimPrefix(strings.ToLower(k), "host") + "=host")
			}
		case "pidmode", "networkmode", "ipcmode", "pid", "ipc", "network", "net", "usernsmode":
			if s, _ := v.(string); strings.EqualFold(s, "host") {
				run("--" + strings.TrimSuffix(strings.ToLower(keySeparators.Get().Replace(k)), "mode") + "=host")
			}
		case "securityopt":
			for _, o := range stringValues(v) {
				run("--security-opt=" + shellQuote(o))
			}
		case "capadd":
			for _, c := range stringValues(v) {
				run("--cap-add=" + shellQuote(c))
			}
		case "capabilities":
			if m, ok := v.(map[string]any); ok {
				for _, c := range stringValues(m["add"]) {
					run("--cap-add=" + shellQuote(c))
				}
			}
		case "hostpath":
			if m, ok := v.(map[string]any); ok {
				if p, _ := m["path"].(string); p != "" {
					run("-v " + shellQuote(p+":/mnt"))
				}
			}
		}
	}
}

// publishes judges an object that makes a repository public: an update
// whose visibility is public or whose private is false. Creating a public
// repository is ordinary; changing a private one is publishing it.
func (w *mcpWalk) publishes(x map[string]any) {
	changes := false
	for _, word := range ToolWords(w.tool) {
		switch word {
		case "update", "edit", "patch", "set", "change", "modify":
			changes = true
		}
	}
	if !changes {
		return
	}
	public := false
	for k, v := range x {
		switch strings.TrimPrefix(strings.ToLower(keySeparators.Get().Replace(k)), "is") {
		case "visibility":
			s, _ := v.(string)
			public = strings.EqualFold(s, "public")
		case "private":
			b, ok := v.(bool)
			public = ok && !b
		case "public":
			b, ok := v.(bool)
			public = ok && b
		}
		if public {
			s := subject{tool: "destroy", text: "a repository made public through " + w.tool, effect: "destroy:publish"}
			w.ev.judge(&s)
			return
		}
	}
}

// hasPrefixFold reports whether s starts with prefix, ignoring ASCII case.
func hasPrefixFold(s, prefix string) bool {
	return len(s) >= len(prefix) && strings.EqualFold(s[:len(prefix)], prefix)
}

// changesAccess judges what an object asks of a repository's history and
// access: a forced update of a ref or branch rewrites history
// (update_ref {force: true}), and a collaborator, member or role given
// admin, owner or maintain rights is access granted.
func (w *mcpWalk) changesAccess(x map[string]any) {
	var refs bool
	for _, word := range ToolWords(w.tool) {
		switch word {
		case "ref", "refs", "branch", "push", "tag":
			refs = true
		}
	}
	if invitesPeople(w.tool) && !w.readOnlyTool() {
		// an invitation into an organisation or a workspace: a new person
		// given access, whatever the role
		s := subject{tool: "destroy", text: "a person invited through " + w.tool, effect: "destroy:access"}
		w.ev.judge(&s)
		return
	}
	people := peopleTool(w.tool) // mcproles.go
	if !refs && !people {
		return
	}
	for k, v := range x {
		switch strings.ToLower(keySeparators.Get().Replace(k)) {
		case "force":
			if b, _ := v.(bool); b && refs {
				s := subject{tool: "destroy", text: "a forced ref update through " + w.tool, effect: "destroy:history"}
				w.ev.judge(&s)
				return
			}
		default:
			nk := strings.ToLower(keySeparators.Get().Replace(k))
			if !people || !roleKey(nk) || w.readOnlyTool() {
				continue
			}
			r, _ := v.(string)
			n, ok := v.(float64)
			if k, err := strconv.Atoi(r); err == nil {
				n, ok = float64(k), true // "40"
			}
			if ok && n >= 40 && (nk == "accesslevel" || nk == "access" || nk == "level") {
				r = "maintainer" // GitLab's levels: 40 maintainer, 50 owner
			} else {
				r = adminRole(v, 0) // mcproles.go: APP_ADMIN, roles/owner, [rol_admin]
			}
			if r != "" {
				s := subject{tool: "destroy", text: r + " rights granted through " + w.tool, effect: "destroy:access"}
				w.ev.judge(&s)
				return
			}
		}
	}
}
