package effect

import "testing"

func TestProductionSecretsRun(t *testing.T) {
	for cmd, want := range map[string]bool{
		"doppler run --config prd -- ./scripts/migrate.sh":  true,
		"infisical run --env=prod -- npm run db:migrate":    true,
		"aws-vault exec prod -- ./bin/task":                 true,
		"doppler run --config dev -- ./scripts/migrate.sh":  false,
		"infisical run --env=staging -- npm run db:migrate": false,
		"doppler run -- npm start":                          false,
	} {
		if got := hasEffect(effectsOf(cmd), "destroy:production"); got != want {
			t.Errorf("%s: destroy:production %v, want %v: %v", cmd, got, want, effectsOf(cmd))
		}
	}
}
