package engine

import (
	"fmt"
	"strings"

	"rampart.dev/pkg/call"
	"rampart.dev/pkg/effect"
	"rampart.dev/pkg/internal/table"
	"rampart.dev/pkg/verbs"
)

// The lexicon of MCP tool verbs (pkg/verbs/toolverbs.txt): every verb a tool's name
// may start its action with, by class (read, change, destroy, wipe,
// disable, overwrite, transfer, publish), with two-word phrases read as
// one verb (tear_down, shut_down). A name is split into words however it
// is written (ToolWords: snake, camel, kebab, dotted), its verb found
// (readToolParts), and what the class does to the name's objects decides:
// a tool that destroys, or empties a store (clear_all, empty_bucket,
// teardown_project), is denied; one that disables, overwrites, hands over
// or publishes what it names asks (deactivate_users, dns_records_overwrite).
// A new spelling of a known class is a line of data, not a rule.

// toolVerbsText is the lexicon (pkg/verbs/toolverbs.txt), which the
// reading of an unknown program's verbs shares.
var toolVerbsText = verbs.Text

// verbKind is a change verb's class beyond "change": "destroy", "wipe",
// "reset", "disable", "overwrite", "transfer" or "publish"; "" for the
// others.
type verbKind = string

// toolLexicon is toolverbs.txt read, on first use.
type toolLexicon struct {
	verbs   map[string]verbClass // the words that can be a tool name's verb, read or change
	kinds   map[string]verbKind  // the change verbs' classes beyond a plain change
	phrases map[string]string    // two words read as one verb: "tear down" → teardown
}

var lexicon = table.Once[*toolLexicon]{Build: func() *toolLexicon { return loadToolVerbs(toolVerbsText) }}

var (
	// toolVerbs are the words that can be a tool name's verb, read or change.
	toolVerbs = table.Map[string, verbClass]{Build: func() map[string]verbClass { return lexicon.Get().verbs }}
	// toolVerbKinds are the change verbs' classes beyond a plain change.
	toolVerbKinds = table.Map[string, verbKind]{Build: func() map[string]verbKind { return lexicon.Get().kinds }}
	// toolVerbPhrases read two words as one verb: "tear down" → teardown.
	toolVerbPhrases = table.Map[string, string]{Build: func() map[string]string { return lexicon.Get().phrases }}
)

// loadToolVerbs reads the lexicon. A malformed line is a programming
// error in an embedded file, and panics at start-up (its test loads it).
func loadToolVerbs(text string) *toolLexicon {
	lx := &toolLexicon{verbs: map[string]verbClass{}, kinds: map[string]verbKind{}, phrases: map[string]string{}}
	for line := range strings.SplitSeq(text, "\n") {
		line = strings.TrimSpace(line)
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		class, words, ok := strings.Cut(line, ":")
		if !ok {
			panic("toolverbs.txt: no class: " + line)
		}
		class = strings.TrimSpace(class)
		if class == "phrase" {
			pair, verb, ok := strings.Cut(words, "=")
			f := strings.Fields(pair)
			if !ok || len(f) != 2 {
				panic("toolverbs.txt: bad phrase: " + line)
			}
			lx.phrases[f[0]+" "+f[1]] = strings.TrimSpace(verb)
			continue
		}
		for _, w := range strings.Fields(words) {
			if _, seen := lx.verbs[w]; seen {
				continue
			}
			switch class {
			case "read":
				lx.verbs[w] = verbRead
			case "change":
				lx.verbs[w] = verbChange
			case "destroy", "wipe", "reset", "disable", "overwrite", "transfer", "publish":
				lx.verbs[w] = verbChange
				lx.kinds[w] = class
			default:
				panic("toolverbs.txt: unknown class " + class)
			}
		}
	}
	return lx
}

// ephemeralObjects are what a wipe or destroy verb may name and lose
// nothing that matters: a cache rebuilt on demand, a screen, a selection,
// finished or temporary items (and, by its place in the name, a property
// of the input a transform hands back: transformsInput).
var ephemeralObjects = &table.Map[string, bool]{Words: "format strings cache caches console screen terminal selection selections filter filters highlight highlights input form search output completed done finished temp tmp temporary scratch draft drafts preview previews thumbnail thumbnails notification notifications badge badges breakpoint breakpoints"}

// screenObjects are the ephemeral objects that are ephemeral only as what
// a screen shows: cleared, they come back; deleted, they are a person's
// saved work (delete_form, delete_search).
var screenObjects = &table.Map[string, bool]{Words: "form input search filter filters output console screen terminal"}

// rehearses reports a name whose words make the tool rehearse or report on
// the change rather than make it: a plan, preview, estimate, draft or dry
// run before the verb or as the last word (plan_destroy, purge_preview,
// delete_dry_run); one in the middle is the object (purge_report_data).
func (p toolParts) rehearses() bool {
	for i, o := range p.words {
		if i == p.at || !rehearsalWords.Get(o) {
			continue
		}
		if i < p.at || i == len(p.words)-1 || o == "dry" {
			return true
		}
	}
	return false
}

// rehearsalWords are the words of a rehearsal or report.
var rehearsalWords = &table.Map[string, bool]{Words: "draft drafts preview dry plan estimate report"}

// splitFused reads a name written as one word (DROPTABLE, deleteall,
// purgeEverything in one case) as its verb and object when it starts with
// a verb of the lexicon beyond a plain change and the rest is a store or
// "all".
func splitFused(words []string) []string {
	if len(words) != 1 {
		return words
	}
	w := words[0]
	if _, ok := toolVerbs.Lookup(w); ok {
		return words
	}
	for k := len(w) - 3; k >= 3; k-- {
		if toolVerbKinds.Get(w[:k]) != "" && storeObjects.Get(w[k:]) {
			return []string{w[:k], w[k:]}
		}
	}
	return words
}

// storeObjects are stores a wipe empties whole (or "all" of anything).
var storeObjects = &table.Map[string, bool]{Words: "all everything bucket buckets database databases db dbs table tables collection collections index indexes indices memory memories graph knowledge store storage data dataset datasets volume volumes disk disks partition partitions drive drives filesystem filesystems queue queues stream streams topic topics records entities vault repository repo repositories repos project projects account accounts users members history backups backup snapshots snapshot"}

// wordSet is the set of a text's words (table.Words).
func wordSet(s string) map[string]bool { return table.Words(s) }

// questionWords are the read words that, ending a tool's name after its
// verb, make it a question about the change (overwrite_check,
// teardown_status, delete_preview); a read word that is a thing's name
// there is what the verb acts on (delete_list: an audience list, a
// database view, a saved search).
var questionWords = &table.Map[string, bool]{Words: "check status preview validate diff compare count explain analyze draft watch inspect lookup"}

// verbKindEffect judges a tool name by its verb's class: the effect a
// destroy, wipe, disable, overwrite, transfer or publish verb has on what
// the name's other words name.
func (w *mcpWalk) verbKindEffect(args map[string]any) {
	p := readToolParts(w.tool)
	named := p.verb != "" // the name's own verb, which no action argument changes
	if !named {
		p = actionParts(w.tool, args)
	}
	kind := toolVerbKinds.Get(p.verb)
	if kind == "" || p.showsOnly() || p.rehearses() || !named && readAction(args) {
		return
	}
	if named && p.at == 0 && serverWord(w.server, p.verb) {
		return // zap_spider on OWASP ZAP's server: the product's name, not a verb
	}
	if last := p.words[len(p.words)-1]; p.at < len(p.words)-1 && questionWords.Get(last) && !p.has("and", "then") {
		return // overwrite_check, teardown_status: a question about the change
	}
	if named && w.localFileDeletes(p, args) {
		return // delete_directory {path: dist}: judged as rm -rf dist (mcpfiledeletes.go)
	}
	if w.disposable || localClusterArgs(w.server, w.tool, args) || kind == "destroy" && ordinaryPid(p, args) {
		return
	}
	ephemeral, store := false, p.objectCount() == 0 || argTrue(args, "all") || argTrue(args, "all_databases") || argTrue(args, "alldatabases")
	for i, o := range p.words {
		if i == p.at {
			continue
		}
		// a form, an input or a search a wipe clears is the screen's;
		// one a destroy verb deletes is what people filled in or saved
		ephemeral = ephemeral || ephemeralObjects.Get(o) && (kind != "destroy" || !screenObjects.Get(o)) || transformsInput(p.words, i)
		store = store || storeObjects.Get(o)
	}
	if kind == "destroy" && w.deletesItems(p, args) {
		return // delete_comment {id}, delete_branch {branch: feat/x}: those items only (mcpitems.go)
	}
	if kind == "reset" {
		if !store {
			return // git_reset, reset_password: a change like any other
		}
		kind = "wipe"
	}
	what, effect := "", ""
	switch {
	case (kind == "destroy" || kind == "wipe") && ephemeral && !store:
		return // clear_cache, delete_completed_todo: nothing that matters is lost
	case kind == "destroy" || kind == "wipe" && store:
		what, effect = "destroying or emptying what it names ("+p.verb+")", "destroy:tool-"+kind
	case kind == "wipe":
		what, effect = "clearing what it names ("+p.verb+")", "destroy:tool-clear"
	default:
		what, effect = kind+" ("+p.verb+")", "destroy:tool-"+kind
	}
	s := subject{tool: "destroy", text: "a tool named for " + what + ": " + w.tool, effect: effect}
	w.ev.judge(&s)
}

// unseenImage judges the image an MCP tool that runs or creates something
// is given (run_container {image}, create_service {image}): one from a
// publisher nobody here has vetted at a moving tag is unknown code, as
// docker run of it is (effect/unseen.go).
func (w *mcpWalk) unseenImage(args map[string]any) {
	p := readToolParts(w.tool)
	if p.class == verbRead {
		return
	}
	for k, v := range args {
		img, ok := v.(string)
		if !ok {
			continue
		}
		switch normKey(k) {
		case "image", "imagename", "containerimage", "imageref", "fromimage":
			if !effect.KnownImageWord(img) {
				w.ev.judgeEffect(effect.Effect{Kind: effect.Unknown, Cmd: -1, Detail: "package", Word: w.tool + " runs the image " + img + " from a publisher nobody here has vetted, at a tag that moves"}, call.ToolExec)
			}
		}
	}
}

// localClusterArgs reports whether an MCP call to a cluster's server or
// tool (kubernetes, helm, delete_pod) is pointed, by a context argument,
// at a cluster on this machine (kind-dev, minikube), and no argument
// points it at another API server or kubeconfig: what it destroys there
// is the developer's own disposable cluster's, as kubectl --context
// kind-dev delete is (effect/localcluster.go). A context argument on
// another service's tool (delete_repository {context: kind-dev}) says
// nothing of where its change lands.
func localClusterArgs(server, tool string, args map[string]any) bool {
	if !clusterCall(server, tool) {
		return false
	}
	local := false
	for k, v := range args {
		nk := normKey(k)
		switch nk {
		case "context", "kubecontext", "kubeconfigcontext", "contextname":
			s, ok := v.(string)
			if !ok || !effect.LocalContext(s) {
				return false
			}
			local = true
			continue
		}
		if pointsElsewhere(nk, v, 0) {
			return false // kubeconfig_path, api_server_url, endpoint, token, {env: {KUBECONFIG: …}}
		}
	}
	return local
}

// pointsElsewhere reports an argument that points a cluster call at
// another API server or kubeconfig: by its key, or by a key or a
// KUBECONFIG=… inside it.
func pointsElsewhere(nk string, v any, depth int) bool {
	for _, w := range elsewhereKeyWords {
		if strings.Contains(nk, w) {
			return true
		}
	}
	switch x := v.(type) {
	case string:
		return strings.Contains(strings.ToUpper(x), "KUBECONFIG=") || strings.Contains(x, "--kubeconfig") || strings.Contains(x, "--server")
	case map[string]any:
		for k, e := range x {
			if depth < 3 && pointsElsewhere(normKey(k), e, depth+1) {
				return true
			}
		}
	case []any:
		for _, e := range x {
			if depth < 3 && pointsElsewhere("", e, depth+1) {
				return true
			}
		}
	}
	return false
}

// elsewhereKeyWords are the words of an argument key that point a cluster
// call at another API server or kubeconfig.
var elsewhereKeyWords = [...]string{"server", "kubeconfig", "kubeconf", "config", "token", "host", "cluster", "url", "uri", "endpoint", "cert", "address"}

// clusterWords are the words of a server's or tool's name that make it a
// cluster's: Kubernetes, its package manager, its local distributions,
// and its objects.
var clusterWords = &table.Map[string, bool]{Words: "kube kubernetes k8s kubectl helm minikube kind k3d k3s microk8s pod pods deployment deployments namespace namespaces statefulset statefulsets daemonset daemonsets replicaset replicasets configmap configmaps cronjob cronjobs ingress ingresses pvc pvcs"}

// clusterCall reports a call to a cluster's server or tool.
func clusterCall(server, tool string) bool {
	for _, w := range ToolWords(server) {
		if clusterWords.Get(w) || strings.Contains(w, "kube") || strings.Contains(w, "k8s") {
			return true
		}
	}
	for _, w := range ToolWords(tool) {
		if clusterWords.Get(w) {
			return true
		}
	}
	return false
}

// ordinaryPid reports whether a tool named for ending a process (kill_process,
// terminate_process) is given one process by a number other than 0, 1 and
// the negative ones (init, the process group, every process): that is kill
// PID, which the shell's rules let be.
func ordinaryPid(p toolParts, args map[string]any) bool {
	if !p.has("process", "proc", "pid", "session") && p.objectCount() > 0 {
		return false
	}
	n := 0
	for k, v := range args {
		switch normKey(k) {
		case "pid", "processid", "process":
		default:
			if strings.Contains(normKey(k), "signal") || normKey(k) == "force" {
				continue // how it is ended (SIGKILL, force), not which
			}
			return false // another argument: a name, a pattern, "all"
		}
		var f float64
		switch x := v.(type) {
		case float64:
			f = x
		case string:
			if _, err := fmt.Sscanf(x, "%g", &f); err != nil || strings.TrimLeft(x, "0123456789") != "" {
				return false
			}
		default:
			return false
		}
		if f < 2 || f != float64(int64(f)) {
			return false
		}
		n++
	}
	return n == 1
}

// serverWord reports whether word is the MCP server's name or one of its
// words (zap for "zap", "owasp-zap", "zap_mcp"): a tool named after its
// product (zap_spider, zap_get_alerts) leads with that name, not a verb.
func serverWord(server, word string) bool {
	for _, f := range strings.FieldsFunc(strings.ToLower(server), func(r rune) bool { return r == '-' || r == '_' || r == '.' || r == ' ' || r == '/' }) {
		if f == word {
			return true
		}
	}
	return false
}
