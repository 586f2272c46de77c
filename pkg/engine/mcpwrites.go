package engine

import (
	"strings"

	"rampart.dev/pkg/effect"
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
		kk := strings.ToLower(keySeparators.Replace(k))
		switch {
		case p == "" && w.keyKind(k) == keyPath:
			p = s
		case content == "" && isContentKey(kk):
			content = s
		}
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
var secretKindKeys = map[string]bool{"kind": true, "resourcetype": true, "resource": true, "type": true, "operationname": true, "operation": true, "action": true, "resourcekind": true}

// readsSecret reports whether the call reads a secret: its tool's name has
// a verb that shows what it names (get, read, show, reveal, access) and
// names a credential, itself or in the kind of resource or the operation
// its arguments give; or the operation alone does (get-secret-value). A
// listing (list_secrets) shows names, not values.
func (w *mcpWalk) readsSecret(args map[string]any) string {
	verb, noun := false, false
	for _, word := range ToolWords(w.tool) {
		switch word {
		case "get", "read", "show", "reveal", "access", "fetch", "view", "decrypt", "export", "dump":
			verb = true
		case "list", "ls", "search", "describe", "delete", "create", "update", "set", "put", "rotate":
			return ""
		}
		noun = noun || secretNoun(word)
	}
	for k, v := range args {
		s, ok := v.(string)
		if !ok || !secretKindKeys[strings.ToLower(keySeparators.Replace(k))] {
			continue
		}
		lv, r, n := strings.ToLower(s), false, false
		for _, part := range strings.FieldsFunc(lv, func(c rune) bool { return c == '-' || c == '_' || c == ':' || c == '/' || c == '.' }) {
			switch part {
			case "get", "read", "show", "reveal", "access", "decrypt", "export":
				r = true
			case "list", "describe", "delete", "create", "update", "put", "rotate":
				return ""
			}
			n = n || secretNoun(part)
		}
		if n && (verb || r) {
			return w.tool + " " + s
		}
	}
	if verb && noun {
		return w.tool
	}
	return ""
}

// secretNoun: a word that names a credential's value.
func secretNoun(w string) bool {
	switch w {
	case "secret", "secrets", "password", "passwords", "credential", "credentials", "creds", "token", "tokens", "apikey", "kubeconfig":
		return true
	}
	return false
}

// judgeSecretRead judges a tool that reads a secret into the agent's context.
func (w *mcpWalk) judgeSecretRead(args map[string]any) {
	if what := w.readsSecret(args); what != "" && !w.ev.denied() {
		w.ev.judgeEffect(effect.Effect{Kind: effect.Flow, Cmd: -1, Detail: "secret->agent", Word: what + " through " + w.server}, "mcp")
	}
}
