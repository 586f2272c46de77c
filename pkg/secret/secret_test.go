package secret

import (
	"encoding/json"
	"fmt"
	"reflect"
	"strings"
	"testing"
)

// Test credentials are assembled at run time so that the source holds no
// string a repository scanner would flag.
var (
	awsID     = "AKIA" + "IOSFODNN7EXAMPLE"
	awsSecret = "wJalrXUtnFEMI/K7MDENG/bPxRfiCY" + "EXAMPLEKEY"
	ghToken   = "ghp_" + strings.Repeat("aB3d", 9)
	ghPAT     = "github_pat_" + "11ABCDEFG0123456789_abcdefghijklmnop"
	glToken   = "glpat-" + "xxxxYYYYzzzz00001111"
	slack     = "xoxb-" + "123456789012-abcdefABCDEF"
	stripe    = "sk_live_" + "4eC39HqLyjWDarjtT1zdp7dc"
	google    = "AIza" + "SyA-1234567890abcdefghijklmnopqrstu"
	openai    = "sk-" + "proj-Abc123Def456Ghi789Jkl012"
	anthropic = "sk-" + "ant-api03-Abc123Def456Ghi789Jkl012Mno"
	jwt       = "eyJ" + "hbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U"
	npmToken  = "npm_" + "Zk3Pq8Rt5Vw2Xy7Ab4Cd9Ef1Gh6Jk0Lm3Np8"
	pypiToken = "pypi-" + "AgEIcHlwaS5vcmcCJGE0YjFjZDM0LTU2NzgtOTBhYi1jZGVmLTEyMzQ1Njc4OTBhYg"
	pemRSA    = "-----BEGIN RSA " + "PRIVATE KEY-----\nMIIEowIBAAKCAQEAx\nabc+/=\n-----END RSA " + "PRIVATE KEY-----"
	pemSSH    = "-----BEGIN OPENSSH " + "PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAA\n-----END OPENSSH " + "PRIVATE KEY-----"
	pemPGP    = "-----BEGIN PGP PRIVATE " + "KEY BLOCK-----\n\nlQOYBF\n-----END PGP PRIVATE " + "KEY BLOCK-----"
)

func TestRedact(t *testing.T) {
	tests := []struct {
		in, want string
		kinds    []string
	}{
		{"export AWS_ACCESS_KEY_ID=" + awsID, "export AWS_ACCESS_KEY_ID=[REDACTED]", []string{"aws_access_key_id"}},
		{"aws_secret_access_key = " + awsSecret, "aws_secret_access_key = [REDACTED]", []string{"aws_secret_access_key"}},
		{"AWS_SECRET_ACCESS_KEY=" + awsSecret + " aws s3 ls", "AWS_SECRET_ACCESS_KEY=[REDACTED] aws s3 ls", []string{"aws_secret_access_key"}},
		// a generated key that happens to hold no '/' or '+' is no camelCase name
		{"aws_secret_access_key = " + "wJ8rT2kLx9QpV4nB7mZc" + "1YdF6sH3gA0eU5iO2jKl", "aws_secret_access_key = [REDACTED]", []string{"aws_secret_access_key"}},
		{"git clone https://" + ghToken + "@github.com/x/y", "git clone https://[REDACTED]@github.com/x/y", []string{"github_token"}},
		{"token " + ghPAT, "token [REDACTED]", []string{"github_token"}},
		{"GITLAB=" + glToken, "GITLAB=[REDACTED]", []string{"gitlab_token"}},
		{"slack " + slack + ".", "slack [REDACTED].", []string{"slack_token"}},
		{"publish with " + npmToken, "publish with [REDACTED]", []string{"npm_token"}},
		{"upload " + pypiToken + " done", "upload [REDACTED] done", []string{"pypi_token"}},
		{"hook: https://hooks.slack.com/services/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 ok", "hook: https://hooks.slack.com/services/[REDACTED] ok", []string{"webhook_url"}},
		{"see https://hooks.slack.com/services/ for the format", "see https://hooks.slack.com/services/ for the format", nil},
		{"stripe(" + stripe + ")", "stripe([REDACTED])", []string{"stripe_key"}},
		{"key=" + google, "key=[REDACTED]", []string{"google_api_key"}},
		{"OPENAI " + openai, "OPENAI [REDACTED]", []string{"api_key"}},
		{"x " + anthropic + " y", "x [REDACTED] y", []string{"api_key"}},
		{"cookie " + jwt, "cookie [REDACTED]", []string{"jwt"}},
		{"a\n" + pemRSA + "\nb", "a\n[REDACTED]\nb", []string{"private_key"}},
		{pemSSH, "[REDACTED]", []string{"private_key"}},
		{pemPGP, "[REDACTED]", []string{"private_key"}},
		{"cut -----BEGIN EC PRIVATE " + "KEY-----\nMHcCAQEE", "cut [REDACTED]", []string{"private_key"}},
		{"curl -H 'Authorization: Bearer abc.def-123' x", "curl -H 'Authorization: Bearer [REDACTED]' x", []string{"authorization"}},
		{`{"Authorization":"Basic dXNlcjpwYXNz"}`, `{"Authorization":"Basic [REDACTED]"}`, []string{"authorization"}},
		{"psql postgres://app:s3cr3t@db:5432/x", "psql postgres://app:[REDACTED]@db:5432/x", []string{"url_password"}},
		{"https://user:pass@host", "https://user:[REDACTED]@host", []string{"url_password"}},
		{"mysql --password=hunter2 db", "mysql --password=[REDACTED] db", []string{"password"}},
		{"VAULT_TOKEN=hvs.CAESIR4nd0mT0k3nV4lu3F0rT3st1ngXyZ", "VAULT_TOKEN=[REDACTED]", []string{"vault_token"}},
		{"key SG.R4nd0mT0k3nV4lu3F0rT3s.t1ngXyZ1234567abcdEFGHijklMNOPqrstUVWXyz01234 x", "key [REDACTED] x", []string{"sendgrid_key"}},
		{"AccountName=a;AccountKey=R4nd0mT0k3nV4lu3F0rT3st1ngXyZ1234567abcdEFGH==;EndpointSuffix=x", "AccountName=a;[REDACTED];EndpointSuffix=x", []string{"azure_key"}},
		{"PuTTY-User-Key-File-3: ssh-ed25519\nPrivate-Lines: 1\nAAAA\nPrivate-MAC: 4f2a\nnext", "[REDACTED]\nnext", []string{"private_key"}},
		{"# created: x\nAGE-SECRET-KEY-1QQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQ", "# created: x\n[REDACTED]", []string{"age_secret_key"}},
		{"DB_PASSWORD=hunter2 ./run", "DB_PASSWORD=[REDACTED] ./run", []string{"password"}},
		{`{"password": "correct horse"}`, `{"password": "[REDACTED]"}`, []string{"password"}},
		{`{\"api_key\":\"abcd1234\"}`, `{\"api_key\":\"[REDACTED]\"}`, []string{"api_key"}},
		{"client_secret: 9f8e7d6c5b", "client_secret: [REDACTED]", []string{"secret"}},
		{`secret := "s3cr3t-value"`, `secret := "[REDACTED]"`, []string{"secret"}},
		{"https://api.x.com/v1?token=abcdef123&x=1", "https://api.x.com/v1?token=[REDACTED]&x=1", []string{"token"}},
		{"X-Api-Key: 0123456789abcdef", "X-Api-Key: [REDACTED]", []string{"api_key"}},
		{"passwd='p@ss w0rd'", "passwd='[REDACTED]'", []string{"password"}},
	}
	for _, tt := range tests {
		got, fs := Redact(tt.in)
		if got != tt.want {
			t.Errorf("Redact(%q) = %q, want %q", tt.in, got, tt.want)
		}
		var kinds []string
		for _, f := range fs {
			kinds = append(kinds, f.Kind)
		}
		if !reflect.DeepEqual(kinds, tt.kinds) {
			t.Errorf("Redact(%q) kinds = %v, want %v", tt.in, kinds, tt.kinds)
		}
	}
}

// Ordinary code, commands and prose must come through untouched.
func TestNoFalsePositives(t *testing.T) {
	clean := []string{
		"git status",
		"go test ./... -run TestAsk-runner",
		"npm run task-runner-with-a-very-long-name-here",
		"pip install sk-learn-pipeline-extension-package",
		"token = getToken()",
		"password: str",
		"password: string",
		"const password = os.Getenv(\"PASSWORD\")",
		"secret := os.Getenv(\"SECRET\")",
		"password = self.password",
		"token = new_token",
		"accessToken = refreshedAccessToken",
		"accessToken = refreshedAccessTokenForUser2",
		"max_tokens=1000",
		"SG.setup(options)",
		"hvs.example",
		"AccountKey=<your-key>",
		"docs: a PuTTY-User-Key-File-3 header starts a .ppk file",
		"tokenizer: bert-base-uncased",
		"token_type: bearer",
		"password: ${DB_PASSWORD}",
		"password=$PGPASSWORD",
		"export TOKEN=%TOKEN%",
		"if password == \"\" {",
		"if token != nil {",
		"password: null",
		"password=abc",
		"username=admin&password=FUZZ",
		"user=FUZZ&password=FUZ2Z",
		"username=^USER^&password=^PASS^:Login failed",
		"password=§pw§&submit=1",
		"https://example.com:8080/path?q=1",
		"see https://github.com/ghp_project",
		"npm_config_registry=https://registry.npmjs.org/",
		"npm_<your token>",
		"AKIA is a prefix",
		"xAKIAIOSFODNN7EXAMPLEx",
		"eyJhbGciOi is not a token on its own",
		"-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----",
		"-----BEGIN PUBLIC KEY-----\nMIIB\n-----END PUBLIC KEY-----",
		"map[string]string{\"a\": \"b\"}",
		"std::string password;",
		"Authorization: Bearer",
		"Authorization: Bearer $TOKEN",
		"The quick brown fox: jumps = over the lazy dog.",
	}
	for _, s := range clean {
		if fs := Scan(s); len(fs) != 0 {
			t.Errorf("Scan(%q) = %v, want nothing", s, fs)
		}
	}
}

func TestRedactValue(t *testing.T) {
	var v any
	in := `{"command":"curl -H 'Authorization: Bearer zzzz9999' https://x","env":{"DB_PASSWORD":"hunter2","HOME":"/root"},` +
		`"headers":{"Authorization":"Bearer abcdefgh"},"list":["ok","` + awsID + `"],"n":3,"b":true,"z":null}`
	if err := json.Unmarshal([]byte(in), &v); err != nil {
		t.Fatal(err)
	}
	orig, _ := json.Marshal(v)
	got, fs := RedactValue(v)
	b, _ := json.Marshal(got)
	want := `{"b":true,"command":"curl -H 'Authorization: Bearer [REDACTED]' https://x","env":{"DB_PASSWORD":"[REDACTED]","HOME":"/root"},` +
		`"headers":{"Authorization":"Bearer [REDACTED]"},"list":["ok","[REDACTED]"],"n":3,"z":null}`
	if string(b) != want {
		t.Errorf("RedactValue = %s\nwant %s", b, want)
	}
	if after, _ := json.Marshal(v); string(after) != string(orig) {
		t.Errorf("RedactValue modified its input: %s", after)
	}
	paths := map[string]string{}
	for _, f := range fs {
		paths[f.Path] = f.Kind
	}
	wantPaths := map[string]string{"/command": "authorization", "/env/DB_PASSWORD": "password", "/headers/Authorization": "authorization", "/list/1": "aws_access_key_id"}
	if !reflect.DeepEqual(paths, wantPaths) {
		t.Errorf("RedactValue paths = %v, want %v", paths, wantPaths)
	}

	clean := map[string]any{"command": "git status", "n": 1.0}
	if got, fs := RedactValue(clean); len(fs) != 0 || reflect.ValueOf(got).Pointer() != reflect.ValueOf(clean).Pointer() {
		t.Errorf("RedactValue(clean) copied or found %v", fs)
	}
}

func TestPointerEscape(t *testing.T) {
	v := map[string]any{"a/b~c": []any{"x", map[string]any{"token": "abcdefgh"}}}
	_, fs := RedactValue(v)
	if len(fs) != 1 || fs[0].Path != "/a~1b~0c/1/token" {
		t.Errorf("RedactValue path = %v, want /a~1b~0c/1/token", fs)
	}
}

func FuzzRedact(f *testing.F) {
	for _, s := range []string{
		"git status", "export AWS_ACCESS_KEY_ID=" + awsID, pemRSA, jwt, "https://u:p4ss@h/x",
		"password=hunter2", `{"token":"abcdefgh"}`, "Authorization: Bearer abc123xyz", openai, ghToken,
		"sk-" + "Aa1" + strings.Repeat("x", 20) + "AKIA" + "IOSFODNN7EXAMPLE",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		out, fs := Redact(s)
		last := 0
		for _, x := range fs {
			if x.Start < last || x.End < x.Start || x.End > len(s) {
				t.Fatalf("Redact(%q): bad finding %+v", s, x)
			}
			last = x.End
		}
		if len(fs) == 0 && out != s {
			t.Fatalf("Redact(%q) changed clean text to %q", s, out)
		}
		if more := Scan(out); len(more) != 0 {
			t.Fatalf("Redact(%q) = %q, which still holds %+v", s, out, more)
		}
	})
}

func BenchmarkScan(b *testing.B) {
	code := strings.Repeat("func (l *Log) Append(e Entry) (Record, error) {\n\tif err := l.lock(); err != nil {\n\t\treturn Record{}, fmt.Errorf(\"audit: %w\", err)\n\t}\n", 16)
	for _, bc := range []struct{ name, s string }{
		{"command", "git status"},
		{"command_long", "find . -name '*.go' -exec grep -l 'TODO' {} + | xargs wc -l | sort -n | tail -20"},
		{"code_2KiB", code},
		{"prose_2KiB", strings.Repeat("The quick brown fox jumps over the lazy dog, then rests. ", 36)},
		{"secret", "curl -H 'Authorization: Bearer " + ghToken + "' https://api.github.com"},
	} {
		b.Run(bc.name, func(b *testing.B) {
			b.SetBytes(int64(len(bc.s)))
			b.ReportAllocs()
			for b.Loop() {
				Scan(bc.s)
			}
		})
	}
}

func BenchmarkRedactValue(b *testing.B) {
	v := map[string]any{"command": "git commit -m 'fix the build' && git push origin main", "cwd": "/home/u/p"}
	b.ReportAllocs()
	for b.Loop() {
		RedactValue(v)
	}
}

// TestClean checks Clean against RedactValue, string by string, with and
// without a key that names a credential.
func TestClean(t *testing.T) {
	strs := []string{"", "hello", "git status", "hunter2", "abc", Mask, "${PASSWORD}", "Bearer abcdefgh", "Basic " + awsSecret,
		awsID, awsSecret, ghToken, jwt, pemRSA, "password=" + awsSecret, "see https://user:" + awsSecret + "@example.com/x"}
	keys := []string{"", "text", "content", "password", "DB_PASSWORD", "Authorization", "api_key", "data"}
	for _, s := range strs {
		for _, k := range keys {
			var v any = s
			if k != "" {
				v = map[string]any{k: []any{"x", map[string]any{"n": 1.0}, s}}
			}
			_, fs := RedactValue(v)
			if got := Clean(s, k); got != (len(fs) == 0) {
				t.Errorf("Clean(%q, %q) = %v, RedactValue found %v", s, k, got, fs)
			}
		}
	}
}

// TestEmptyAuthorization: an empty value under an Authorization key holds
// no credential (it once indexed past the end of the string).
func TestEmptyAuthorization(t *testing.T) {
	for _, v := range []any{map[string]any{"Authorization": ""}, map[string]any{"headers": map[string]any{"authorization": []any{""}}}} {
		if _, fs := RedactValue(v); len(fs) != 0 {
			t.Errorf("RedactValue(%v) found %v", v, fs)
		}
	}
}

// The path handed down the walk is right for siblings (which reuse its
// slot) and past the room RedactValue starts with, and a clean value
// costs the walk no allocation.
func TestRedactValuePathsDeepAndSiblings(t *testing.T) {
	var deep any = map[string]any{"token": "abcdefgh"}
	want := "/token"
	for i := 11; i >= 0; i-- {
		k := fmt.Sprintf("k%d", i)
		deep = map[string]any{k: []any{"x", deep}}
		want = "/" + k + "/1" + want
	}
	v := map[string]any{"a": map[string]any{"password": "hunter22"}, "b": []any{"ok", map[string]any{"secret": "s3cr3t-value"}}, "deep": deep}
	_, fs := RedactValue(v)
	paths := map[string]bool{}
	for _, f := range fs {
		paths[f.Path] = true
	}
	for _, p := range []string{"/a/password", "/b/1/secret", "/deep" + want} {
		if !paths[p] {
			t.Errorf("no finding at %s; found %v", p, fs)
		}
	}
	clean := map[string]any{"server": "filesystem", "tool": "read_text_file", "arguments": map[string]any{"path": "/home/u/p/hello.txt", "n": 1.0}}
	if n := testing.AllocsPerRun(100, func() { RedactValue(clean) }); n != 0 {
		t.Errorf("RedactValue of a clean value: %v allocations, want 0", n)
	}
}

// A member name of any length is read by its ending: one with more
// letters and digits than maxKey neither panics nor hides its kind.
func TestLongKeyNames(t *testing.T) {
	long := strings.Repeat("a1_", 50)
	for key, want := range map[string]string{
		long:                              "",
		long + "password":                 "password",
		long + "-API-Key":                 "api_key",
		"x_" + long + "authorization":     "authorization",
		strings.Repeat("Z", 64):           "",
		strings.Repeat("z", 59) + "token": "token",
	} {
		if got := keyKind(key); got != want {
			t.Errorf("keyKind(%.20q...) = %q, want %q", key, got, want)
		}
	}
	v := map[string]any{long + "password": "hunter22", long: "plain text", "args": map[string]any{long + "token": "s3cr3t-value"}}
	_, fs := RedactValue(v)
	if len(fs) != 2 {
		t.Errorf("RedactValue under long names found %v, want the password and the token", fs)
	}
	if !Clean("plain text", long) || Clean("hunter22", long+"password") {
		t.Error("Clean under long names")
	}
}

// A fuzzer's marker is a placeholder only when it is the whole value.
func TestFuzzMarkersOnlyWhole(t *testing.T) {
	for _, s := range []string{"password=FUZZy-s3cr3t", "password=^hunter2x", "password=FUZ1Zabcd", "password=^X^s3cr3tpw"} {
		if fs := Scan(s); len(fs) == 0 {
			t.Errorf("Scan(%q) found nothing, want the password", s)
		}
	}
}
