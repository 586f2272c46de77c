package effect

import (
	"net/url"
	"strings"

	"rampart.dev/pkg/catalog"
	"rampart.dev/pkg/internal/table"
)

// What a cloud or cluster CLI's own verbs say, beyond destroying: a verb
// that prints a credential (get-secret-value, keys list, show-connection-
// string, generate-login-token, decrypt), one that grants access
// (attach-user-policy, add-iam-policy-binding, authorize-security-group-
// ingress) and a scale to zero (ps:scale web=0, scale count 0,
// --node-count 0). The verbs are read from the command's leading words and
// its subcommand's own name, so a new service of a known CLI needs no new
// catalogue line.

// leadingWords calls fn with the words that may name what a command does:
// the subcommand names of its catalogue entry after the program, then its
// first positional words; a word right after a flag is looked at without
// counting among them (afterFlag). It stops when fn returns true.
func leadingWords(cl *catalog.Classified, max int, fn func(string) bool) bool {
	if e := cl.Entry; e != nil {
		if k := strings.IndexByte(e.Name, ' '); k > 0 {
			for w := range strings.FieldsSeq(e.Name[k+1:]) {
				if fn(w) {
					return true
				}
			}
		}
	}
	n := 0
	for k, w := range cl.Words {
		if w.Option != "" {
			continue
		}
		if fn(w.Text) {
			return true
		}
		if !afterFlag(cl.Words, k) {
			if n++; n >= max {
				break
			}
		}
	}
	return false
}

// afterFlag reports a positional right after an option the catalogue
// reads as a flag (--org acme, -p web): the option's value, for a program
// whose options are not known, as often as a word of its own. It is
// looked at, but does not count among a command's leading words (acmectl
// --org acme --project web --region eu deploy api).
func afterFlag(words []catalog.Word, k int) bool {
	at := words[k].Index
	if at == 0 {
		return false
	}
	for j := k - 1; j >= 0; j-- {
		if words[j].Index == at-1 {
			return false // the word before is a value or a positional
		}
		if words[j].Index < at-1 {
			break
		}
	}
	return true
}

// verbParts calls fn with the parts of a verb-shaped word, lower-case
// letters joined by - : or _ ("get-secret-value" → get, secret, value), or
// an operation's name in camel or Pascal case (removeVolume, StopInstance);
// a word with other characters (a path, a URL, an id, a name in capitals)
// has none.
func verbParts(w string, fn func(part string, k int)) {
	if w == "" || len(w) > 64 {
		return
	}
	if w[0] >= 'A' && w[0] <= 'Z' {
		// StopInstance, AttachPolicyToUser: an API operation's name given
		// as a CLI verb (aliyun, tccli), read as stop-instance is
		if w = pascalVerb(w); w == "" {
			return
		}
	} else if w[0] < 'a' || w[0] > 'z' {
		return // "-" (stdout) and "--" are not verbs
	}
	for i := 0; i < len(w); i++ {
		c := w[i]
		if c >= 'A' && c <= 'Z' {
			if camel := camelVerb(w); camel != "" {
				w = camel // removeVolume: remove-volume
				break
			}
			return
		}
		if !(c >= 'a' && c <= 'z' || c == '-' || c == ':' || c == '_') {
			return // CLI verbs are lower-case; URI, ID and names in capitals are values
		}
	}
	k := 0
	for rest := w; rest != ""; k++ {
		j := verbSeparator(rest)
		part := rest
		if j >= 0 {
			part, rest = rest[:j], rest[j+1:]
		} else {
			rest = ""
		}
		fn(part, k)
	}
}

// camelVerb returns a verb written in camel case (removeVolume,
// deleteBucket, an SDK's operation name) with its parts lower-cased and
// joined by "-", or "": only letters, each capital after a small letter
// and followed by one, so a name in capitals (ID, URI) stays a value.
func camelVerb(w string) string {
	var b strings.Builder
	for i := 0; i < len(w); i++ {
		c := w[i]
		switch {
		case c >= 'a' && c <= 'z':
			b.WriteByte(c)
		case c >= 'A' && c <= 'Z':
			if i == 0 || w[i-1] < 'a' || w[i-1] > 'z' || i+1 >= len(w) || w[i+1] < 'a' || w[i+1] > 'z' {
				return ""
			}
			b.WriteByte('-')
			b.WriteByte(c + 'a' - 'A')
		default:
			return ""
		}
	}
	return b.String()
}

// pascalVerb returns an operation's name written in Pascal case
// (StopInstance, AddDomainRecord) as its verb is read (stop-instance,
// add-domain-record), or "": two humps at least, each a capital followed
// by a small letter, so a name (Production, ID, URLs, DBInstance) stays a
// value.
func pascalVerb(w string) string {
	if len(w) < 4 || w[1] < 'a' || w[1] > 'z' {
		return ""
	}
	c := camelVerb(string(w[0]+'a'-'A') + w[1:])
	k := strings.IndexByte(c, '-')
	if k < 0 || !operationVerbs.Get(c[:k]) {
		return "" // TestRefreshToken, MyApp: a name, not an operation
	}
	return c
}

// operationVerbs begin an API operation's name (StopInstance,
// DescribeInstances, AttachPolicyToUser): a Pascal-cased word is read as a
// verb only when it starts with one.
var operationVerbs = table.Map[string, bool]{Words: `get list describe query search show check
	create delete remove update modify set put
	add attach detach associate disassociate bind
	unbind authorize revoke grant allocate release
	start stop reboot restart reset run terminate
	enable disable import export apply deploy
	purchase renew send publish cancel destroy
	upgrade rollback resize replace rotate invoke
	download upload copy move open close`}

// verbWord returns a word as its verb is read: a camel-cased one split
// into its parts (removeVolume: remove-volume), any other lower-cased.
func verbWord(w string) string {
	if c := camelVerb(w); c != "" {
		return c
	}
	return strings.ToLower(w)
}

// verbSeparator is the index of the first - : or _ in w, or -1: what
// strings.IndexAny(w, "-:_") gives, without making the set for each of
// the many words asked about.
func verbSeparator(w string) int {
	for i := 0; i < len(w); i++ {
		if c := w[i]; c == '-' || c == ':' || c == '_' {
			return i
		}
	}
	return -1
}

// notVerbShaped reports whether w has a byte that no verb has, / . = @
// or a space (a path, a file, a setting, an address), as
// strings.ContainsAny(w, "/.=@ ") does, without making the set.
func notVerbShaped(w string) bool {
	for i := 0; i < len(w); i++ {
		switch w[i] {
		case '/', '.', '=', '@', ' ':
			return true
		}
	}
	return false
}

// credentialNouns are the parts of a verb that name a credential.
var credentialNouns = table.Map[string, bool]{Build: func() map[string]bool {
	return map[string]bool{
		"secret": true, "secrets": true, "password": true, "passwords": true, "passwd": true, "credential": true,
		"credentials": true, "creds": true, "token": true, "tokens": true, "key": true, "keys": true, "apikey": true,
		"apikeys": true, "kubeconfig": true, "sas": true, "plaintext": true, "connection": true, "passphrase": true,
		// a scheduler's stored logins to the systems it reaches (airflow
		// connections get ID prints the URI with its password)
		"connections": true,
		// a secrets store's own word for what it holds: conjur variable get,
		// helm get values, consul kv get
		"variable": true, "variables": true, "values": true, "kv": true, "var": true, "vars": true,
		// a service's environment, which holds its secrets (cf env APP,
		// buildkite-agent env dump, teller export env)
		"env": true, "environment": true,
	}
}}

// valueCredentialNouns are the credential nouns that name a secret's value
// and nothing else: a verb naming one prints the value, where "keys",
// "variables" or "config" may print names or settings, and a cluster's
// "credentials" are most often fetched into a kubeconfig (az aks
// get-credentials), not printed.
var valueCredentialNouns = table.Map[string, bool]{Build: func() map[string]bool {
	return map[string]bool{
		"secret": true, "secrets": true, "password": true, "passwords": true, "passwd": true,
		"token": true, "tokens": true, "apikey": true, "apikeys": true,
		"passphrase": true, "plaintext": true, "kubeconfig": true,
		// Nomad's variables: its store for secrets (nomad var get)
		"var": true, "vars": true,
	}
}}

// apiKeyWord joins an API key's two-part spellings into one noun.
var apiKeyWord = table.Once[*strings.Replacer]{Build: func() *strings.Replacer {
	return strings.NewReplacer("api-key", "apikey", "api_key", "apikey", "API-KEY", "APIKEY", "Api-Key", "ApiKey")
}}

// namesValueCredential reports whether a command's leading words name a
// credential's value (valueCredentialNouns) or a secret manager's reference
// (berglas access sm://…), in a run that is not a rehearsal.
func namesValueCredential(cl *catalog.Classified, args []string) bool {
	if helpOrDryRunOf(cl, args) {
		return false // kubectl create secret … --dry-run -o yaml prints its own words
	}
	if exportsCredentials(cl) {
		return true
	}
	authBefore := false // a word before was "auth" alone (crane auth get)
	return leadingWords(cl, 5, func(w string) bool {
		if secretRef(w) {
			return true
		}
		if authBefore && authPrintVerbs.Get(w) {
			return true // crane auth get REGISTRY: the login it holds for it, printed
		}
		authBefore = authBefore || w == "auth"
		found, connection, docker := false, false, false
		// api-keys, api_key: the one noun apikey (keys alone may be public)
		verbParts(apiKeyWord.Get().Replace(w), func(p string, _ int) {
			found = found || valueCredentialNouns.Get(p) || connection && p == "string" || docker && p == "config"
			docker = p == "docker" // docker-config: a registry's logins, as ~/.docker/config.json holds them
			// connection-string, show-connection-string: a database's
			// URL with its login in it
			connection = p == "connection"
		})
		return found
	})
}

// exportsCredentials reports a command whose verbs export or dump a store
// of credentials to standard output (airflow connections export -,
// tool secrets dump): every one is written out with its value. An export
// to a file writes them there instead.
func exportsCredentials(cl *catalog.Classified) bool {
	export, noun, stdout := false, false, false
	leadingWords(cl, 5, func(w string) bool {
		if w == "-" {
			stdout = true
		}
		verbParts(w, func(p string, _ int) {
			switch {
			case p == "export" || p == "dump":
				export = true
			case credentialNouns.Get(p) && p != "env" && p != "environment":
				noun = true
			}
		})
		return false
	})
	return export && noun && stdout
}

// storeNouns are words that, standing alone, name where a CLI keeps its
// login (hcloud context export, scw config dump, crane auth get, tea login
// list): printed, that store carries the token.
// Inside a longer verb (get-function-configuration) they count only beside
// a printing part, as below.
var storeNouns = table.Map[string, bool]{Words: `config configure configuration context contexts
	login logins auth`}

// loginParts are the parts of a verb before "details" that make the
// details a login's (get-instance-access-details).
var loginParts = table.Map[string, bool]{Words: "access auth login connection credential credentials password"}

// credentialReadVerbs are the parts of a verb that print what it names.
var credentialReadVerbs = table.Map[string, bool]{Words: `get show list print access export pull
	download reveal view read generate create open
	fill decrypt dump fetch initial initiate
	ls value`}

// credentialOtherVerbs are parts that act on a credential without printing
// it (delete-secret, rotate-key, describe-secret, set-password).
var credentialOtherVerbs = table.Map[string, bool]{Build: func() map[string]bool {
	return map[string]bool{
		"delete": true, "remove": true, "rm": true, "set": true, "put": true, "update": true, "rotate": true,
		"revoke": true, "destroy": true, "disable": true, "enable": true, "describe": true, "attach": true,
		"detach": true, "add": true, "import": true, "upload": true, "restore": true, "tag": true, "untag": true,
		"cancel": true, "replicate": true, "validate": true, "purge": true, "unset": true, "verify": true,
		// a secret's versions and dates, not its value (vault kv metadata get)
		"metadata": true,
	}
}}

// printsCredential reports whether a cloud CLI's leading words name a
// credential it prints: a verb with a credential part and a printing part
// (get-secret-value, generate-login-token, api-keys), or a credential word
// beside a printing one (keys list, credential show, kubeconfig show), or
// decrypt. A verb that only acts on a credential (delete-secret) does not.
func printsCredential(cl *catalog.Classified) bool {
	noun, read, other, lastNoun, store := false, false, false, false, false
	plainEnv := printsPlainVariables(cl)
	leadingWords(cl, 5, func(w string) bool {
		if secretRef(w) {
			noun = true // berglas access sm://…, op read op://…
			return false
		}
		if strings.Contains(w, "/") && !strings.Contains(w, "://") {
			// etcdctl get /registry/secrets, consul kv get app/credentials/db:
			// a key path whose segment names a credential
			for seg := range strings.SplitSeq(strings.ToLower(w), "/") {
				// a segment or a part of one (acme-secrets/stripe-live-key)
				for part := range strings.FieldsFuncSeq(seg, func(r rune) bool { return r == '-' || r == '_' || r == '.' }) {
					if credentialNouns.Get(part) && part != "env" && part != "environment" && part != "values" && part != "variables" && part != "variable" && part != "connection" && part != "connections" {
						noun = true
					}
				}
			}
			return false
		}
		n, r, o, parts, cfg, auth := false, false, false, 0, false, false
		prevPart := ""
		verbParts(w, func(p string, k int) {
			parts++
			if prevPart == "docker" && (p == "config" || p == "configuration") {
				n = true // doctl registry docker-config: a registry's logins, as ~/.docker/config.json holds them
			}
			before := prevPart
			prevPart = p
			switch {
			case credentialNouns.Get(p):
				n = true
			case credentialReadVerbs.Get(p):
				r = true
			case credentialOtherVerbs.Get(p):
				o = true
			case p == "string":
				// get-auth-string, show-connection-string
				n = n || k > 0
			case p == "details":
				// get-instance-access-details: the details of an access;
				// get-account-authorization-details lists users, roles
				// and policies, no secret
				n = n || k > 0 && loginParts.Get(before)
			case p == "config" || p == "configuration":
				cfg = true // functions:config:get, get-function-configuration
			case p == "auth":
				auth = true // initiate-auth, admin-initiate-auth
			}
		})
		n = n || auth && parts > 1 && r
		if parts == 0 {
			return false // an id, a path, a URL: not a verb
		}
		if parts == 1 && storeNouns.Get(w) {
			store = true // needs a printing word of its own: hcloud context export
			return false
		}
		n = n || cfg && parts > 1 && r
		if w == "decrypt" || w == "printenv" && !plainEnv {
			noun, read = true, true
			return true
		}
		if !n && !r && !o && !cfg && !auth && noun {
			// cf env my-app, k0s kubeconfig admin: a name after the
			// credential word is what it is for, not another verb
			return false
		}
		lastNoun = n && !r && !o && parts == 1
		if n && r && !o {
			noun, read = true, true
			return true
		}
		if n && parts > 1 && !o {
			noun = true // api-keys, initial-password: the word names the credential it prints
			read = true
		}
		noun, read, other = noun || n, read || r, other || o
		return false
	})
	// doctl databases connection ID, gh auth token: a credential word that
	// ends the verbs prints what it names.
	return ((noun || store) && read || lastNoun) && !other
}

// authPrintVerbs are the verbs that, after an "auth" word of their own,
// print what a login holds (crane auth get, tool auth print); auth list
// and auth status name the accounts only.
var authPrintVerbs = table.Map[string, bool]{Words: "get print show export dump reveal fill"}

// printsPlainVariables reports a printenv among a command's words that is
// given variables to print and none named for a secret (kubectl exec POD
// -- printenv APP_VERSION): it prints those values, not the environment
// (printenv alone, or printenv DATABASE_URL, does).
func printsPlainVariables(cl *catalog.Classified) bool {
	for k, w := range cl.Words {
		if w.Text != "printenv" || w.Option != "" {
			continue
		}
		names := 0
		for _, v := range cl.Words[k+1:] {
			if strings.HasPrefix(v.Text, "-") {
				continue
			}
			if !variableName(v.Text) || secretName(v.Text) {
				return false // eb printenv production: an environment's name, all of its variables
			}
			names++
		}
		return names > 0
	}
	return false
}

// variableName reports a word spelled as an environment variable's name
// is by convention: capitals, digits and underscores (APP_VERSION).
func variableName(w string) bool {
	if w == "" || w[0] >= '0' && w[0] <= '9' {
		return false
	}
	for i := 0; i < len(w); i++ {
		if c := w[i]; !(c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_') {
			return false
		}
	}
	return true
}

// listsCredentialNames reports a command whose verbs list (list, ls)
// the keys of a store (vault kv list, consul kv ls, tool keys list): the
// keys' names, where a get or a show prints a value. A listing of
// secrets, variables or an environment (netlify env:list, sst secret
// list) prints them with their values.
func listsCredentialNames(cl *catalog.Classified) bool {
	list, keys, values := false, false, false
	leadingWords(cl, 5, func(w string) bool {
		verbParts(w, func(p string, _ int) {
			switch p {
			case "list", "ls":
				list = true
			case "kv", "key", "keys":
				keys = true
			case "secret", "secrets", "env", "environment", "variables", "variable", "vars", "var", "values", "config":
				values = true
			}
		})
		return false
	})
	return list && keys && !values
}

// listsStoreNames reports a listing verb (list, ls, list-versions,
// describe) of a secret store whose catalogue entry says its listings
// print names and metadata only (lists-names): gcloud secrets list, az
// keyvault secret list. Other stores' listings (sst secret list, netlify
// env:list) print values, as listsCredentialNames assumes.
func listsStoreNames(cl *catalog.Classified) bool {
	if !cl.Entry.Has("lists-names") {
		return false
	}
	return leadingWords(cl, 3, func(w string) bool {
		found := false
		verbParts(w, func(p string, _ int) {
			found = found || listingVerbs.Get(p)
		})
		return found
	})
}

// secretRefSchemes are the schemes of a reference to a secret held by a
// secrets manager (berglas sm://, 1Password op://, vals ref+vault://).
var secretRefSchemes = []string{"sm://", "berglas://", "op://", "vault://", "awssm://", "gcpsm://",
	"azkv://", "akv://", "secretsmanager://", "ssm://", "doppler://", "infisical://", "bws://", "ref+"}

// secretRef reports whether a word is a reference to a secret in a
// secrets manager: sm://project/name, op://vault/item/field,
// ref+vault://path, projects/P/secrets/N (Google Secret Manager).
func secretRef(w string) bool {
	l := strings.ToLower(w)
	for _, s := range secretRefSchemes {
		if strings.HasPrefix(l, s) {
			return true
		}
	}
	return strings.HasPrefix(l, "projects/") && strings.Contains(l, "/secrets/")
}

// revealsOption reports an option that asks a CLI to print the secrets it
// would otherwise mask: --reveal-secrets, --show-secrets, --show-token,
// --with-decryption, --plaintext, --unmask, --secrets.
func revealsOption(args []string) bool {
	for _, a := range args {
		if !strings.HasPrefix(a, "--") {
			continue
		}
		o := strings.ToLower(a[2:])
		o, _, _ = strings.Cut(o, "=")
		if strings.Contains(o, "reveal") || strings.Contains(o, "decrypt") || strings.Contains(o, "plaintext") || strings.Contains(o, "unmask") || o == "secrets" || o == "with-secrets" {
			// sanity debug --secrets: the secrets themselves added to the output
			return true
		}
		if (strings.HasPrefix(o, "show-") || strings.HasPrefix(o, "include-") || strings.HasPrefix(o, "print-")) && (strings.Contains(o, "secret") || strings.Contains(o, "token") || strings.Contains(o, "password") || strings.Contains(o, "key")) {
			return true
		}
	}
	return false
}

// secretPath reports a URL a fetcher contacts whose path names a
// secrets API: a path segment "secrets" or "secret" (Kubernetes
// /api/v1/namespaces/N/secrets, Vault /v1/secret/data/P) or
// "credentials" after a segment that says it is an API ("api", "v1",
// "v2beta1"); a vault's items or secrets, where the host or an earlier
// segment names a vault (1Password Connect's /v1/vaults/V/items/I, Azure
// Key Vault's https://NAME.vault.azure.net/secrets/S); any mount of a
// Vault server but its system and auth paths (/v1/kv/data/P,
// /v1/database/creds/R, /v1/cubbyhole/T: secretPaths.go); a service's
// environment variables (GitLab's /api/v4/projects/P/variables, Vercel's
// /v9/projects/P/env, Heroku's /apps/A/config-vars); or a login that
// answers with a token (Vault's /v1/auth/approle/login) — unless the
// segment after a Vault mount is "metadata", which reads only a secret's
// versions and dates. A page at /docs/secrets/rotation is not one. The
// path is read percent-decoded, as the server reads it.
func secretPath(cl *catalog.Classified) bool {
	for _, w := range cl.Words {
		if w.Role != catalog.URL && !strings.Contains(w.Text, "://") {
			continue
		}
		t := w.Text
		if k := strings.Index(t, "://"); k >= 0 {
			t = t[k+3:]
		}
		host, p, ok := strings.Cut(t, "/")
		if !ok {
			continue
		}
		p, _, _ = strings.Cut(p, "?")
		if u, err := url.PathUnescape(p); err == nil {
			p = u // /api/v1/namespaces/default/%73ecrets
		}
		if secretURLPath(host, p) || sendsVaultToken(cl) && vaultMount(p) || springSecretURL(host, p) {
			// a request with Vault's token header is to a Vault server,
			// whatever its name or port (hcv.acme.internal/v1/kv/data/P)
			return true
		}
	}
	return false
}

// sendsVaultToken reports a request that carries Vault's token header
// (curl -H "X-Vault-Token: …", httpie's X-Vault-Token:…).
func sendsVaultToken(cl *catalog.Classified) bool {
	for _, w := range cl.Words {
		if len(w.Text) >= len("x-vault-token") && strings.Contains(strings.ToLower(w.Text), "x-vault-token") {
			return true
		}
	}
	return false
}

// secretURLPath reports a host and path (without its query) that name a
// secrets API, as secretPath describes.
func secretURLPath(host, p string) bool {
	vault := vaultHost(host)
	if vaultServer(host) && vaultMount(p) {
		return true
	}
	found, api, auth := false, apiHost(host), false
	n, versioned := 0, false
	for seg := range strings.SplitSeq(p, "/") {
		if seg == "" {
			continue
		}
		n++
		versioned = versioned || n == 1 && apiVersion(seg)
		l := strings.ToLower(seg)
		if l == "metadata" && n == 3 && versioned {
			// Vault's /v1/secret/metadata/P: versions and dates,
			// not the value
			return false
		}
		found = found || api && (l == "secrets" && !writeOnlySecrets.Get(strings.ToLower(host)) || l == "secret" || l == "credentials" || envVariables(l)) ||
			vault && (l == "secrets" || l == "secret" || l == "items" || l == "credentials") ||
			api && auth && l == "login"
		api = api || seg == "api" || apiVersion(seg)
		auth = auth || api && l == "auth"
		vault = vault || api && (l == "vaults" || l == "vault")
	}
	return found
}

// writeOnlySecrets are the APIs whose secrets can be set but never read
// back: GitHub's (repository, environment, organisation and Codespaces
// secrets) answer with names, dates and a public key to seal new ones.
var writeOnlySecrets = table.Map[string, bool]{Words: "api.github.com"}

// envVariables reports a path segment that names a service's environment
// variables, which its API answers with their values.
func envVariables(l string) bool {
	switch l {
	case "variables", "env", "envs", "env-vars", "envvars", "config-vars", "environment-variables":
		return true
	}
	return false
}

// apiHost reports a host whose first label says it serves an API
// (api.heroku.com).
func apiHost(host string) bool {
	return strings.HasPrefix(strings.ToLower(host), "api.")
}

// vaultServer reports a host that is a Vault server: named for one, or on
// Vault's own port 8200.
func vaultServer(host string) bool {
	if _, port, ok := strings.Cut(host, ":"); ok && port == "8200" {
		return true
	}
	h, _, _ := strings.Cut(strings.ToLower(host), ":")
	for label := range strings.SplitSeq(h, ".") {
		if label == "vault" || label == "openbao" {
			return true
		}
	}
	return false
}

// vaultMount reports a Vault API path that reads a secrets engine's
// mount: /v1/MOUNT/… for any mount but the server's own (sys, auth,
// identity), unless the segment after the mount is "metadata".
func vaultMount(p string) bool {
	segs := strings.Split(strings.Trim(p, "/"), "/")
	if len(segs) < 3 || !apiVersion(segs[0]) {
		return false
	}
	switch strings.ToLower(segs[1]) {
	case "sys", "auth", "identity", "":
		return false
	}
	return strings.ToLower(segs[2]) != "metadata"
}

// vaultHost reports a host whose name says it serves a secret store: a
// label "vault", "keyvault", "openbao" or "op-connect" (vault.acme.internal,
// acme-kv.vault.azure.net, op-connect.acme.internal).
func vaultHost(host string) bool {
	host, _, _ = strings.Cut(host, ":")
	for label := range strings.SplitSeq(strings.ToLower(host), ".") {
		switch label {
		case "vault", "keyvault", "openbao", "op-connect", "secretmanager", "secretsmanager":
			return true
		}
	}
	return false
}

// apiVersion reports a path segment that versions an API: v1, v2, v1beta1.
func apiVersion(seg string) bool {
	if len(seg) < 2 || seg[0] != 'v' || seg[1] < '0' || seg[1] > '9' {
		return false
	}
	for _, r := range seg[2:] {
		if (r < '0' || r > '9') && (r < 'a' || r > 'z') {
			return false
		}
	}
	return true
}

// dropsProtection returns the option by which a cloud CLI switches off
// what keeps a resource from being lost: deletion or termination
// protection, backups, their retention (--no-deletion-protection,
// --deletion-protection=false, --no-backup, --backup-retention-period 0).
func dropsProtection(args []string) string {
	for j, a := range args {
		if !strings.HasPrefix(a, "--") {
			continue
		}
		l := strings.ToLower(a)
		name, val, hasVal := strings.Cut(l[2:], "=")
		if !strings.Contains(name, "protection") && !strings.Contains(name, "backup") {
			continue
		}
		switch {
		case strings.HasPrefix(name, "no-") || strings.HasPrefix(name, "disable-"):
			return a
		case hasVal && (val == "false" || val == "0" || val == "disabled"):
			return a
		case !hasVal && strings.Contains(name, "retention") && j+1 < len(args) && args[j+1] == "0":
			return a + " 0"
		}
	}
	return ""
}

// grantVerbs are the compound verbs by which a cloud CLI gives someone
// access: attach-user-policy, add-iam-policy-binding, set-iam-policy,
// authorize-security-group-ingress, grant-*, open-port.
func grantsAccess(cl *catalog.Classified) string {
	verb := ""
	setWord, accessWord := "", false
	leadingWords(cl, 4, func(w string) bool {
		attach, access, grant, open, port, parts := false, false, false, false, false, 0
		verbParts(w, func(p string, k int) {
			parts++
			switch {
			case setVerbs.Get(p):
				attach = attach || k == 0
			case accessNouns.Get(p):
				access = true
			case p == "authorize" || p == "grant" || p == "approve":
				grant = k == 0
			case p == "open":
				open = k == 0
			case p == "port" || p == "ports":
				port = true
			}
		})
		// az vm open-port: a port opened to the network in front of a
		// machine, as an ingress rule authorized is
		grant = grant || open && port
		switch {
		case grant || attach && access && parts > 1:
			verb = w
			return true
		case attach:
			setWord = w // az ad group member add, gsutil iam ch
		case access:
			accessWord = true
		}
		return false
	})
	if verb == "" && setWord != "" && accessWord {
		verb = setWord
	}
	return verb
}

// publicACLs are the canned access lists that open what is written to
// everyone (S3's and Cloud Storage's public-read).
var publicACLs = table.Map[string, bool]{Words: "public-read public-read-write publicread"}

// publicACL returns the option a cloud CLI's command opens what it writes
// to everyone with (aws s3 cp --acl public-read, gsutil cp -a
// public-read), or "". Any command of the CLI: a copy or a sync that makes
// its objects public grants access as an ACL change does.
func publicACL(cl *catalog.Classified) string {
	for _, w := range cl.Words {
		if w.Option == "" {
			continue
		}
		v := strings.ToLower(w.Text)
		if publicACLs.Get(v) {
			return w.Option + " " + w.Text
		}
	}
	return ""
}

// setVerbs begin a verb that gives or changes access when its object is
// one of accessNouns (add-user-to-group, set-permission, iam ch).
var setVerbs = table.Map[string, bool]{Build: func() map[string]bool {
	return map[string]bool{"attach": true, "add": true, "set": true, "put": true, "assign": true, "ch": true, "bind": true,
		// a rule taken back changes who reaches what as one added does
		// (revoke-security-group-ingress, firewall remove-rules)
		"revoke": true, "remove": true}
}}

// accessNouns are what access is granted through.
var accessNouns = table.Map[string, bool]{Build: func() map[string]bool {
	return map[string]bool{"policy": true, "policies": true, "iam": true, "role": true, "roles": true, "group": true,
		"member": true, "members": true, "permission": true, "permissions": true, "acl": true, "binding": true, "admin": true,
		// gcloud sql users set-password, az ad user update --password: who
		// can log in changes
		"password": true, "passwords": true,
		// a firewall's rules: who reaches a machine's ports (doctl compute
		// firewall add-rules, revoke-security-group-ingress)
		"firewall": true, "firewalls": true, "ingress": true, "egress": true}
}}

// auditNouns are what records or watches what happens in an account:
// switching one off (aws cloudtrail stop-logging, guardduty
// disable-organization-admin-account, config stop-configuration-recorder)
// hides what follows.
var auditNouns = table.Map[string, bool]{Words: `logging trail trails detector detectors recorder
	audit auditing logs alarm alarms monitoring sink sinks diagnostic`}

// blindVerbs switch something off without deleting it.
var blindVerbs = table.Map[string, bool]{Words: "stop disable suspend pause deregister deactivate"}

// blindsAudit returns the verb by which a cloud CLI switches off its
// account's audit logging or threat detection: a stop, disable or
// suspend with an audit noun, in one verb or among the leading words.
func blindsAudit(cl *catalog.Classified) string {
	verb, blind, audit := "", "", false
	leadingWords(cl, 4, func(w string) bool {
		b, a := false, false
		verbParts(w, func(p string, k int) {
			b = b || blindVerbs.Get(p) && k == 0
			a = a || auditNouns.Get(p)
		})
		switch {
		case b && a:
			verb = w
			return true
		case b:
			blind = w
		case a:
			audit = true
		}
		return false
	})
	if verb == "" && blind != "" && audit {
		verb = blind
	}
	return verb
}

// scalesToZero reports a cloud CLI's scale verb (scale, ps:scale,
// set-desired-capacity, resize) given a count of zero (0, web=0,
// --replicas=0, --node-count 0).
func scalesToZero(cl *catalog.Classified) bool {
	scale := leadingWords(cl, 4, func(w string) bool {
		hit := false
		verbParts(w, func(p string, k int) {
			hit = hit || p == "scale" || p == "capacity" || p == "resize"
		})
		return hit
	})
	if !scale {
		return false
	}
	for _, w := range cl.Words {
		if w.Text == "0" || strings.HasSuffix(w.Text, "=0") || strings.HasSuffix(w.Option, "=0") || strings.Contains(w.Text, "=0:") {
			return true
		}
	}
	return false
}
