package effect

import (
	"strings"

	"rampart.dev/pkg/catalog"
	"rampart.dev/pkg/internal/table"
	"rampart.dev/pkg/shell"
)

// A run pointed at production: work that changes whatever target it is
// given, given production.
//
//   - A CI pipeline started with an input naming production (glab ci run
//     --variables DEPLOY_ENV:production, az pipelines run … --parameters
//     env=prod): the pipeline's deploy stage runs against production, as
//     gh workflow run deploy.yml -f environment=production does.
//   - A program the catalogue does not know whose verb runs, seeds or
//     snapshots what its project defines, with an option whose value names
//     production (dbt run --target prod, dbt seed -t production): its
//     models or tables are rebuilt in production's warehouse. The same
//     run against dev, and a word naming production that is no option's
//     value (a model called prod_orders), are everyday work. A program
//     the catalogue lists with "target-verbs" names its own such verbs
//     (dbt's build, which in a program nobody listed is as often a
//     compile: vite build --mode production).
//
// Both are destroy:production.

// pipelineNouns are the words that, before a run verb, name a pipeline.
var pipelineNouns = table.Map[string, bool]{Build: func() map[string]bool {
	return map[string]bool{
		"ci": true, "pipeline": true, "pipelines": true, "workflow": true, "workflows": true, "job": true,
		"jobs": true, "trigger": true, "triggers": true, "build": true, "builds": true,
		// a scheduler's pipelines (airflow dags trigger)
		"dag": true, "dags": true,
	}
}}

// pipelineRunVerbs start a pipeline.
var pipelineRunVerbs = table.Map[string, bool]{Words: "run trigger start create retry"}

// pipelineRunVerb reports a verb that starts a pipeline, alone (run,
// trigger) or leading a word (databricks jobs run-now, trigger-build).
func pipelineRunVerb(w string) bool {
	if pipelineRunVerbs.Get(w) {
		return true
	}
	first := ""
	verbParts(w, func(p string, k int) {
		if k == 0 {
			first = p
		}
	})
	return first != w && pipelineRunVerbs.Get(first)
}

// targetRunVerbs are an unknown program's verbs that rebuild what its
// project defines in the target it is pointed at.
var targetRunVerbs = table.Map[string, bool]{Words: "run seed snapshot run-operation refresh"}

// runsAgainstProduction adds destroy:production for a pipeline run of a
// cloud or unknown CLI given production, or an unknown program's run
// verb with an option naming production.
func (a *analysis) runsAgainstProduction(i int, c *shell.Command, cl *catalog.Classified) {
	e := cl.Entry
	unknown := a.readsVerbs(i, cl)
	if c.Name == "" || !unknown && (e == nil || e.Prop("cloud") == "") || helpOrDryRunOf(cl, c.Args) {
		return
	}
	pipeline, target, look := "", "", false
	prev, n := "", 0
	leadingWords(cl, 3, func(w string) bool {
		if lookVerbs.Get(w) {
			look = true
			return true
		}
		n++
		if pipelineRunVerb(w) && pipelineNouns.Get(prev) && prev != w {
			pipeline = prev + " " + w
			return true
		}
		if n == 1 && unknown && (targetRunVerbs.Get(w) || e != nil && hasWord(e.Prop("target-verbs"), w)) {
			target = w
		}
		prev = w
		return false
	})
	if look {
		return
	}
	switch {
	case pipeline != "":
		w := a.productionWord(i)
		if w == "" && a.pointsAtProduction(i, c) {
			w = "production"
		}
		if w != "" {
			a.add(Effect{Kind: Destroy, Cmd: i, Detail: "production", Word: c.Name + " " + pipeline + " with " + w})
		}
	case target != "" && (a.pointsAtProduction(i, c) || targetNamesProduction(cl)):
		a.add(Effect{Kind: Destroy, Cmd: i, Detail: "production", Word: c.Name + " " + target + " against production"})
	}
}

// targetOptions are the options whose value names the environment a run
// works in (dbt -t, --target; --env).
var targetOptions = table.Map[string, bool]{Words: "-t --target -e --env --environment"}

// targetNamesProduction reports a target option whose value names
// production anywhere in its parts, however it is written (-tprod,
// --target prod_us, -t prod-eu, --target=eu-production): an
// environment's name says where it is, whatever else it adds.
func targetNamesProduction(cl *catalog.Classified) bool {
	for _, w := range cl.Words {
		if w.Option == "" || !targetOptions.Get(w.Option) || strings.Contains(w.Text, "$") {
			continue
		}
		var pb [8]string
		for _, p := range taskParts(pb[:0], w.Text) {
			if isProductionName(p) {
				return true
			}
		}
	}
	return false
}
