package engine

import (
	"path"
	"strconv"
	"strings"

	"rampart.dev/pkg/call"
	"rampart.dev/pkg/effect"
	"rampart.dev/pkg/internal/table"
)

// Destruction an MCP call carries in an argument rather than in its name's
// verb: a push or ref update forced onto a protected branch (force: true, a
// "+" refspec, a force_push tool), a target dropped before it is replaced
// (dropTarget, if_exists: replace, WRITE_TRUNCATE), a retention setting
// that expires a topic's data at once (retention.ms: 1), stateful
// resources replaced by an IaC run (replace: [rds…]), a file's mode set
// through a permissions tool (mode 0777, recursive), and a database dump
// or export shared with anyone. The name's verb lexicon is mcpchanges.go's;
// these read what the arguments say whatever the verb.

// argumentDestroys judges the arguments of an MCP call for the
// destruction they carry.
func (w *mcpWalk) argumentDestroys(args map[string]any) {
	if args == nil || w.ev.denied() {
		return
	}
	words := ToolWords(w.tool)
	if lookingName(words) {
		return
	}
	judge := func(what, eff string) {
		if !w.ev.denied() {
			s := subject{tool: "destroy", text: what + " through " + w.tool, effect: eff}
			w.ev.judge(&s)
		}
	}
	if b := forcedProtectedRef(words, args); b != "" {
		judge("history of the branch "+b+" overwritten or deleted", "destroy:shared-change")
	}
	if k := dropsTarget(words, args, 0); k != "" {
		judge("the existing target dropped first ("+k+")", "destroy:database")
	}
	if k := purgeSetting(args, 0); k != "" {
		judge("data expired at once by a retention setting ("+k+")", "destroy:database")
	}
	if k := protectionOff(args, 0); k != "" {
		judge("a store's protection against deletion turned off ("+k+")", "destroy:database")
	}
	if r := replacesStateful(args); r != "" && (hasWord(words, "up", "apply", "deploy", "stack", "plan", "run") || iacServer(w.server, words)) {
		judge("a stateful resource destroyed and recreated ("+r+")", "destroy:database")
	}
	if line := permissionsCommand(words, args); line != "" && !w.ev.denied() {
		w.ev.exec(line, false, call.ToolExec)
	}
	w.publicShare(words, args)
	if what := secretChange(words, args); what != "" && !w.ev.denied() {
		judge(what, "destroy:deploy")
	}
}

// secretChange reports a tool that sets, rotates or removes a shared
// service's secrets or environment variables (set_actions_secret,
// create_env {target: production}, secrets_update): what the service runs
// with changes for everyone. A secret is always shared; variables count
// when the arguments name where they live (a project, a repository, an
// app, an environment that is not a dev one).
func secretChange(words []string, args map[string]any) string {
	change, secret, vars := false, false, false
	for i, w := range words {
		switch w {
		case "create", "set", "update", "add", "put", "upsert", "delete", "remove", "unset", "rotate", "edit", "replace", "patch":
			change = true
		}
		secret = secret || secretNoun(w)
		vars = vars || w == "env" || w == "envs" || w == "envvars" || w == "variable" || w == "variables" || w == "vars"
		if i+1 < len(words) {
			vars = vars || valuePair(w, words[i+1])
		}
	}
	switch {
	case !change:
		return ""
	case secret:
		return "a shared service's secrets changed"
	case vars && (namesTarget(args) || hasKeyWord(args, "repo", "repository", "owner", "site", "siteid", "serviceid", "appid")) && !namesDevEnvironment(args) && !devTargetList(args):
		return "a shared service's environment variables changed"
	}
	return ""
}

// hasKeyWord reports whether args has a top-level key among keys
// (compared without case or separators).
func hasKeyWord(args map[string]any, keys ...string) bool {
	for k := range args {
		nk := normKey(k)
		for _, x := range keys {
			if nk == x {
				return true
			}
		}
	}
	return false
}

// lookingName: a name whose first word only looks (get_, list_, preview_).
func lookingName(words []string) bool {
	return len(words) > 0 && lookingVerb(words[0])
}

// refKeys name an argument that says which ref a push or ref update
// writes, as a branch or a refspec.
var refKeys = table.Map[string, bool]{Words: `branch branchname ref refs refspec refspecs targetbranch
	headref remoteref remotebranch destination dst spec target`}

// forcedProtectedRef returns the branch a forced push or ref update
// overwrites, or the protected branch a push deletes (":main"); "" when
// none does.
func forcedProtectedRef(words []string, args map[string]any) string {
	if !hasWord(words, "push", "ref", "refs", "branch", "branches", "reference", "sync", "update") {
		return ""
	}
	forced := hasWord(words, "force", "forced")
	for k, v := range args {
		switch normKey(k) {
		case "force", "forced", "forcepush", "forcewithlease", "forceupdate", "forceoverwrite":
			forced = forced || truthy(v)
		}
	}
	for k, v := range args {
		if !refKeys.Get(normKey(k)) {
			continue
		}
		var specs []string
		switch x := v.(type) {
		case string:
			specs = []string{x}
		case []any:
			for _, e := range x {
				if s, ok := e.(string); ok {
					specs = append(specs, s)
				}
			}
		}
		for _, spec := range specs {
			spec = strings.TrimSpace(spec)
			plus := strings.HasPrefix(spec, "+")
			spec = strings.TrimPrefix(spec, "+")
			src, dst, colon := strings.Cut(spec, ":")
			if !colon {
				dst = src
			}
			b := strings.TrimPrefix(strings.TrimPrefix(dst, "refs/"), "heads/")
			if b == "" || strings.HasPrefix(b, "tags/") {
				continue
			}
			// a forced push rewrites the branch's history wherever it
			// lands, as git push --force does; a deletion asks for a
			// protected branch only
			if plus || forced || colon && src == "" && protectedBranch(b) {
				return b
			}
		}
	}
	return ""
}

// storeWords name a data store a "drop first" argument would empty.
var storeWords = []string{"table", "tables", "collection", "collections", "index", "indexes", "indices", "dataset", "datasets",
	"database", "databases", "db", "topic", "topics", "bucket", "keyspace", "schema", "load", "import", "rename", "copy", "restore", "write"}

// dropsTarget returns the argument that has a write drop or empty its
// target first; "" when none does.
func dropsTarget(words []string, args map[string]any, depth int) string {
	store := hasWord(words, storeWords...)
	for k := range args {
		if hasWord(ToolWords(k), storeWords...) {
			store = true
		}
	}
	for k, v := range args {
		nk := normKey(k)
		switch nk {
		case "droptarget", "dropexisting", "dropfirst", "dropifexists", "deleteexisting", "cleanfirst", "purgefirst", "wipefirst", "truncatefirst":
			if truthy(v) {
				return k
			}
		case "recreate", "truncate", "purge", "wipe", "overwriteexisting":
			if store && truthy(v) {
				return k
			}
		case "writedisposition":
			if s, ok := v.(string); ok && strings.EqualFold(s, "WRITE_TRUNCATE") {
				return k + ": " + s
			}
		case "ifexists":
			if s, ok := v.(string); ok && strings.EqualFold(s, "replace") && store {
				return k + ": " + s
			}
		case "mode", "savemode", "writemode":
			if s, ok := v.(string); ok && strings.EqualFold(s, "overwrite") && store {
				return k + ": " + s
			}
		}
		if m, ok := v.(map[string]any); ok && depth < 2 {
			if r := dropsTarget(words, m, depth+1); r != "" {
				return r
			}
		}
	}
	return ""
}

// purgeSetting returns a retention setting small enough to expire a
// store's data at once (retention.ms: 1, retention.bytes: 0); "" when
// there is none. -1 (keep for ever) is not one.
func purgeSetting(args map[string]any, depth int) string {
	for k, v := range args {
		if m, ok := v.(map[string]any); ok && depth < 3 {
			if r := purgeSetting(m, depth+1); r != "" {
				return r
			}
			continue
		}
		nk := normKey(k)
		if !strings.Contains(nk, "retention") {
			continue
		}
		n, ok := argNumber(v)
		if !ok || n < 0 {
			continue
		}
		switch {
		case strings.HasSuffix(nk, "ms"):
			if n < 60000 {
				return k + "=" + strconv.FormatFloat(n, 'f', -1, 64)
			}
		case strings.HasSuffix(nk, "bytes"):
			if n < 1<<20 {
				return k + "=" + strconv.FormatFloat(n, 'f', -1, 64)
			}
		case strings.HasSuffix(nk, "seconds") || strings.HasSuffix(nk, "secs"):
			if n < 60 {
				return k + "=" + strconv.FormatFloat(n, 'f', -1, 64)
			}
		default: // minutes, hours, days, a period
			if n == 0 {
				return k + "=0"
			}
		}
	}
	return ""
}

// argNumber reads a number given as a JSON number or a numeric string.
func argNumber(v any) (float64, bool) {
	switch x := v.(type) {
	case float64:
		return x, true
	case string:
		n, err := strconv.ParseFloat(strings.TrimSpace(x), 64)
		return n, err == nil
	}
	return 0, false
}

// statefulWords name resources whose replacement loses their data.
var statefulWords = []string{"rds", "database", "db", "dbinstance", "dbcluster", "sql", "bucket", "volume", "disk", "storage",
	"dynamodb", "table", "redis", "elasticache", "efs", "s3", "postgres", "postgresql", "mysql", "mongodb", "filesystem", "snapshot"}

// replacesStateful returns a stateful resource an IaC run is told to
// replace (pulumi up --replace, terraform apply -replace); "" when none.
func replacesStateful(args map[string]any) string {
	for k, v := range args {
		switch normKey(k) {
		case "replace", "replaceunits", "replaceresources", "targetreplace", "forcereplace", "replaceaddresses":
		default:
			continue
		}
		var items []string
		switch x := v.(type) {
		case string:
			items = []string{x}
		case []any:
			for _, e := range x {
				if s, ok := e.(string); ok {
					items = append(items, s)
				}
			}
		}
		for _, it := range items {
			// a resource's address or URN is one word (aws_db_instance.main,
			// urn:pulumi:prod::app::aws:rds/instance:Instance::main)
			if !strings.ContainsAny(it, " \t\n") && hasWord(ToolWords(it), statefulWords...) {
				return it
			}
		}
	}
	return ""
}

// permissionsCommand returns the chmod a permissions tool performs
// (set_permissions {path, mode: 0777, recursive: true}), for the exec
// rules to judge; "" when the call is not one.
func permissionsCommand(words []string, args map[string]any) string {
	if !hasWord(words, "permission", "permissions", "chmod", "mode", "perms") {
		return ""
	}
	var p, mode string
	rec := false
	for k, v := range args {
		switch normKey(k) {
		case "path", "file", "target", "dir", "directory":
			p, _ = v.(string)
		case "mode", "permissions", "perms", "chmod":
			switch x := v.(type) {
			case string:
				mode = x
			case float64:
				mode = strconv.FormatFloat(x, 'f', -1, 64)
			}
		case "recursive", "recurse", "r":
			rec = truthy(v)
		}
	}
	if p == "" || mode == "" || strings.ContainsAny(mode, " \t\n;|&") {
		return ""
	}
	argv := []string{"chmod"}
	if rec {
		argv = append(argv, "-R")
	}
	return quoteArgv(append(argv, mode, p))
}

// shareWords name a tool that shares or links a file.
var shareWords = []string{"share", "shared", "sharing", "link", "links", "permission", "permissions", "visibility", "acl", "presign", "presigned", "public"}

// publicValue: an audience or visibility that is anyone at all.
func publicValue(s string) bool {
	switch strings.ToLower(strings.NewReplacer("_", "", "-", "", " ", "").Replace(s)) {
	case "anyone", "public", "anyonewithlink", "everyone", "allusers", "allauthenticatedusers", "publicread", "publicreadwrite", "world", "internet":
		return true
	}
	return false
}

// publicShare judges a file shared with anyone or linked for anyone: a
// database dump, an export or a credential so shared leaves as data does
// (denied); another file asks, as a change to what others see.
func (w *mcpWalk) publicShare(words []string, args map[string]any) {
	if !hasWord(words, shareWords...) || w.ev.denied() {
		return
	}
	public, target := false, ""
	presign := hasWord(words, "presign", "presigned")
	var walk func(m map[string]any, depth int)
	walk = func(m map[string]any, depth int) {
		for k, v := range m {
			switch x := v.(type) {
			case string:
				if publicValue(x) {
					public = true
				}
				nk := normKey(k)
				if target == "" && (strings.Contains(nk, "path") || strings.Contains(nk, "name") || strings.Contains(nk, "file") || nk == "key" || nk == "object" || nk == "title") && dataExport(x) {
					target = x
				}
			case bool:
				if x && (normKey(k) == "public" || normKey(k) == "ispublic" || normKey(k) == "anyone") {
					public = true
				}
			case map[string]any:
				if depth < 3 {
					walk(x, depth+1)
				}
			}
		}
	}
	walk(args, 0)
	switch {
	case public && target != "":
		w.ev.judgeEffect(effect.Effect{Kind: effect.Flow, Cmd: -1, Detail: "dump->network", Word: target + " shared with anyone through " + w.tool}, "mcp")
	case public || presign && target != "":
		s := subject{tool: "destroy", text: "a file shared with anyone through " + w.tool, effect: "destroy:shared-change"}
		w.ev.judge(&s)
	}
}

// dataExport reports a file name that is a database dump, a backup, an
// export of records or a credential: what a public link must not carry.
func dataExport(name string) bool {
	n := strings.ToLower(path.Base(name))
	for _, ext := range []string{".sql", ".sql.gz", ".sql.bz2", ".sql.zst", ".dump", ".pgdump", ".bak", ".bson", ".archive", ".sqlite", ".sqlite3", ".db", ".pem", ".key", ".env", ".kdbx"} {
		if strings.HasSuffix(n, ext) {
			return true
		}
	}
	if n == ".env" || strings.HasPrefix(n, "id_rsa") || strings.HasPrefix(n, "id_ed25519") || strings.Contains(n, "credentials") {
		return true
	}
	kind := strings.Contains(n, "dump") || strings.Contains(n, "backup") || strings.Contains(n, "export")
	whose := strings.Contains(n, "prod") || strings.Contains(n, "customer") || strings.Contains(n, "user") || strings.Contains(n, "order") || strings.Contains(n, "db") || strings.Contains(n, "database") || strings.Contains(n, "patient") || strings.Contains(n, "employee")
	return kind && whose
}

// protectionOff returns an argument that turns off what keeps a store from
// being deleted (DeletionProtectionEnabled: false, a volume's reclaim
// policy set to Delete); "" when none does.
func protectionOff(args map[string]any, depth int) string {
	for k, v := range args {
		nk := normKey(k)
		switch {
		case strings.Contains(nk, "deletionprotection") || strings.Contains(nk, "terminationprotection") || nk == "disableapitermination":
			if b, ok := v.(bool); ok && !b {
				return k
			}
			if s, ok := v.(string); ok && (strings.EqualFold(s, "false") || strings.EqualFold(s, "disabled")) {
				return k
			}
		case strings.HasSuffix(nk, "reclaimpolicy"):
			if s, ok := v.(string); ok && strings.EqualFold(s, "delete") {
				return k + ": " + s
			}
		}
		if m, ok := v.(map[string]any); ok && depth < 4 {
			if r := protectionOff(m, depth+1); r != "" {
				return r
			}
		}
	}
	return ""
}

// devTargetList reports a target given as a list whose every entry names
// a dev environment (vercel's target: ["development", "preview"]).
func devTargetList(args map[string]any) bool {
	for k, v := range args {
		list, ok := v.([]any)
		if !ok || len(list) == 0 || !targetKey(k) {
			continue
		}
		all := true
		for _, e := range list {
			s, ok := e.(string)
			dev := false
			if ok && !effect.NamesProduction(s) {
				for _, part := range ToolWords(s) {
					dev = dev || devParts.Get(part)
				}
			}
			all = all && dev
		}
		if all {
			return true
		}
	}
	return false
}
