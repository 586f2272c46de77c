package engine

import (
	"sort"
	"strings"

	"rampart.dev/pkg/call"
	"rampart.dev/pkg/shell"

	"rampart.dev/pkg/effect"
	"rampart.dev/pkg/internal/table"
	"rampart.dev/pkg/match"
)

// What an MCP tool's nested objects say together, beyond their keys one
// by one: a file's path with the text put in it is a Write of that text
// (an editor's edits, a repository's files pushed, a file tool's write),
// judged as the agent's own Write is: the settings it holds, the commands
// it runs later (autorun.go). A notebook cell of type
// code is code. And a tool that reads a secret by its verb and what it
// names (read_secret, kubectl_get {resourceType: secrets}, resources_get
// {kind: Secret}, get-secret-value) puts the secret in the agent's
// context: the flow secret->agent, as a fetch of a secrets API does.

// isContentKey: a key that carries the text written to a file.
func isContentKey(k string) bool {
	switch k {
	case "content", "contents", "newtext", "newcontent", "newstring", "filetext", "text", "body", "data", "replacement", "newsource":
		return true
	}
	return false
}

// writtenFiles judges the objects of x that pair a path with content.
func (w *mcpWalk) writtenFiles(x map[string]any, keys []string) {
	ev := w.ev
	if ev.denied() {
		return
	}
	var p, content string
	for _, k := range keys {
		s, ok := x[k].(string)
		if !ok {
			continue
		}
		kk := strings.ToLower(keySeparators.Get().Replace(k))
		switch {
		case p == "" && w.keyKind(k) == keyPath:
			p = s
		case content == "" && isContentKey(kk):
			content = s
		case content == "" && (kk == "patch" || kk == "diff"):
			content = addedLines(s) // apply_patch {path, patch}
		}
	}
	if p != "" && content == "" {
		// edit_file {path, edits: [{oldText, newText}]}: the path is the
		// object's, the text its edits'.
		content = nestedContent(x, keys)
	}
	if p == "" || content == "" || strings.Contains(p, "://") {
		return
	}
	if w.remoteRepoPath(p) {
		// a repository's file on its host, given with its text, is put
		// there (push_files, create_or_update_file): what it runs there
		// (a workflow) still runs; a credential in it already leaves
		// (outgoing)
		ev.judgeAutoRun(match.CleanPath(p, ev.c.Cwd, ev.e.env.Home), content)
		ev.judgeLaterFormat(match.CleanPath(p, ev.c.Cwd, ev.e.env.Home), content)
		return
	}
	if !w.write {
		return
	}
	// A credential in the text is left to the walk's own checks (an
	// outgoing tool's leak): secret.Scan reads a PEM header alone as a
	// key, and a document that names one is ordinary.
	cp := match.CleanPath(p, ev.c.Cwd, ev.e.env.Home)
	ev.judgeWrittenSettings(cp, content) // content.go
	ev.judgeAutoRun(cp, content)         // autorun.go
	ev.judgeLaterFormat(cp, content)     // laterformats.go
}

// contentFor returns the text the call's arguments put in the file they
// name by v: a top-level path key whose value is v beside one content key
// (write_file {path, content}), or beside edits whose new text it is
// (edit_file {path, edits}); "" when the arguments show no such pair.
func (w *mcpWalk) contentFor(v string) string {
	named, content := false, ""
	for k, x := range w.args {
		s, ok := x.(string)
		if !ok {
			continue
		}
		switch kk := strings.ToLower(keySeparators.Get().Replace(k)); {
		case w.keyKind(k) == keyPath:
			if s != v {
				return "" // another file named beside it: whose text is it?
			}
			named = true
		case isContentKey(kk):
			if content != "" {
				return ""
			}
			content = s
		}
	}
	if !named {
		return ""
	}
	if content == "" {
		// edit_file {path, edits: [{oldText, newText}]}: the text is the
		// edits', read as writtenFiles reads it
		keys := make([]string, 0, len(w.args))
		for k := range w.args {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		content = nestedContent(w.args, keys)
	}
	return content
}

// contentWriteSubject judges an MCP tool's write of p with its text
// shown as the write tool's is when the text is settings that run nothing
// (laterformats.go: a terminal's font, ssh Host entries) in the home's
// own settings. An agent's settings (agentsettings.go) and the project's
// files (its editor's settings, .vscode/mcp.json) are judged by their
// path alone, as an MCP write of them always was.
func (ev *evaluation) contentWriteSubject(p, content string) {
	ev.judgeWebShell(p, content) // webshell.go: wherever it lands
	cwd := ev.c.Cwd
	if _, ok := writtenAgentEffect(p, content, ev.e.env.Home); ok || ev.homeRel(p) == "" || cwd != "" && strings.HasPrefix(p, strings.TrimSuffix(cwd, "/")+"/") {
		ev.pathSubject(call.ToolWrite, p)
		return
	}
	s := subject{tool: call.ToolWrite, text: p, path: p, content: content, effect: writtenFormatEffect(p, content)}
	ev.judge(&s)
	ev.judgeWebShell(p, content)              // webshell.go
	ev.judgeProductionFile(call.ToolWrite, p) // productionfiles.go
	ev.judgePathAlternates(&s)                // paths.go
	if hasGlob(p) && !ev.denied() {
		ev.globSubjects(call.ToolWrite, p)
	}
}

// addedLines gives the lines a unified diff adds, without their "+": the
// text a patch puts in its file. Text that is no diff is returned whole.
func addedLines(diff string) string {
	if !strings.Contains(diff, "\n+") && !strings.HasPrefix(diff, "+") && !strings.HasPrefix(diff, "@@") {
		return diff
	}
	var out []string
	for l := range strings.SplitSeq(diff, "\n") {
		if strings.HasPrefix(l, "+") && !strings.HasPrefix(l, "+++") {
			out = append(out, l[1:])
		}
	}
	return strings.Join(out, "\n")
}

// patchText judges a patch given whole, with the files it changes named
// inside it (apply_patch {input: "*** Begin Patch / *** Update File: P /
// +…"}, or a unified diff's "+++ b/P"): each file is written with the
// lines the patch adds to it.
func (w *mcpWalk) patchText(v string) {
	if !strings.Contains(v, "*** Update File: ") && !strings.Contains(v, "*** Add File: ") && !strings.Contains(v, "\n+++ ") && !strings.HasPrefix(v, "+++ ") {
		return
	}
	dir := w.ev.c.Cwd
	args := w.args
	for _, k := range [...]string{"cwd", "repo_path", "repoPath", "directory", "dir", "workdir", "working_directory", "root"} {
		if d, ok := args[k].(string); ok && d != "" {
			// git_apply {diff, cwd: /home/dev}: the patch's paths are
			// below the directory the tool is given
			dir = match.CleanPath(d, w.ev.c.Cwd, w.ev.e.env.Home)
			break
		}
	}
	w.ev.judgePatch(v, dir)
}

// judgePatch judges the files a patch (text) writes below dir, each with
// the lines the patch adds to it, as Writes of that text.
func (ev *evaluation) judgePatch(text, dir string) {
	for _, f := range patchFiles(text) {
		if ev.denied() {
			return
		}
		p := match.CleanPath(f.path, dir, ev.e.env.Home)
		ev.pathSubject(call.ToolWrite, p)
		if f.added != "" && !ev.denied() {
			ev.judgeWrittenSettings(p, f.added) // content.go
			ev.judgeAutoRun(p, f.added)         // autorun.go
		}
	}
}

// patchFileArgs returns the patch files a patch-applying command names:
// patch -i FILE (--input), git apply FILE....
func patchFileArgs(c *shell.Command) []string {
	var out []string
	args := c.Args
	if c.Name == "git" {
		for k, a := range args {
			if a == "apply" {
				for _, w := range args[k+1:] {
					if !strings.HasPrefix(w, "-") {
						out = append(out, w)
					}
				}
				return out
			}
		}
		return nil
	}
	for k, a := range args {
		switch {
		case (a == "-i" || a == "--input") && k+1 < len(args):
			out = append(out, args[k+1])
		case strings.HasPrefix(a, "--input="):
			out = append(out, a[len("--input="):])
		case strings.HasPrefix(a, "-i") && len(a) > 2:
			out = append(out, a[2:])
		}
	}
	return out
}

// appliesPatch reports whether a command applies the patch on its
// standard input to files (patch, git apply), rather than only checking
// or describing it.
func appliesPatch(c *shell.Command) bool {
	args := c.Args
	switch c.Name {
	case "patch", "gpatch":
	case "git":
		k := 0
		for k < len(args) && strings.HasPrefix(args[k], "-") {
			if args[k] == "-C" || args[k] == "-c" {
				k++
			}
			k++
		}
		if k >= len(args) || args[k] != "apply" {
			return false
		}
		args = args[k+1:]
	default:
		return false
	}
	for _, a := range args {
		switch a {
		case "--check", "--stat", "--numstat", "--summary", "--dry-run", "-R", "--reverse":
			return false
		}
	}
	return true
}

// patchFile is one file a patch changes and the text it adds there.
type patchFile struct{ path, added string }

// patchFiles reads the files of a patch: the "*** Update File: P" and
// "*** Add File: P" sections of an apply_patch envelope, and the "+++ P"
// headers of a unified diff (a/ and b/ prefixes dropped), each with the
// lines added under it.
func patchFiles(v string) []patchFile {
	var out []patchFile
	var added []string
	flush := func() {
		if len(out) > 0 {
			out[len(out)-1].added = strings.Join(added, "\n")
		}
		added = added[:0]
	}
	for l := range strings.SplitSeq(v, "\n") {
		switch {
		case strings.HasPrefix(l, "*** Update File: ") || strings.HasPrefix(l, "*** Add File: "):
			flush()
			_, p, _ := strings.Cut(l, ": ")
			out = append(out, patchFile{path: strings.TrimSpace(p)})
		case strings.HasPrefix(l, "+++ "):
			flush()
			p := strings.TrimSpace(strings.TrimPrefix(l, "+++ "))
			if p, _, ok := strings.Cut(p, "\t"); ok || p != "" {
				if p == "/dev/null" {
					continue
				}
				p = strings.TrimPrefix(strings.TrimPrefix(p, "b/"), "a/")
				out = append(out, patchFile{path: p})
			}
		case strings.HasPrefix(l, "+") && len(out) > 0:
			added = append(added, l[1:])
		}
		if len(out) >= 32 {
			break
		}
	}
	flush()
	return out
}

// nestedContent joins the text that the objects of x's lists put in a
// file (the edits of an edit tool), one a line.
func nestedContent(x map[string]any, keys []string) string {
	var parts []string
	for _, k := range keys {
		list, ok := x[k].([]any)
		if !ok {
			continue
		}
		for _, e := range list {
			m, ok := e.(map[string]any)
			if !ok {
				continue
			}
			for mk, mv := range m {
				if s, ok := mv.(string); ok && s != "" && isContentKey(strings.ToLower(keySeparators.Get().Replace(mk))) {
					parts = append(parts, s)
				}
			}
		}
	}
	return strings.Join(parts, "\n")
}

// notebookCell returns the code of a notebook cell of type code: its
// source as a string or as the list of lines notebooks store.
func notebookCell(x map[string]any) string {
	if t, _ := x["cell_type"].(string); t != "code" {
		if t, _ := x["cellType"].(string); t != "code" {
			return ""
		}
	}
	switch s := x["source"].(type) {
	case string:
		return s
	case []any:
		var b strings.Builder
		for _, l := range s {
			if t, ok := l.(string); ok {
				b.WriteString(t)
			}
		}
		return b.String()
	}
	return ""
}

// secretKindKeys name what a tool acts on: a resource's kind or type, an
// API operation.
var secretKindKeys = table.Map[string, bool]{Words: "kind resourcetype resource type operationname operation action resourcekind"}

// readsSecret reports whether the call reads a secret's value: its tool's
// name has a verb that shows what it names (get, read, show, reveal,
// download) and names a credential, itself or in the kind of resource or
// the operation its arguments give; or the operation alone does
// (get-secret-value). A listing (list_secrets) shows names, not values,
// unless what it lists is values by nature (a project's environment or
// config variables, a cluster's Secret objects) or an argument asks for
// the values (include_values, decrypt, with_decryption, show_values) or
// names a secret field to return (fields: [password]).
func (w *mcpWalk) readsSecret(args map[string]any) string {
	words := ToolWords(w.tool)
	verb, list, noun, vars := false, false, false, false
	for i, word := range words {
		switch word {
		case "get", "read", "show", "reveal", "access", "fetch", "view", "decrypt", "export", "dump", "download", "retrieve", "print", "pull", "lookup":
			verb = true
		case "list", "ls", "search", "describe", "query", "find":
			list = true
		case "delete", "create", "update", "set", "put", "rotate", "add", "remove", "upsert", "write", "edit", "unset", "rename", "sync", "import":
			return ""
		}
		noun = noun || secretNoun(word)
		if i+1 < len(words) {
			noun = noun || secretPair(word, words[i+1])
			vars = vars || valuePair(word, words[i+1])
		}
		vars = vars || word == "env" || word == "envs" || word == "envvars" || word == "dotenv" ||
			word == "tfstate" || word == "statefile" || word == "state" && iacServer(w.server, words)
		if (word == "variable" || word == "variables" || word == "vars") && variableContext(words, args) {
			vars = true
		}
	}
	store := secretStoreServer(w.server)
	if store && !noun && !list && (storeItem(words) || storeItemArg(args) || verb && storeOpens(words)) && !fieldsChosen(args) {
		// mcpsecretstores.go: 1password item_reveal, vault kv_read,
		// passbolt decrypt_resource, a store's entry {name}
		verb, noun = true, true
	}
	if !verb && !list {
		// a name of nouns alone (service_variables) gets what it names
		if !vars {
			return ""
		}
		verb = true
	}
	if what := revealArg(args, 0); what == "-" {
		return "" // the caller asked for no values (decrypt: false)
	} else if what != "" && (noun || vars || store || !valuesKey(what)) {
		return w.tool + " " + what
	}
	for k, v := range args {
		s, ok := v.(string)
		if !ok || !secretKindKeys.Get(strings.ToLower(keySeparators.Get().Replace(k))) {
			continue
		}
		lv, r, n := strings.ToLower(s), false, false
		for _, part := range strings.FieldsFunc(lv, func(c rune) bool { return c == '-' || c == '_' || c == ':' || c == '/' || c == '.' }) {
			switch part {
			case "get", "read", "show", "reveal", "access", "decrypt", "export":
				r = true
			case "describe", "delete", "create", "update", "put", "rotate":
				return ""
			}
			n = n || secretNoun(part)
		}
		// a cluster's Secret objects, listed or got, come with their data
		if n && (verb || r || list) {
			return w.tool + " " + s
		}
	}
	switch {
	case verb && (noun || vars):
		return w.tool
	case list && vars:
		return w.tool
	}
	return ""
}

// secretNoun: a word that names a credential's value.
func secretNoun(w string) bool {
	switch w {
	case "secret", "secrets", "password", "passwords", "credential", "credentials", "creds", "token", "tokens", "apikey", "apikeys", "kubeconfig", "passphrase", "privatekey", "totp",
		// a wallet's seed phrase, every key it holds (get_mnemonic)
		"mnemonic", "mnemonics", "seedphrase":
		return true
	}
	return false
}

// secretPair: two words of a name that together name a credential
// (api key, access keys, private key, client secret, connection string).
func secretPair(a, b string) bool {
	switch a {
	case "api", "access", "private", "signing", "secret", "service", "deploy", "master":
		return b == "key" || b == "keys"
	case "connection":
		return b == "string" || b == "strings"
	case "seed", "recovery":
		// a wallet's seed or recovery phrase (export_seed_phrase)
		return b == "phrase" || b == "phrases" || b == "words"
	}
	return false
}

// valuePair: two words of a name that together name variables handed to
// an application, whose values are its secrets (env vars, config vars,
// environment variables).
func valuePair(a, b string) bool {
	switch a {
	case "env", "config", "environment", "app", "ci", "pipeline", "project", "group", "repo", "repository", "site", "service", "deployment", "workspace", "runtime":
		return b == "vars" || b == "var" || b == "variables" || b == "variable"
	}
	return false
}

// variableContext reports whether "variables" in a tool's name are an
// application's (a project's, an environment's, a service's): said by
// another word of the name or by what the arguments identify, as a
// debugger's frame variables are not.
func variableContext(words []string, args map[string]any) bool {
	for _, w := range words {
		switch w {
		case "project", "projects", "env", "environment", "app", "application", "ci", "pipeline", "group", "repo", "repository", "site", "service", "deployment", "workspace", "stage":
			return true
		}
	}
	for k := range args {
		switch strings.ToLower(keySeparators.Get().Replace(k)) {
		case "project", "projectid", "projectref", "environment", "environmentid", "env", "app", "appid", "appname", "service", "serviceid", "site", "siteid", "repo", "repository", "workspace", "workspaceid", "group", "groupid", "pipeline", "stage":
			return true
		}
	}
	return false
}

// iacServer: an infrastructure-as-code service or a state version, whose
// state holds every secret the resources were given.
func iacServer(server string, words []string) bool {
	s := strings.ToLower(server)
	for _, x := range []string{"terraform", "tofu", "pulumi", "tfc", "spacelift", "scalr", "env0"} {
		if strings.Contains(s, x) {
			return true
		}
	}
	for _, w := range words {
		if w == "terraform" || w == "tofu" || w == "pulumi" {
			return true
		}
	}
	return false
}

// revealKeys name arguments that ask a reading or listing tool for the
// secrets' values rather than their names.
var revealKeys = table.Map[string, bool]{Words: `includevalues includevalue withvalues showvalues showvalue
	revealvalues reveal decrypt decrypted withdecryption
	showsecrets showsecret includesecrets unmask unmasked
	plaintext expose showpasswords showpassword includepasswords`}

// fieldKeys name arguments that choose which fields a read returns.
var fieldKeys = table.Map[string, bool]{Words: "fields field select attributes properties columns fieldnames include"}

// revealArg returns what in args asks for a secret's value: a reveal flag
// set, or a field list naming a secret, in args or one object below.
func revealArg(args map[string]any, depth int) string {
	for k, v := range args {
		kk := strings.ToLower(keySeparators.Get().Replace(k))
		switch {
		case revealKey(kk) && truthy(v):
			return k
		case revealKey(kk) && isFalse(v):
			return "-"
		case fieldKeys.Get(kk) && namesSecretField(v):
			return k
		}
		if m, ok := v.(map[string]any); ok && depth == 0 {
			if what := revealArg(m, 1); what != "" {
				return what
			}
		}
	}
	return ""
}

// isFalse: false, "false", "no", 0.
func isFalse(v any) bool {
	switch x := v.(type) {
	case bool:
		return !x
	case string:
		switch strings.ToLower(x) {
		case "false", "no", "0", "off":
			return true
		}
	case float64:
		return x == 0
	}
	return false
}

// revealArg's answer "-" means a reveal flag is given false.

// truthy: true, "true", "yes", 1.
func truthy(v any) bool {
	switch x := v.(type) {
	case bool:
		return x
	case string:
		switch strings.ToLower(x) {
		case "true", "yes", "1", "on":
			return true
		}
	case float64:
		return x != 0
	}
	return false
}

// namesSecretField: a field name, or a list of them, that names a secret
// (password, login.password, totp, api_key).
func namesSecretField(v any) bool {
	one := func(s string) bool {
		s = strings.ToLower(s)
		parts := strings.FieldsFunc(s, func(c rune) bool { return !(c >= 'a' && c <= 'z' || c >= '0' && c <= '9') })
		for i, p := range parts {
			if secretNoun(p) || i+1 < len(parts) && secretPair(p, parts[i+1]) {
				return true
			}
		}
		return secretNoun(keySeparators.Get().Replace(s))
	}
	switch x := v.(type) {
	case string:
		return one(x)
	case []any:
		for _, e := range x {
			if s, ok := e.(string); ok && one(s) {
				return true
			}
		}
	}
	return false
}

// judgeSecretRead judges a tool that reads a secret into the agent's context.
func (w *mcpWalk) judgeSecretRead(args map[string]any) {
	if what := w.readsSecret(args); what != "" && !w.ev.denied() {
		w.ev.judgeEffect(effect.Effect{Kind: effect.Flow, Cmd: -1, Detail: "secret->agent", Word: what + " through " + w.server}, "mcp")
	}
}
