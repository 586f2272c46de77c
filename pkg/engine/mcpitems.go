package engine

import (
	"strings"
	"time"

	"rampart.dev/pkg/effect"
	"rampart.dev/pkg/internal/table"
	"rampart.dev/pkg/match"
)

// An MCP tool whose verb destroys, named for one kind of item inside a
// store rather than the store (delete_comment, delete_branch,
// delete_entities, remove_container {container_id}), and given the items
// it removes by name, id or a filter that is not empty, loses those items
// and nothing else: that is everyday work, as git branch -d or DELETE …
// WHERE is. The store itself (a repository, a database, a bucket, an
// index), "all" of anything, an empty filter, a glob, or anything of
// production or of an environment others use (staging-db) is no such item,
// and the name is judged as before (mcpverbs.go). A branch is an item when
// it is a topic branch (feat/…, fix/…), not main nor one someone may keep
// work on (experiment). Some items are items only where the server or the
// arguments say what they are: a key is a cache's entry on a key-value
// server (Redis), but a cloud key service's key decrypts what it sealed; a
// container or an image is this machine's on a container engine's server,
// but a cloud storage container is a bucket; a file is an item when it is
// removed by a commit on a branch (kept in history; on main the commit
// itself asks, mcpchanges.go), never a file of this machine. A person's
// own writing (notes, documents, messages, events) is not an item here:
// what it held is gone. Every other judgement of the call still holds.

// itemObjects are the words that name one kind of item, with the kind of
// server they are items on ("" for any).
var itemObjects = table.Map[string, string]{Build: func() map[string]string {
	m := map[string]string{}
	for _, w := range strings.Fields("comment comments branch branches entity entities observation observations relation relations label labels reaction reactions item items attachment attachments artifact artifacts many") {
		m[w] = ""
	}
	for _, w := range strings.Fields("file files") {
		m[w] = "branch"
	}
	for _, w := range strings.Fields("key keys") {
		m[w] = "cache"
	}
	for _, w := range strings.Fields("container containers image images") {
		m[w] = "engine"
	}
	return m
}}

// itemServers are the words of a server's name that say what kind of
// server it is, for itemObjects.
var itemServers = table.Map[string, string]{Build: func() map[string]string {
	m := map[string]string{}
	for _, w := range strings.Fields("redis valkey keydb memcached memcache dragonfly dragonflydb") {
		m[w] = "cache"
	}
	for _, w := range strings.Fields("docker podman nerdctl containerd orbstack colima") {
		m[w] = "engine"
	}
	// a password manager's item is a login or a key: what it held is gone
	for _, w := range strings.Fields("1password onepassword bitwarden vaultwarden keeper lastpass dashlane keepass keepassxc passbolt psono") {
		m[w] = "secrets"
	}
	return m
}}

// itemKeys are the argument keys (normalised) that name what a tool whose
// name is its verb alone (delete {key}, delete {paths}) removes, with the
// item word they stand for.
var itemKeys = table.Map[string, string]{Build: func() map[string]string {
	return map[string]string{"key": "key", "keys": "key", "path": "file", "paths": "file", "file": "file", "files": "file", "filepath": "file"}
}}

// topicPrefixes are the first parts of a branch's name that say it is a
// topic branch made for one pull request (feat/…, fix/…, dependabot/…),
// deleted once merged; a branch named otherwise (experiment, develop) may
// be where someone keeps work.
var topicPrefixes = &table.Map[string, bool]{Words: "feat feature features fix fixes bugfix hotfix chore chores docs doc refactor test tests ci build perf style spike wip dependabot renovate bump deps cleanup"}

// sharedEnvParts are the parts of a name that say it is an environment
// others use (staging-db, uat): what is deleted there is theirs too.
var sharedEnvParts = &table.Map[string, bool]{Words: "staging stage stg uat preprod shared live"}

// deletesItems reports whether a destroying tool (its name read as p)
// removes named items of one kind, as above.
func (w *mcpWalk) deletesItems(p toolParts, args map[string]any) bool {
	kind := w.serverKind()
	if kind == "secrets" {
		return false // item_delete on a password manager: a credential lost
	}
	if branchKeyIn(args) && repoKeyIn(args) {
		kind = "branch" // a file removed on a branch of a repository is a commit, kept in history
	}
	if remoteHostArgs(args) || namesSharedEnvironment(w.server, 0) {
		return false // another machine's engine or cache; a production server's
	}
	objects, last := 0, -1
	for i := range p.words {
		if i != p.at {
			last = i
		}
	}
	for i, o := range p.words {
		if i == p.at {
			continue
		}
		if i != last {
			// delete_issue_comment: the words before the item say whose
			// it is, and may not name a store or all of anything
			if storeObjects.Get(o) || o == "every" {
				return false
			}
			continue
		}
		need, ok := itemObjects.Lookup(o)
		if !ok || need != "" && need != kind {
			return false // a store, or an item of another kind of server
		}
		objects++
	}
	if objects == 0 {
		// delete {key}, delete {paths}: the arguments say what it removes
		for k := range args {
			item, ok := itemKeys.Lookup(normKey(k))
			if !ok {
				continue
			}
			if need := itemObjects.Get(item); need != "" && need != kind {
				return false
			}
			objects++
		}
		if objects == 0 {
			return false
		}
	}
	if p.has("branch", "branches") && !topicBranches(args) {
		return false // main, experiment: a repository's own line, or someone's work
	}
	if namesSharedEnvironment(args, 0) {
		return false // staging-db, a production cluster's: others' things
	}
	item := ""
	if last >= 0 {
		item = p.words[last]
	}
	// delete_entities, delete_keys: a list of them, or a filter; one
	// container's id (issue 5) names all its comments
	return namesItems(args, p.has("many") || item == "" && hasListKey(args) || pluralItem(item))
}

// hasListKey reports whether a tool named by its verb alone is given its
// items by a plural key (delete {keys}, delete {paths}).
func hasListKey(args map[string]any) bool {
	for k := range args {
		if nk := normKey(k); itemKeys.Get(nk) != "" && strings.HasSuffix(nk, "s") {
			return true
		}
	}
	return false
}

// pluralItem reports an item word that names many (comments, keys).
func pluralItem(w string) bool {
	return strings.HasSuffix(w, "s") && w != "many"
}

// repoKeyIn reports whether an argument names a repository (repo, owner,
// project_id): the call works on a code host.
func repoKeyIn(args map[string]any) bool {
	for k := range args {
		switch normKey(k) {
		case "repo", "repository", "reponame", "owner", "projectid", "project", "fullname":
			return true
		}
	}
	return false
}

// remoteHostArgs reports whether an argument naming a server points at
// another machine (or at one nobody here can read).
func remoteHostArgs(args map[string]any) bool {
	for k, v := range args {
		if !mcpHostKey(normKey(k)) {
			continue
		}
		s, ok := v.(string)
		if !ok {
			return true
		}
		if l, _ := effect.LocalDatabase(s); l {
			continue
		}
		if u, ok := match.ParseURL(s); ok && loopbackHost(u.Host) {
			continue
		}
		return true
	}
	return false
}

// serverKind is what kind of server the call's server is, by its name's
// words (itemServers): "cache", "engine" or "".
func (w *mcpWalk) serverKind() string {
	for _, s := range ToolWords(w.server) {
		if k := itemServers.Get(s); k != "" {
			return k
		}
	}
	return ""
}

// namesItems reports whether a call's arguments name the items it removes:
// something is given, nothing says "all" or "everything", no value is a
// glob or a wildcard, a filter, when there is one, is not empty nor one
// that holds for anything ($exists, $ne), and a tool named for many
// (delete_keys, delete-many) is given a list of them or a filter.
func namesItems(args map[string]any, needsMany bool) bool {
	if len(args) == 0 {
		return false
	}
	filtered, listed := false, false
	for k, v := range args {
		nk := normKey(k)
		switch nk {
		case "all", "everything", "alldatabases", "recursiveall", "purge", "bulk":
			if b, ok := v.(bool); !ok || b {
				return false
			}
		case "filter", "query", "where", "selector", "match":
			f, ok := v.(map[string]any)
			if !ok || len(f) == 0 || matchesAnything(f, 0) || !narrowingFilter(f, 0) {
				return false
			}
			filtered = true
		}
		if l, ok := v.([]any); ok && len(l) > 0 {
			listed = true
		}
		if !specificValue(v, 0) {
			return false
		}
	}
	return filtered || listed || !needsMany
}

// specificValue reports whether an argument's value names things one by
// one: no string in it is empty, a wildcard or a glob.
func specificValue(v any, depth int) bool {
	if depth > maxMCPDepth {
		return false
	}
	switch x := v.(type) {
	case string:
		t := strings.TrimSpace(x)
		if k := strings.IndexByte(t, '['); k >= 0 && strings.IndexByte(t[k:], ']') > 0 {
			return false // session:[a-z]: a pattern's character class
		}
		return t != "" && !strings.ContainsAny(t, "*?`") && !strings.Contains(t, "$(") && !strings.EqualFold(t, "all") && t != "_all" && t != "%"
	case []any:
		if len(x) == 0 {
			return false
		}
		for _, e := range x {
			if !specificValue(e, depth+1) {
				return false
			}
		}
	case map[string]any:
		if len(x) == 0 {
			return false // {}: a key or filter that names nothing holds for everything
		}
		for _, e := range x {
			if !specificValue(e, depth+1) {
				return false
			}
		}
	}
	return true
}

// narrowingFilter reports a document filter that names its documents: a
// field given a value ({"email": "a@x"}), {"$eq": v}, {"$in": [...]} of
// strings or numbers, or a range with a bound that leaves some out
// (boundedRange), at its top or in an $and. A range with no such bound
// ($gt: "", $lt: "2100-01-01"), a comment, a schema or a text search holds
// for whatever a collection has.
func narrowingFilter(f map[string]any, depth int) bool {
	if depth > maxMCPDepth {
		return false
	}
	for k, v := range f {
		if k == "$and" {
			if l, ok := v.([]any); ok {
				for _, e := range l {
					if m, ok := e.(map[string]any); ok && narrowingFilter(m, depth+1) {
						return true
					}
				}
			}
			continue
		}
		if strings.HasPrefix(k, "$") {
			continue
		}
		switch x := v.(type) {
		case string, float64, bool, int, int64:
			return true
		case map[string]any:
			if e, ok := x["$eq"]; ok && e != nil {
				return true
			}
			if boundedRange(x) {
				return true
			}
			if l, ok := x["$in"].([]any); ok && len(l) > 0 {
				named := true
				for _, e := range l {
					switch e.(type) {
					case string, float64, int, int64:
					default:
						named = false
					}
				}
				if named {
					return true
				}
			}
		}
	}
	return false
}

// branchKeyIn reports whether an argument names the branch a change lands
// on.
func branchKeyIn(args map[string]any) bool {
	for k, v := range args {
		if s, ok := v.(string); ok && s != "" && branchKeys.Get(normKey(k)) {
			return true
		}
	}
	return false
}

// topicBranches reports whether every branch a call names (its branch,
// ref or name arguments, one or a list) is a topic branch (topicPrefixes)
// and not a default or protected one, and at least one is named.
func topicBranches(args map[string]any) bool {
	n := 0
	for k, v := range args {
		nk := normKey(k)
		if !branchKeys.Get(nk) && nk != "name" && nk != "branches" && nk != "names" {
			continue
		}
		var names []string
		switch x := v.(type) {
		case string:
			names = []string{x}
		case []any:
			for _, e := range x {
				s, ok := e.(string)
				if !ok {
					return false
				}
				names = append(names, s)
			}
		default:
			return false
		}
		for _, b := range names {
			b = strings.TrimPrefix(strings.TrimSpace(b), "refs/heads/")
			head, rest, ok := strings.Cut(b, "/")
			if !ok || rest == "" || strings.Contains(b, "..") || protectedBranch(b) || !topicPrefixes.Get(strings.ToLower(head)) {
				return false
			}
			n++
		}
	}
	return n > 0
}

// namesSharedEnvironment reports whether any string of the arguments names
// production or an environment others use (sharedEnvParts).
func namesSharedEnvironment(v any, depth int) bool {
	if depth > maxMCPDepth {
		return true
	}
	switch x := v.(type) {
	case string:
		if effect.NamesProduction(x) {
			return true
		}
		for _, p := range ToolWords(x) {
			if sharedEnvParts.Get(p) {
				return true
			}
		}
	case []any:
		for _, e := range x {
			if namesSharedEnvironment(e, depth+1) {
				return true
			}
		}
	case map[string]any:
		for _, e := range x {
			if namesSharedEnvironment(e, depth+1) {
				return true
			}
		}
	}
	return false
}

// anythingOperators are a document filter's operators that hold for
// nearly every document ({"_id": {"$exists": true}}, {"$ne": null}).
var anythingOperators = &table.Map[string, bool]{Words: "$exists $ne $nin $not $nor $where $expr $regex $or $type"}

// matchesAnything reports a filter that uses an operator of
// anythingOperators anywhere in it.
func matchesAnything(f map[string]any, depth int) bool {
	if depth > maxMCPDepth {
		return true
	}
	for k, v := range f {
		if anythingOperators.Get(strings.ToLower(k)) {
			return true
		}
		switch x := v.(type) {
		case map[string]any:
			if matchesAnything(x, depth+1) {
				return true
			}
		case []any:
			for _, e := range x {
				if m, ok := e.(map[string]any); ok && matchesAnything(m, depth+1) {
					return true
				}
			}
		}
	}
	return false
}

// boundedRange reports a range of a filter ({"$lt": "2024-01-01"},
// {"$gt": 18}) whose bound leaves documents out: an upper bound that is a
// past date or a number below 1e15, a lower bound that is a date or a
// positive number. An empty, null, zero or negative lower bound, or an
// upper one in years to come or beyond any count, holds for everything.
func boundedRange(r map[string]any) bool {
	year := time.Now().Year()
	for op, b := range r {
		switch op {
		case "$lt", "$lte":
			switch x := b.(type) {
			case float64:
				return x < 1e15
			case string:
				return len(x) >= 4 && strings.Trim(x[:4], "0123456789") == "" && atoiYear(x[:4]) <= year
			}
		case "$gt", "$gte":
			switch x := b.(type) {
			case float64:
				return x > 0
			case string:
				return len(x) >= 4 && strings.Trim(x[:4], "0123456789") == "" && atoiYear(x[:4]) >= 1971
			}
		}
	}
	return false
}

// atoiYear reads four digits.
func atoiYear(s string) int {
	n := 0
	for _, c := range s {
		n = n*10 + int(c-'0')
	}
	return n
}
