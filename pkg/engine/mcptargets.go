package engine

import (
	"strings"

	"rampart.dev/pkg/effect"
	"rampart.dev/pkg/internal/table"
)

// What an MCP tool that changes things is pointed at, read from its
// arguments whatever the server: an argument that turns a protection off
// ({"admin_override": true}, {"bypass_rules": true}) is a protection
// bypassed, and an environment argument naming production ({"namespace":
// "production"}, a manifest's "namespace: production" line) makes the
// change production's. Tools that only look are not judged here.

// environmentKeys are the argument names that say where a change is made:
// an environment, and what runs in one or holds its data (an app, a
// database, an inventory of hosts), or the pipeline, workflow or job a
// run starts, whose name says where it ships (deploy-production), also
// with an id or name suffix (environmentId, applicationName,
// pipeline_slug: environmentKey).
var environmentKeys = table.Map[string, bool]{Build: func() map[string]bool {
	return map[string]bool{
		"namespace": true, "environment": true, "env": true, "stage": true, "context": true,
		"cluster": true, "target": true, "workspace": true, "stack": true,
		"app": true, "application": true, "database": true, "db": true, "inventory": true,
		"site": true, "deployment": true, "service": true, "function": true,
		// a job, pipeline or workflow a run is started on is named for
		// where it goes (trigger_build {"job_name": "deploy-production"})
		"job": true, "pipeline": true, "workflow": true,
	}
}}

// environmentKey reports an argument name that says where a change is
// made (environmentKeys), also with an id, name, slug, path, file or ref
// suffix (inventory_path).
func environmentKey(key string) bool {
	if environmentKeys.Get(key) {
		return true
	}
	for _, suffix := range [...]string{"id", "name", "slug", "path", "file", "ref"} {
		if t, ok := strings.CutSuffix(key, suffix); ok && t != "" && environmentKeys.Get(t) {
			return true
		}
	}
	for _, long := range [...]string{"environment", "namespace", "cluster", "database", "inventory", "application"} {
		if strings.HasSuffix(key, long) || strings.HasPrefix(key, long) {
			return true // targetEnvironment, deployNamespace, environmentKey
		}
	}
	return false
}

// databaseKey reports an argument naming a database: for a tool that runs
// a query, its statement says whether it changes anything (sharedChange).
func databaseKey(key string) bool {
	return strings.HasPrefix(key, "database") || strings.HasPrefix(key, "db")
}

// namedObjects are the objects of a tool's name whose "name" argument
// names where the change is made: sync_application {"name": "api-prod"}.
var namedObjects = []string{"application", "applications", "app", "apps", "environment", "stack", "deployment", "cluster", "database", "site"}

// environmentVariable reports an object of the form {"key": "DEPLOY_ENV",
// "value": "production"} (a pipeline's variables) whose variable says
// where a run goes and whose value names production.
func environmentVariable(x map[string]any) string {
	var name, value string
	for k, v := range x {
		s, _ := v.(string)
		switch normKey(k) {
		case "key", "name", "variable":
			name = s
		case "value":
			value = s
		}
	}
	if name == "" || !effect.NamesProduction(value) {
		return ""
	}
	for _, w := range ToolWords(name) {
		if environmentKeys.Get(w) || w == "target" || w == "stage" {
			return name + "=" + value
		}
	}
	return ""
}

// environmentVariableName reports a variable's or parameter's name whose
// words say where a run is sent (DEPLOY_ENV, target_env, deployTarget,
// TARGET_STAGE, release_environment): a pipeline's variables given as a map
// of names to values. A runtime's mode (NODE_ENV, RAILS_ENV) says how code
// runs, not where it goes.
func environmentVariableName(k string) bool {
	if len(k) > 64 {
		return false
	}
	words := splitToolWords(k)
	sends, env := false, false
	for i, w := range words {
		switch w {
		case "deploy", "deployment", "target", "release", "destination", "rollout":
			sends = true
			env = env || w == "target" && i > 0 // deployTarget: where it goes
		case "env", "environment", "stage", "namespace", "cluster":
			env = true
		}
	}
	return sends && env
}

// changesSomething reports whether an MCP tool's name says it changes
// what it names: its verb (mcpchanges.go's toolVerbs) is a changing one.
func changesSomething(tool string) bool {
	return readToolParts(tool).class == verbChange
}

// runningPlaceKey reports an argument naming where software runs or data
// lives (a cluster, a namespace, a deployment, a database, a stack), never
// where a team's record is filed: a change made there is the place's,
// whatever the tool's name ends with (update_deployment_note {namespace:
// production}).
func runningPlaceKey(key string) bool {
	for _, w := range [...]string{"cluster", "namespace", "deployment", "database", "inventory", "kubecontext"} {
		if strings.Contains(key, w) {
			return true
		}
	}
	switch key {
	case "db", "dbname", "stack", "stackname", "context", "function", "functionname":
		return true
	}
	return false
}

// bypassKey reports an argument name that turns a protection off.
func bypassKey(k string) bool {
	return strings.Contains(k, "override") || strings.Contains(k, "bypass") || k == "admin" ||
		k == "skipchecks" || k == "ignoreprotection" || k == "nochecks"
}

// changeTargets judges an object of a changing tool's arguments: a
// protection turned off, or production named where the change is made.
func (w *mcpWalk) changeTargets(x map[string]any) {
	if !changesSomething(w.tool) && actionParts(w.tool, w.args).class != verbChange || readAction(x) || readToolParts(w.tool).showsOnly() {
		return // kubectl_rollout {subCommand: status} only looks
	}
	// an issue or a comment filed under production (Sentry's environment,
	// a workspace named acme-prod), or a task filed under a project so
	// named, changes no running service; a protection turned off on one
	// is still judged
	parts := readToolParts(w.tool)
	record := parts.recordHead() && parts.carriesRecord(w.args)
	filed := parts.filedHead() // a task, filed under a project
	if kv := environmentVariable(x); kv != "" && !record {
		s := subject{tool: "destroy", text: w.tool + " with " + kv, effect: "destroy:production"}
		w.ev.judge(&s)
		return
	}
	if !w.serverSeen {
		// a server configured for production (mongodb-prod, k8s-production):
		// every change through it is production's; a query's statement
		// says for itself whether it changes anything
		w.serverSeen = true
		if w.server != "" && !w.runsQuery() && !record && effect.NamesProduction(w.server) {
			s := subject{tool: "destroy", text: w.tool + " through the server " + w.server, effect: "destroy:production"}
			w.ev.judge(&s)
			return
		}
	}
	for k, v := range x {
		key := strings.ToLower(keySeparators.Get().Replace(k))
		switch v := v.(type) {
		case bool:
			if v && bypassKey(key) {
				s := subject{tool: "destroy", text: k + " set through " + w.tool, effect: "destroy:remote"}
				w.ev.judge(&s)
				return
			}
		case string:
			if record && !runningPlaceKey(key) || filed && filingKey(k) {
				continue // a record filed under production's environment or project
			}
			if (environmentKey(key) && !(databaseKey(key) && w.runsQuery()) || key == "name" && readToolParts(w.tool).has(namedObjects...) || environmentVariableName(k)) && effect.NamesProduction(v) {
				s := subject{tool: "destroy", text: w.tool + " with " + k + " " + v, effect: "destroy:production"}
				w.ev.judge(&s)
				return
			}
			if p := manifestProduction(v); p != "" {
				s := subject{tool: "destroy", text: w.tool + " with a manifest in " + p, effect: "destroy:production"}
				w.ev.judge(&s)
				return
			}
		}
	}
}

// manifestProduction returns the value of a manifest's namespace or
// environment line ("  namespace: production") when it names production.
func manifestProduction(text string) string {
	if len(text) > 1<<16 || !strings.Contains(text, "\n") {
		return ""
	}
	for line := range strings.SplitSeq(text, "\n") {
		k, v, ok := strings.Cut(strings.TrimSpace(line), ":")
		if !ok {
			continue
		}
		k = strings.Trim(k, `"' `)
		if k != "namespace" && k != "environment" && k != "env" {
			continue
		}
		v = strings.Trim(strings.TrimSpace(v), `"',`)
		if effect.NamesProduction(v) {
			return v
		}
	}
	return ""
}
