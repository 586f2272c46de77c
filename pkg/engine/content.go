package engine

import (
	"encoding/json"
	"maps"
	"net/url"
	"path"
	"slices"
	"strings"

	"rampart.dev/pkg/call"
	"rampart.dev/pkg/catalog"
	"rampart.dev/pkg/effect"
	"rampart.dev/pkg/internal/table"
	"rampart.dev/pkg/material"
	"rampart.dev/pkg/secret"
	"rampart.dev/pkg/shell"
)

// What a write carries: an agent's Write, Edit or NotebookEdit gives the
// text it puts in the file, and a credential in that text (a live key, a
// token, a private key) is a credential written to a file, as a command's
// "cat ~/.aws/credentials > notes.txt" is: the flow flow:credential->file.
// Placeholders and documentation keys are not credentials. And a tool's
// configuration file written whole (~/.npmrc, a git config, pip.conf,
// .cargo/config.toml) holds settings that change what code runs, judged
// as the same text written by a command line is (effect: configFiles).

// maxScannedContent bounds the text of one write that is scanned.
const maxScannedContent = 1 << 20

// judgeWrittenCredential judges a credential in the content written to p.
func (ev *evaluation) judgeWrittenCredential(p, content string) {
	if len(content) < 16 || ev.denied() {
		return
	}
	if len(content) > maxScannedContent {
		content = content[:maxScannedContent]
	}
	inProject := ev.inProjectFile(p)
	kind := writtenCredentialIn(content, inProject)
	if kind == "" {
		for _, text := range decodings(content) { // decode.go: percent, escapes, base64, hex, base32, gzip
			if kind = writtenCredentialIn(text, inProject); kind != "" {
				break
			}
		}
	}
	if kind != "" && !ev.writesFixture(p, kind) {
		s := subject{tool: "flow", text: kind + " written to " + p, effect: "flow:credential->file"}
		ev.judge(&s)
	}
}

// writtenCredentialIn is credentialIn for text written to a file; in a
// file of the project (inProject), a key its issuer made for test mode
// only (testModeKey: Stripe's sk_test_…) is no credential written, as
// the project's .env.local and fixtures keep them for its tests. Sent
// to a host, it is judged as any credential is (sentCredentialIn).
func writtenCredentialIn(text string, inProject bool) string {
	for _, f := range secret.Scan(text) {
		v := text[f.Start:f.End]
		if f.Kind != "url_password" && !placeholder(v) && !(inProject && (testModeKey(v) || filledToken(v))) {
			return f.Kind
		}
	}
	return ""
}

// testModeKeys are the prefixes of secret keys their issuer makes for
// test mode only (Stripe's test-mode secret and restricted keys: no
// real money or customer moves through them).
var testModeKeys = []string{"sk_test_", "rk_test_"}

// testModeKey reports a found value (or NAME=VALUE, NAME: "VALUE") that
// is a test-mode key and nothing else.
func testModeKey(v string) bool {
	if i := strings.LastIndexAny(v, "=:"); i >= 0 {
		v = v[i+1:]
	}
	v = strings.Trim(strings.TrimSpace(v), `"'`)
	for _, p := range testModeKeys {
		if rest, ok := strings.CutPrefix(v, p); ok {
			return len(rest) >= 8 && strings.IndexFunc(rest, notAlnum) < 0
		}
	}
	return false
}

// filledToken reports a found value (or NAME=VALUE) that is a token's
// prefix (ghp_, xoxb-, glpat-) and then an example word filled out with
// one character repeated (ghp_test000000…, xoxb-fake-1111111111): the
// shape of a token, for a test to hold, with nothing generated in it.
func filledToken(v string) bool {
	if i := strings.LastIndexAny(v, "=:"); i >= 0 {
		v = v[i+1:]
	}
	words := strings.FieldsFunc(strings.TrimSpace(v), notAlnum)
	if len(words) < 2 {
		return false
	}
	for _, w := range words[:len(words)-2] {
		if len(w) > 6 {
			return false
		}
	}
	last, before := strings.ToLower(words[len(words)-1]), strings.ToLower(words[len(words)-2])
	if len(before) <= 6 && fillerWord(before) != "" && len(last) >= 8 && strings.Count(last, last[:1]) == len(last) {
		return true // xoxb-fake-1111111111
	}
	w := fillerWord(last)
	rest := last[len(w):]
	return w != "" && len(rest) >= 8 && strings.Count(rest, rest[:1]) == len(rest)
}

// fillerWord is the example word a word begins with ("" if none).
func fillerWord(w string) string {
	for _, f := range []string{"test", "fake", "dummy", "example", "sample", "mock"} {
		if strings.HasPrefix(w, f) {
			return f
		}
	}
	return ""
}

// inProjectFile reports whether p is a file of the project: under the
// call's working directory (not the home itself), and not under one of
// its dot directories other than a .env file's own name (.git/, .github/).
func (ev *evaluation) inProjectFile(p string) bool {
	cwd := strings.TrimSuffix(ev.c.Cwd, "/")
	if cwd == "" || cwd == strings.TrimSuffix(ev.e.env.Home, "/") {
		return false
	}
	rel, ok := strings.CutPrefix(p, cwd+"/")
	return ok && !(strings.HasPrefix(rel, ".") && strings.Contains(rel, "/")) && !strings.Contains(rel, "/.")
}

// writesFixture reports a credential of kind written into the project's
// own test fixtures (a testdata/ or fixtures/ directory under the working
// directory, or its test suite's .env.test) that says it is made for the
// tests: a JWT (a test's token), or any kind in a file whose name says so
// (rsa_test_key.pem, fake_key.pem, .env.test). A real-looking key in a
// fixture named for nothing (tests/fixtures/deploy_key, sample_env.sh) is
// still a credential written, and a real credential the call did not
// carry in its own text is a read first, judged there.
//
// A private key is key material whoever made it: written to a file the
// project keeps for its tests by name or directory (certs/dev.key,
// keys/id_rsa_test, tests/certs/server.key), as package material reads
// it for the read tool too, it is no credential written. A token is
// issued by a real service, so only a fixture that says it is fake lets
// one be.
func (ev *evaluation) writesFixture(p, kind string) bool {
	cwd := ev.c.Cwd
	if cwd == "" {
		return false
	}
	if kind == "private_key" && material.Of(p, cwd, ev.e.env.Home).Reading == material.Test {
		return true // testmaterial.go
	}
	rel, ok := strings.CutPrefix(p, strings.TrimSuffix(cwd, "/")+"/")
	if !ok || strings.HasPrefix(rel, ".") && strings.Contains(rel, "/") {
		return false // outside the project, or under one of its dot directories (.git/, .github/)
	}
	base := path.Base(rel)
	if !effect.FixturePath(rel) && !(base == ".env.test" || base == ".env.testing") {
		return false
	}
	if kind == "jwt" {
		return true
	}
	for _, w := range strings.FieldsFunc(strings.ToLower(base), notAlnum) {
		if fixtureNameWords.Get(w) {
			return true
		}
	}
	return false
}

// fixtureNameWords are the words of a fixture's file name that say it was
// made for the tests.
var fixtureNameWords = table.Map[string, bool]{Words: "test tests testing fake dummy mock example"}

// judgeWrittenSettings judges the settings the content written to p holds
// when p is a tool's configuration file.
// A configuration file in the home directory written with no text given
// holds settings nobody can see, for every later call: unknown (as a
// command's cp onto it is, effect.unseenConfigWrites).
func (ev *evaluation) judgeWrittenSettings(p, content string) {
	if ev.denied() {
		return
	}
	if content == "" {
		home, cwd := ev.e.env.Home, ev.c.Cwd
		if home != "" && strings.HasPrefix(p, home+"/") && !(cwd != "" && strings.HasPrefix(p, cwd+"/")) && catalog.IsConfigFile(p) {
			ev.judgeEffect(effect.Effect{Kind: effect.Unknown, Cmd: -1, Detail: "settings", Word: "writes " + p + " with settings the call does not show"}, call.ToolWrite)
		}
		return
	}
	res := shell.Result{Files: map[string]string{p: content}}
	c := &ev.c
	for _, ef := range effect.Of(&res, nil, effect.Env{Home: ev.e.env.Home, Cwd: c.Cwd}) {
		ev.judgeEffect(ef, call.ToolWrite)
		if ev.denied() {
			return
		}
	}
}

// credentialHosts are the services a kind of credential is for: a token
// sent to its own service (a GitHub token in the Authorization header of
// a call to api.github.com) is the token used, not leaked.
var credentialHosts = table.Map[string, []string]{Build: func() map[string][]string {
	return map[string][]string{
		"github_token":       {"github.com", "githubusercontent.com", "ghcr.io"},
		"gitlab_token":       {"gitlab.com"},
		"slack_token":        {"slack.com"},
		"npm_token":          {"npmjs.org", "npmjs.com"},
		"pypi_token":         {"pypi.org"},
		"stripe_key":         {"stripe.com"},
		"google_api_key":     {"googleapis.com"},
		"api_key":            {"openai.com", "anthropic.com"},
		"huggingface_token":  {"huggingface.co", "hf.co"},
		"digitalocean_token": {"digitalocean.com"},
		"sendgrid_key":       {"sendgrid.com"},
		// no shopify_token: a shop's token is for that one shop, and
		// anyone may open another under myshopify.com
	}
}}

// tokenPrefixes are the prefixes that name a token's service (its kind in
// credentialHosts), for a token found as a header's value.
var tokenPrefixes = []struct{ prefix, kind string }{
	{"sk_test_", "stripe_key"}, {"sk_live_", "stripe_key"}, {"rk_test_", "stripe_key"}, {"rk_live_", "stripe_key"},
	{"ghp_", "github_token"}, {"gho_", "github_token"}, {"ghs_", "github_token"}, {"github_pat_", "github_token"},
	{"glpat-", "gitlab_token"}, {"glcbt-", "gitlab_token"}, {"glrt-", "gitlab_token"}, {"xoxb-", "slack_token"}, {"xoxp-", "slack_token"}, {"npm_", "npm_token"},
	{"pypi-", "pypi_token"}, {"hf_", "huggingface_token"}, {"SG.", "sendgrid_key"},
}

// tokenService returns the kind of credential a token's prefix names, or "".
func tokenService(token string) string {
	t := strings.TrimSpace(token)
	if l := strings.ToLower(t); strings.HasPrefix(l, "bearer ") || strings.HasPrefix(l, "token ") {
		_, rest, _ := strings.Cut(t, " ")
		t = strings.TrimSpace(rest)
	}
	for _, p := range tokenPrefixes {
		if strings.HasPrefix(t, p.prefix) {
			return p.kind
		}
	}
	return ""
}

// ownHost reports whether host is, or is under, a service the kind of
// credential is for.
func ownHost(kind, host string) bool {
	if effect.CustomerHost(host, false) {
		return false // a customer's function or web app (effect/customerhosts.go)
	}
	for _, h := range credentialHosts.Get(kind) {
		if host == h || strings.HasSuffix(host, "."+h) {
			return true
		}
	}
	return false
}

// usesCredential reports whether a param sends a credential to be used:
// headers (Authorization), or a body whose credential sits in a field
// named for one ({"token": ...}, client_secret=...). A credential in any
// other field of a body (an issue's description, a message's text) is
// published to the service, not used by it.
func usesCredential(key string, v any) bool {
	if !strings.EqualFold(key, "body") && !strings.EqualFold(key, "data") && !strings.EqualFold(key, "json") && !strings.EqualFold(key, "form") {
		return true // headers, auth
	}
	var fields any
	switch x := v.(type) {
	case map[string]any, []any:
		fields = x
	case string:
		t := strings.TrimSpace(x)
		if strings.HasPrefix(t, "{") || strings.HasPrefix(t, "[") {
			if json.Unmarshal([]byte(t), &fields) != nil {
				return false
			}
		} else if form, err := url.ParseQuery(t); err == nil {
			m := map[string]any{}
			for fk, fv := range form {
				m[fk] = strings.Join(fv, " ")
			}
			fields = m
		}
	}
	return credentialPlacesOnly("", fields, 0)
}

// credentialPlacesOnly reports whether every credential in a body's value
// sits in a field named for one, however deep: a token in a gist's file
// content ({"files": {"t": {"content": …}}}), an issue's labels or a
// message's blocks is published to the service, not used by it.
func credentialPlacesOnly(key string, v any, depth int) bool {
	if depth > maxMCPDepth {
		return false
	}
	switch x := v.(type) {
	case map[string]any:
		for fk, fv := range x {
			if !credentialPlacesOnly(fk, fv, depth+1) {
				return false
			}
		}
	case []any:
		for _, e := range x {
			if !credentialPlacesOnly(key, e, depth+1) {
				return false
			}
		}
	case string:
		return leakedSecret(x) == "" || key != "" && credentialField(key)
	}
	return true
}

// credentialField: a field name that says its value is a credential.
func credentialField(k string) bool {
	k = strings.ToLower(k)
	for _, w := range []string{"token", "secret", "password", "passwd", "key", "auth", "credential", "assertion", "code"} {
		if strings.Contains(k, w) {
			return true
		}
	}
	return false
}

// judgeSentParams judges a credential in what a fetch sends besides its
// URL (a body, form data, headers): a key in a POST body leaves for the
// host as surely as one in the query does. Hosts on this machine are left
// alone, as judgeURLCredentials leaves them.
func (ev *evaluation) judgeSentParams(s *subject) {
	if ev.denied() || !s.hasURL || loopbackHost(s.url.Host) {
		return
	}
	// in the keys' order, so that the first credential found, which the
	// decision names, is the same at every call (Evaluate and Explain)
	for _, k := range slices.Sorted(maps.Keys(ev.c.Params)) {
		v := ev.c.Params[k]
		if k == "url" || k == "method" || k == "prompt" {
			continue // WebFetch's prompt is for the model that reads the page, not the host
		}
		text, ok := v.(string)
		if !ok {
			b, err := json.Marshal(v)
			if err != nil {
				continue
			}
			text = string(b)
		}
		if len(text) < 16 {
			continue
		}
		if len(text) > maxScannedContent {
			text = text[:maxScannedContent]
		}
		for _, f := range sentSecrets(text) {
			kind := f.kind
			if kind == "authorization" {
				if k := tokenService(f.value); k != "" {
					kind = k // Bearer sk_test_…: a Stripe key, for Stripe's API
				}
			}
			// (a URL's password in a body or a header is handed to the
			// host, as any credential there is: the fetch's own login is
			// its url parameter's, judgeURLCredentials)
			if !(ownHost(kind, s.url.Host) && usesCredential(k, v)) {
				fs := subject{tool: "flow", text: kind + " sent to " + s.url.Host, effect: "flow:credential->network"}
				ev.judge(&fs)
				return
			}
		}
	}
}

// sentSecret is one credential found in what a call sends.
type sentSecret struct{ kind, value string }

// sentSecrets are every credential a text carries, written out or inside
// an encoded run of it (leakedSecretValue finds the first): a second token
// beside one sent to its own service (an X-Forward header, a second word
// of the Authorization header) is judged for itself.
func sentSecrets(v string) []sentSecret {
	var out []sentSecret
	for _, f := range secret.Scan(v) {
		if f.Kind == "url_password" && exampleLogin(v[f.Start:f.End], v[f.End:]) {
			continue // postgres://user:password@localhost/db (paths.go)
		}
		if !placeholder(v[f.Start:f.End]) {
			out = append(out, sentSecret{f.Kind, v[f.Start:f.End]})
		}
	}
	for _, d := range decodings(v) { // decode.go
		for _, f := range secret.Scan(d) {
			if !placeholder(d[f.Start:f.End]) {
				out = append(out, sentSecret{f.Kind, ""})
			}
		}
	}
	return out
}
