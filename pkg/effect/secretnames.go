package effect

import (
	"strings"

	"rampart.dev/pkg/internal/table"
)

// secretParts are whole parts of a variable's name (split on "_", any
// case) that mark it as holding a credential: DB_PASS, MYSQL_PWD, RCON_PW,
// OPENAI_KEY, STRIPE_SK, SENTRY_DSN, github_token.
var secretParts = table.Map[string, bool]{Words: `PASS PWD KEY SK DSN JWT
	WEBHOOK COOKIE BEARER CREDS PSK
	PASSPHRASE PGPASS PASSCODE`}

// notSecretParts are parts that make a name a place, not a value: the
// path of a key file is not the key (GPG_KEY_FILE, DEPLOY_KEY_DIR,
// GITHUB_TOKEN_PATH), nor the socket of an agent holding keys
// (SSH_AUTH_SOCK).
var notSecretParts = table.Map[string, bool]{Words: `PATH FILE DIR ID NAME TYPE
	SOCK SOCKET`}

// notAuthParts are parts that contain AUTH without being about
// authentication: GIT_AUTHOR_EMAIL, CERT_AUTHORITY.
var notAuthParts = table.Map[string, bool]{Words: "AUTHOR AUTHORS AUTHORITY AUTHORITIES"}

// secretName reports whether an environment variable's name says it holds
// a credential: one of secretNames within it, or a whole part from
// secretParts (never PWD and OLDPWD, the working directories). A name
// whose last part names a place (a path, file, directory or socket)
// holds no credential, and a name with a secretParts hit none when any
// part is one of notSecretParts (GPG_KEY_ID); AWS_ACCESS_KEY_ID, with a
// secretNames hit, is still one.
func secretName(name string) bool {
	if name == "" || name == "PWD" || name == "OLDPWD" || allDigits(name) {
		// (digits alone are a positional parameter's name, $1 in awk
		// '{print $1}': no secret word or part is digits alone, so the
		// look-ups below would all miss; TestSecretNameDigits)
		return false
	}
	up := strings.ToUpper(name)
	if placeParts.Get(up[strings.LastIndexByte(up, '_')+1:]) {
		return false // a place: GITHUB_TOKEN_FILE, SSH_AUTH_SOCK
	}
	if namesSecretWord(up) || schemeLocator(up) {
		return true
	}
	hit := false
	for part := range strings.SplitSeq(up, "_") {
		if notSecretParts.Get(part) {
			return false
		}
		// PW, a password's short spelling, only beside what it is for
		// (RCON_PW, IDRAC_PW): PW alone may be anything
		hit = hit || secretParts.Get(part) || part == "PW" && len(part) < len(up)
	}
	return hit
}

// schemeLocator reports a name that is a database's or a broker's URL
// (POSTGRES_URL, MYSQL_URI, CLICKHOUSE_URL, PG_URL, MONGO_PROD_URI): its
// URLs carry the login, as DATABASE_URL's do.
func schemeLocator(up string) bool {
	i := strings.LastIndexByte(up, '_')
	if i <= 0 || up[i+1:] != "URL" && up[i+1:] != "URI" {
		return false
	}
	for part := range strings.SplitSeq(up[:i], "_") {
		if p := strings.ToLower(part); loginSchemes.Get(p) || databaseShortNames.Get(p) {
			return true
		}
	}
	return false
}

// databaseShortNames are the short names a variable gives a database or a
// broker whose URL it holds (PG_URL, MONGO_PROD_URI, DB_REPLICA_URL,
// RABBITMQ_URL), beside the URL schemes themselves.
var databaseShortNames = table.Map[string, bool]{Words: "pg mongo db database rabbitmq rabbit"}

// placeParts are last parts that make a variable's name a place: a
// path, file, directory or socket (GITHUB_TOKEN_FILE, API_KEY_FILEPATH,
// SECRETS_DIR, SSH_AUTH_SOCK).
var placeParts = table.Map[string, bool]{Words: `PATH FILE DIR SOCK SOCKET
	FILEPATH FILENAME PATHNAME DIRECTORY LOCATION`}

// secretFileVar reports whether the variable name says it holds the path
// of a credential file, or of a directory of them, as container secrets
// are passed (POSTGRES_PASSWORD_FILE, GITHUB_TOKEN_PATH, SECRETS_DIR,
// CREDENTIALS_DIRECTORY): reading "$NAME" reads a credential, which the
// analysis names as one under /run/secrets. A socket is not a file read
// (SSH_AUTH_SOCK is named by credentialFileVars).
func secretFileVar(name string) bool {
	i := strings.LastIndexByte(name, '_')
	if i <= 0 {
		return false
	}
	last := strings.ToUpper(name[i+1:])
	switch {
	case !placeParts.Get(last) || last == "SOCK" || last == "SOCKET":
		return false
	case last == "DIR" || last == "DIRECTORY":
		// a directory named for a key holds certificates beside it
		// (KEY_DIR/server.crt); one named for secrets or tokens holds them
		return namesSecretWord(strings.ToUpper(name[:i]))
	}
	return secretName(name[:i])
}

// namesSecretWord reports whether the upper-cased name holds one of
// secretNames (SECRETS, TOKEN, CREDENTIALS), not only a part such as KEY.
func namesSecretWord(up string) bool {
	for _, s := range secretNames {
		if strings.Contains(up, s) && (s != "AUTH" || authPart(up)) {
			return true
		}
	}
	return false
}

// authPart reports whether some part of the upper-cased name up holds
// AUTH as authentication (GH_AUTH, OAUTH_CLIENT, AUTHORIZATION), not as
// in GIT_AUTHOR_NAME.
func authPart(up string) bool {
	for part := range strings.SplitSeq(up, "_") {
		if strings.Contains(part, "AUTH") && !notAuthParts.Get(part) {
			return true
		}
	}
	return false
}

// nameByte reports whether b may be part of a variable's name.
func nameByte(b byte) bool {
	return b == '_' || b >= 'A' && b <= 'Z' || b >= 'a' && b <= 'z' || b >= '0' && b <= '9'
}

// locatorVar reports a variable named as a connection string, which holds
// a service's address with the login to it (DATABASE_URL, MONGODB_URI,
// SENTRY_DSN, AZURE_STORAGE_CONNECTION_STRING).
func locatorVar(name string) bool {
	up := strings.ToUpper(strings.Trim(name, "${}"))
	for _, end := range []string{"_URL", "_URI", "_DSN", "_CONNECTION_STRING", "_CONN_STRING", "_CONNSTR"} {
		if strings.HasSuffix(up, end) {
			return true
		}
	}
	return up == "DSN" || up == "DATABASE_URL"
}

// allDigits reports whether name is ASCII digits alone.
func allDigits(name string) bool {
	for i := 0; i < len(name); i++ {
		if name[i] < '0' || name[i] > '9' {
			return false
		}
	}
	return true
}

// SecretVariableName reports whether an environment variable's name says
// it holds a credential (see secretName): for readers outside the effect
// analysis, such as the engine's reading of what a CI step publishes.
func SecretVariableName(name string) bool { return secretName(name) }

// InTempDir reports whether p is in a temporary directory anyone may
// write (/tmp, /var/tmp, /dev/shm, $TMPDIR).
func InTempDir(p string) bool { return inTemp(p) }
