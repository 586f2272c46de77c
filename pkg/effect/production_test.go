package effect

import "testing"

// TestProductionTask checks project runners' and migration tools' tasks
// that deploy, migrate or release to production, or publish.
func TestProductionTask(t *testing.T) {
	for line, want := range map[string]string{
		"make deploy-prod":                     "destroy:production",
		"make deploy ENV=production":           "destroy:production",
		"task deploy:prod":                     "destroy:production",
		"just deploy prod":                     "destroy:production",
		"RAILS_ENV=production rake db:migrate": "destroy:production",
		"DATABASE_URL=$PROD_DATABASE_URL npx prisma migrate deploy": "destroy:production",
		"npx knex migrate:latest --env production":                  "destroy:production",
		"make publish":                                 "destroy:publish",
		"make deploy-staging":                          "",
		"make build ENV=production":                    "",
		"make docs-publish-preview":                    "",
		"RAILS_ENV=production rails assets:precompile": "",
		"npx prisma migrate deploy":                    "",
		"make deploy-prod --dry-run":                   "",
		// an infrastructure tool's namespace, an environment first, a
		// build label's target name
		"make tf-apply ENV=production":                        "destroy:production",
		"just helm-upgrade prod":                              "destroy:production",
		"bazel run //k8s:prod.apply":                          "destroy:production",
		"bazel run //services/api:deploy -- --env=production": "destroy:production",
		"make tf-apply ENV=staging":                           "",
		"make tf-plan ENV=production":                         "",
		"bazel run //k8s:staging.apply":                       "",
		"bazel build //services/api:deploy":                   "",
		// a label without a name: its package's last directory names it
		"bazel run //tools/deploy -- --env=production": "destroy:production",
		"bazel run @infra//k8s/deploy -- prod":         "destroy:production",
		"bazel run //tools/deploy -- --env=staging":    "",
		"bazel run //services/api -- --port 8080":      "",
		"eas build --platform ios --auto-submit":       "destroy:publish",
		"eas build --platform ios --auto-increment":    "",
	} {
		effs := effectsOf(line)
		for _, d := range []string{"destroy:production", "destroy:publish"} {
			if got := hasEffect(effs, d); got != (d == want) {
				t.Errorf("%q: %s = %v, want %v (%v)", line, d, got, d == want, effs)
			}
		}
	}
}

// TestTopicDeploy checks a CLI's topic:command deploy (oclif's spelling)
// pointed at production.
func TestTopicDeploy(t *testing.T) {
	for cmd, want := range map[string]bool{
		"twilio serverless:deploy --environment production": true,
		"acmecli functions:deploy --env prod":               true,
		"acmecli functions:deploy --env staging":            false,
		"acmecli data:export --env prod":                    false,
	} {
		if got := hasEffect(effectsOf(cmd), "destroy:production"); got != want {
			t.Errorf("%s: destroy %v, want %v: %v", cmd, got, want, effectsOf(cmd))
		}
	}
}
