package effect

import (
	"strings"

	"rampart.dev/pkg/internal/table"
	"rampart.dev/pkg/verbs"
)

// What a verb-shaped word says a command does to what it manages, when
// no catalogue line lists it (drush @prod updatedb, wp @production
// search-replace, bin/console doctrine:migrations:migrate --env=prod,
// manage.py createsuperuser --settings=…production): a read (status,
// list, get, show) or a change (the shared lexicon's verbs of every other
// class, pkg/verbs, and the task and cloud verbs of this package). The
// last verb among a word's parts decides (search-replace replaces,
// migrate:status looks, doctrine:migrations:migrate migrates); a word
// that is one verb run into its object (updatedb, createsuperuser,
// changepassword) is read by that verb when it has five letters or more,
// so set in settings or add in address is none.

// verbClass returns "read" or "change" for a verb-shaped word, or "" for
// a word that names no verb.
func verbClass(w string) string {
	class, parts := "", 0
	verbParts(w, func(p string, _ int) {
		parts++
		if c := partClass(p); c != "" {
			class = c
		}
	})
	if class == "" && parts == 1 && !strings.ContainsAny(w, "-:_") {
		class = joinedVerbClass(w)
	}
	return class
}

// partClass is verbClass for one part of a word.
func partClass(p string) string {
	if lookVerbs.Get(p) || diagnoseVerbs.Get(p) {
		return "read"
	}
	if changeParts.Get(p) || taskVerbs.Get(p) {
		return "change"
	}
	if generalVerbs.Get(p) {
		return "" // dbt run, tool build: the program's own work, changing nothing by the word
	}
	if copyOutVerbs.Get(p) {
		return "read" // data:export --env prod: production read out, not changed
	}
	switch verbs.Class(p) {
	case "":
		return ""
	case "read":
		return "read"
	}
	return "change"
}

// copyOutVerbs are lexicon verbs that copy what a program manages out of
// it (an export, a mirror, a replica): what they change is elsewhere, and
// production is read.
var copyOutVerbs = table.Map[string, bool]{Words: "export mirror replicate dump backup download"}

// diagnoseVerbs are the verbs by which a program the catalogue does not
// know checks its own setup and prints what it finds (dbt debug --target
// prod, bin/console debug:router --env=prod, tool doctor): a look. A
// cluster CLI's debug (kubectl debug) adds a container to what runs, and
// is read by changeParts, not here.
var diagnoseVerbs = table.Map[string, bool]{Words: "debug doctor diagnose diag"}

// generalVerbs are lexicon verbs that say only that a program does its
// work (run, build, make a new thing, start, execute), not that it
// changes what it manages: a tool's run or build against a model named
// prod_orders is its everyday work.
var generalVerbs = table.Map[string, bool]{Words: "run build make new exec start call complete mark text"}

// joinedVerbClass reads a word that is a verb of five letters or more run
// into its object (updatedb, createsuperuser, changepassword), by its
// longest such verb.
func joinedVerbClass(w string) string {
	for k := len(w) - 2; k >= 5; k-- {
		if c := partClass(w[:k]); c != "" {
			return c
		}
	}
	return ""
}

// listedChangeVerb reports a word among the changing commands the
// catalogue lists for a program whose first operand is a command of its
// own ("change-verbs": mysqladmin shutdown, rabbitmqctl set_policy, drush
// updb).
func listedChangeVerb(w, list string) bool {
	if list == "" {
		return false
	}
	for v := range strings.SplitSeq(list, ",") {
		if v == w || strings.HasSuffix(v, "*") && strings.HasPrefix(w, strings.TrimSuffix(v, "*")) {
			return true
		}
	}
	return false
}
