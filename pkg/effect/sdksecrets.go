package effect

import (
	"strings"

	"rampart.dev/pkg/internal/substrs"
	"rampart.dev/pkg/internal/table"
	"rampart.dev/pkg/shell"
)

// Inline code that holds a cloud's or a secret store's client and calls an
// operation that returns a secret's value prints it where the agent reads
// it, as aws secretsmanager get-secret-value, gcloud secrets versions
// access and vault kv get do: boto3's get_secret_value,
// ssm.get_parameter(…, WithDecryption=True), iam.create_access_key,
// SecretManagerServiceClient().access_secret_version, SecretClient
// .get_secret, CoreV1Api().read_namespaced_secret, hvac's
// read_secret_version, storage_accounts.list_keys, and the JavaScript SDK's
// GetSecretValueCommand, CreateAccessKeyCommand. The operation's name is
// read by its parts, so another service's spelling of the same needs no
// new line; a listing of names (list_secrets, ListSecretsCommand) reads
// no value.

// sdkSecretNouns are the parts of an operation's name, after its verb,
// that name a secret value, with the verbs that return it.
var sdkSecretNouns = table.Map[string, string]{Build: func() map[string]string {
	return map[string]string{
		// list_namespaced_secret, list_secret_for_all_namespaces: a
		// cluster's secrets listed with their data (a listing of names is
		// plural: list_secrets)
		"secret": "get access read retrieve reveal list", "secrets": "get access read retrieve reveal",
		// assume_role, assume_role_with_web_identity: temporary credentials
		"role":     "assume",
		"password": "get read retrieve reveal", "credentials": "get read retrieve",
		"accesskey": "create", "access": "create", "keys": "list regenerate",
		"parameter": "get", "parameters": "get",
	}
}}

// codeSecretClients are spellings of secret stores' clients beyond the
// clouds' SDKs (codeCloudSDKs) and services' (codeServiceSDKs).
var codeSecretClients = []string{"hvac", "keyvault", "secretmanager", "secretsmanager", "onepassword", "infisical", "doppler"}

var codeSecretClientSet = table.Once[*substrs.Set]{Build: func() *substrs.Set { return substrs.NewSet(codeSecretClients) }}

// sdkSecretRead returns the first operation of such a client that returns
// a secret's value, or "".
func sdkSecretRead(code string) string {
	text := substrs.NewText(code)
	if !codeCloudSDKSet.Get().In(&text) && !codeServiceSDKSet.Get().In(&text) && !codeSecretClientSet.Get().In(&text) || sdkLocalMarkSet.Get().In(&text) {
		return ""
	}
	for _, m := range sdkCall.Get().FindAllStringSubmatchIndex(code, -1) {
		name := ""
		if m[6] >= 0 {
			name = code[m[6]:m[7]]
		} else {
			name = code[m[4]:m[5]]
		}
		if sdkSecretName(name, code[m[1]:min(len(code), m[1]+200)]) && (!listsSecrets(name) || readsSecretData(code) || !strings.Contains(code, ".metadata")) {
			return name
		}
	}
	return ""
}

// listsSecrets reports an operation that lists a cluster's secrets
// (list_namespaced_secret, listSecretForAllNamespaces).
func listsSecrets(name string) bool {
	n := strings.ToLower(name)
	return strings.HasPrefix(n, "list") && strings.Contains(n, "secret")
}

// readsSecretData reports code that reads listed secrets' values (their
// data, not only their names): s.data, ['data'], string_data, stringData.
// A listing whose code reads only their metadata (s.metadata.name) shows
// no value; one printed whole shows them all.
func readsSecretData(code string) bool {
	for _, d := range [...]string{".data", "['data']", `["data"]`, "string_data", "stringData"} {
		if strings.Contains(code, d) {
			return true
		}
	}
	return false
}

// sdkTokenVerbs are the verbs of an operation whose name ends in "token"
// that hand the token back (get_session_token, get_authorization_token,
// generate_db_auth_token, GetFederationTokenCommand); a name going on
// past it (get_token_count) names something else.
var sdkTokenVerbs = table.Map[string, bool]{Words: "get generate create issue mint"}

// sdkSecretName reports whether an operation's name (get_secret_value,
// CreateAccessKey, read_namespaced_secret, get_session_token, decrypt)
// returns a secret's value; a parameter's only when its arguments ask for
// it decrypted.
func sdkSecretName(name, args string) bool {
	w := verbWord(strings.ToLower(name[:1]) + name[1:])
	verb, hit, last, n := "", false, "", 0
	verbParts(strings.ReplaceAll(w, "access-key", "accesskey"), func(p string, k int) {
		last, n = p, n+1
		if k == 0 {
			verb = p
			return
		}
		verbs, ok := sdkSecretNouns.Lookup(p)
		if !ok || !strings.Contains(" "+verbs+" ", " "+verb+" ") {
			return
		}
		if (p == "parameter" || p == "parameters") && !strings.Contains(strings.ToLower(args), "withdecryption") {
			return
		}
		hit = true
	})
	if n == 1 && verb == "decrypt" {
		return true // kms.decrypt(…), new DecryptCommand(…): the plaintext
	}
	return hit || n > 1 && last == "token" && sdkTokenVerbs.Get(verb)
}

// codeSecretReads adds flow:secret->agent for an interpreter's inline code
// that reads a secret's value through a client library.
func (a *analysis) codeSecretReads(i int, c *shell.Command, code string) {
	if op := sdkSecretRead(code); op != "" {
		a.add(Effect{Kind: Flow, Cmd: i, Detail: "secret->agent", Word: c.Name + " calls the SDK operation " + op + ", which returns a secret's value"})
	}
}
