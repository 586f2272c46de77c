package engine

import (
	"strings"

	"rampart.dev/pkg/effect"
	"rampart.dev/pkg/internal/table"
)

// A file whose commands run when someone asks for them (a CI pipeline, a
// makefile's recipe, a Terraform provisioner, an agent's instructions) is
// written to build, publish and deploy: of what its lines would do typed,
// only what would be denied outright counts (keepDenied), except for two
// kinds of step a person confirms wherever they are written, because the
// file makes them happen without that person at the keyboard:
//
//   - a step that names production (kubectl --context prod apply, helm
//     upgrade -n production, ssh deploy@prod-web-1, flyctl deploy --app
//     acme-production) and would be asked about typed: the next push or
//     schedule deploys, restarts or migrates production;
//   - a force push (git push --force, -f, a +refspec) and would be asked
//     about typed: the job rewrites a shared branch's history.
//
// Staging and dev deploys, plain pushes and publishing stay what the file
// is for.

// keepRequested returns what counts of the command line l that a file runs
// when someone asks for it.
func keepRequested(l string) func(*result) bool {
	if !lineNamesProduction(l) && !forcePushLine(l) {
		return keepDenied
	}
	return keepKnown
}

// lineNamesProduction reports a command line with a word that has a part
// naming production (prod, production, acme-prod, PROD_DATABASE_URL).
func lineNamesProduction(l string) bool {
	for _, w := range strings.Fields(l) {
		if effect.NamesProduction(strings.Trim(w, `"'`)) {
			return true
		}
	}
	return false
}

// forcePushLine reports a command line with a git push that rewrites or
// removes a shared branch: --force, --force-with-lease, --mirror,
// --delete, a cluster of short options with f or d in it (-f, -fu, -d), or
// a refspec that starts with + (force) or : (delete). Separators end a
// command wherever they are written (git push -f&&echo ok).
func forcePushLine(l string) bool {
	l = pushSeparators.Get().Replace(l)
	git, push := false, false
	for _, w := range strings.Fields(l) {
		w = strings.Trim(w, `"'()`)
		switch {
		case w == ";":
			git, push = false, false
		case !git:
			git = w == "git" || strings.HasSuffix(w, "/git")
		case !push:
			push = w == "push"
		case strings.HasPrefix(w, "--force"), w == "--mirror", w == "--delete", w == "--prune":
			return true
		case len(w) > 1 && w[0] == '-' && w[1] != '-' && strings.ContainsAny(w[1:], "fd"):
			return true
		case len(w) > 1 && (w[0] == '+' || w[0] == ':'):
			return true
		}
	}
	return false
}

// pushSeparators set a line's command separators apart as ";".
var pushSeparators = table.Once[*strings.Replacer]{Build: func() *strings.Replacer {
	return strings.NewReplacer("&&", " ; ", "||", " ; ", ";", " ; ", "|", " ; ", "\n", " ; ")
}}
