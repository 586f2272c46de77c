package effect

import (
	"strings"

	"rampart.dev/pkg/internal/table"
)

// secretParts are whole parts of a variable's name (split on "_", any
// case) that mark it as holding a credential: DB_PASS, MYSQL_PWD,
// OPENAI_KEY, STRIPE_SK, SENTRY_DSN, github_token.
var secretParts = table.Map[string, bool]{Build: func() map[string]bool {
	return map[string]bool{
		"PASS": true, "PWD": true, "KEY": true, "SK": true, "DSN": true, "JWT": true,
		"WEBHOOK": true, "COOKIE": true, "BEARER": true, "CREDS": true, "PSK": true,
		"PASSPHRASE": true, "PGPASS": true, "PASSCODE": true,
	}
}}

// notSecretParts are parts that make a name a place, not a value: the
// path of a key file is not the key (GPG_KEY_FILE, DEPLOY_KEY_DIR).
var notSecretParts = table.Map[string, bool]{Build: func() map[string]bool {
	return map[string]bool{
		"PATH": true, "FILE": true, "DIR": true, "ID": true, "NAME": true, "TYPE": true,
	}
}}

// secretName reports whether an environment variable's name says it holds
// a credential: one of secretNames within it, or a whole part from
// secretParts (never PWD and OLDPWD, the working directories).
func secretName(name string) bool {
	if name == "" || name == "PWD" || name == "OLDPWD" {
		return false
	}
	up := strings.ToUpper(name)
	for _, s := range secretNames {
		if strings.Contains(up, s) {
			return true
		}
	}
	hit := false
	for part := range strings.SplitSeq(up, "_") {
		if notSecretParts.Get(part) {
			return false
		}
		hit = hit || secretParts.Get(part)
	}
	return hit
}

// nameByte reports whether b may be part of a variable's name.
func nameByte(b byte) bool {
	return b == '_' || b >= 'A' && b <= 'Z' || b >= 'a' && b <= 'z' || b >= '0' && b <= '9'
}
