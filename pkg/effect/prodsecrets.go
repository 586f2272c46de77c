package effect

import (
	"strings"

	"rampart.dev/pkg/catalog"
	"rampart.dev/pkg/shell"
)

// A command a secrets manager runs with production's secrets (doppler run
// --config prd -- ./scripts/migrate.sh, infisical run --env=prod -- npm
// run db:migrate, aws-vault exec prod -- ./bin/task, dotenvx run -f
// .env.production -- node job.js): whatever it does, it does with
// production's logins, to production. It is destroy:production, as a
// change against production is; the same run with a development
// environment's secrets is everyday work, and so is a look or a dry run
// with production's (aws-vault exec prod -- terraform plan).

// productionSecretsRun adds destroy:production for a command run by a
// wrapper that gives it a secrets store's environment (runsWithSecrets)
// when one of the wrapper's words, or an option's value, names
// production.
func (a *analysis) productionSecretsRun(i int, c *shell.Command, cl *catalog.Classified) {
	if len(c.Via) == 0 || helpOrDryRunOf(cl, c.Args) || cl.Entry != nil && cl.Entry.Prop("targets") == "" && leadingWords(cl, 3, lookVerbs.Get) {
		return // (a script's own words, a task runner's targets, are no verbs anyone defined)
	}
	for k, v := range c.Via {
		args := a.viaArgs(i, c, k)
		if !runsWithSecrets(v, args) {
			continue
		}
		for _, w := range args {
			if strings.HasPrefix(w, "-") {
				_, val, ok := strings.Cut(w, "=")
				if !ok {
					continue
				}
				w = val
			}
			if namesProduction(w) {
				a.add(Effect{Kind: Destroy, Cmd: i, Detail: "production", Word: v + " runs " + c.Name + " with the secrets of " + w})
				return
			}
		}
	}
}
