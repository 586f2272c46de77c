package effect

import (
	"strings"

	"rampart.dev/pkg/catalog"
	"rampart.dev/pkg/internal/table"
	"rampart.dev/pkg/shell"
)

// Model hubs publish what is pushed to them: a repository on
// huggingface.co (a model, a dataset, a Space) is a place others read,
// as a package registry is, so an upload there is destroy:publish, as
// huggingface-cli upload is in the catalogue. The same upload has other
// spellings: a git push to the hub's URL (or to a remote the line added
// with it), the client library's upload calls (HfApi().upload_folder,
// upload_large_folder, create_commit, upload_file) and the push_to_hub
// method every model, tokenizer and dataset class has, and a training
// script's --push_to_hub option. The hub repository's owner ("dev/x")
// names the user, not a development place, so the delivery-to-dev
// reading of SDK uploads (codecalls.go) does not apply here.

// hubHosts are the model hubs' git and API hosts.
var hubHosts = table.Map[string, bool]{Words: "huggingface.co hf.co www.huggingface.co"}

// hubPublishCalls are the calls that publish what they are given to the
// hub, each with what code must hold for it to be the hub's: push_to_hub
// is every model's, tokenizer's and dataset's; the others are the hub
// client's own names (boto3 has an upload_file too).
var hubPublishCalls = []struct{ call, client string }{
	{"push_to_hub(", ""},
	{"upload_folder(", "huggingface_hub"}, {"upload_large_folder(", "huggingface_hub"},
	{"create_commit(", "huggingface_hub"}, {"upload_file(", "huggingface_hub"},
	{"uploadFiles(", "@huggingface/hub"}, {"uploadFile(", "@huggingface/hub"},
	{"uploadFilesWithProgress(", "@huggingface/hub"}, {"uploadFileWithProgress(", "@huggingface/hub"}, {"commit(", "@huggingface/hub"},
	{"git_push(", "huggingface_hub"}, {"push_to_hub=True", ""},
}

// codeHubPublish returns the hub-publishing call inline code makes, or "".
// push_to_hub=False (a keyword, not a call) publishes nothing; a longer
// name ending in one (my_upload_file() is another.
func codeHubPublish(code string) string {
	for _, p := range hubPublishCalls {
		if p.client != "" && !strings.Contains(code, p.client) {
			continue
		}
		for k := 0; ; {
			j := strings.Index(code[k:], p.call)
			if j < 0 {
				break
			}
			at := k + j
			k = at + len(p.call)
			if at > 0 && isIdentByte(code[at-1]) {
				continue
			}
			return strings.TrimSuffix(p.call, "(")
		}
		if name, ok := strings.CutSuffix(p.call, "("); ok && p.client != "" && hubCallByName(code, name) {
			return name
		}
	}
	return ""
}

// hubCallByName reports the hub client's method reached without its call
// parentheses: by its name as a string (getattr(api, 'upload_folder')) or
// handed on as a value (api.run_as_future(api.upload_folder, …)).
func hubCallByName(code, name string) bool {
	for k := 0; ; {
		j := strings.Index(code[k:], name)
		if j < 0 {
			return false
		}
		at := k + j
		k = at + len(name)
		if at == 0 || k >= len(code) {
			continue
		}
		before, after := code[at-1], code[k]
		if (before == '\'' || before == '"') && after == before || before == '.' && (after == ',' || after == ')') {
			return true
		}
	}
}

// hubPushOption reports an option of a command's own that pushes what it
// trains to a model hub (python train.py --push_to_hub, --push-to-hub,
// --push_to_hub=true), before any "--".
func hubPushOption(args []string) string {
	for _, w := range args {
		if w == "--" {
			return ""
		}
		name, val, has := strings.Cut(w, "=")
		if name != "--push_to_hub" && name != "--push-to-hub" {
			continue
		}
		if has && (strings.EqualFold(val, "false") || val == "0") {
			continue
		}
		return name
	}
	return ""
}

// hubRemote reports a git remote, by URL, on a model hub.
func hubRemote(u string) bool {
	if !strings.Contains(u, "://") && !strings.Contains(u, "@") {
		return false
	}
	return hubHosts.Get(gitURLHost(u))
}

// remoteURLOnLine gives the URL a git remote add (or set-url) earlier on
// the line gave the remote name, or "".
func remoteURLOnLine(res *shell.Result, i int, name string) string {
	url := ""
	for k := 0; k < i && k < len(res.Commands); k++ {
		c := &res.Commands[k]
		if c.Name != "git" {
			continue
		}
		var pos []string
		for _, w := range c.Args {
			if !strings.HasPrefix(w, "-") {
				pos = append(pos, w)
			}
		}
		if len(pos) >= 4 && pos[0] == "remote" && (pos[1] == "add" || pos[1] == "set-url") && pos[2] == name {
			url = pos[3]
		}
	}
	return url
}

// pushesToHub adds destroy:publish for a git push whose remote (a URL, or
// a name the line gave a hub URL) is a model hub's repository.
func (a *analysis) pushesToHub(i int, c *shell.Command, cl *catalog.Classified) bool {
	for _, w := range cl.Words {
		if w.Option != "" {
			continue
		}
		remote := w.Text
		if !strings.Contains(remote, "/") {
			remote = remoteURLOnLine(a.res, i, remote)
		}
		if remote != "" && hubRemote(remote) {
			a.add(Effect{Kind: Destroy, Cmd: i, Detail: "publish", Word: c.Name + " push to " + remote + ", a model hub repository others read"})
			return true
		}
		return false // the first operand is the remote
	}
	return false
}

// codeHubPublishes adds destroy:publish for interpreter code, or a
// command's own option, that publishes to a model hub.
func (a *analysis) codeHubPublishes(i int, c *shell.Command, code string) {
	if call := codeHubPublish(code); call != "" {
		a.add(Effect{Kind: Destroy, Cmd: i, Detail: "publish", Word: c.Name + " calls " + call + ", which publishes to a model hub"})
	}
}

// modelPushVerbs are, for model servers kept out of the catalogue (whose
// other verbs keep an unknown program's readings: exposes.go), the verbs
// that publish a model to their registry: ollama push sends a model to
// registry.ollama.ai, where others pull it.
var modelPushVerbs = table.Map[string, string]{Words: "ollama", Build: func() map[string]string {
	return map[string]string{"ollama": "push"}
}}

// hubPushed adds destroy:publish for a command given an option of its own
// that pushes to a model hub (hubPushOption), or a model server's publishing
// verb (modelPushVerbs).
func (a *analysis) hubPushed(i int, c *shell.Command) {
	if o := hubPushOption(c.Args); o != "" {
		a.add(Effect{Kind: Destroy, Cmd: i, Detail: "publish", Word: c.Name + " " + o + ": what it trains is published to a model hub"})
		return
	}
	verb, ok := modelPushVerbs.Lookup(c.Name)
	if !ok {
		return
	}
	for _, w := range c.Args {
		if w == "" || w[0] == '-' {
			continue
		}
		if w == verb {
			a.add(Effect{Kind: Destroy, Cmd: i, Detail: "publish", Word: c.Name + " " + verb + ": a model published to its registry"})
		}
		return
	}
}
