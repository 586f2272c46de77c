package engine

import (
	"strings"

	"rampart.dev/pkg/call"
	"rampart.dev/pkg/shell"

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
	args, _ := w.ev.c.Params["arguments"].(map[string]any)
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
				if s, ok := mv.(string); ok && s != "" && isContentKey(strings.ToLower(keySeparators.Replace(mk))) {
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
