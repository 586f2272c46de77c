package effect

import "testing"

// TestPublishedSecretFields reads a secret in a JSON array's element or
// in a member's name as the data of the array's member or of the object:
// published, unless the member is named for a credential.
func TestPublishedSecretFields(t *testing.T) {
	for _, c := range []struct {
		body string
		want bool
	}{
		{`{"title":"x","labels":["$GITHUB_TOKEN"]}`, true},
		{`{"title":"x","labels":["bug", "$GITHUB_TOKEN"]}`, true},
		{`{"public":true,"files":{"$GITHUB_TOKEN":{"content":"x"}}}`, true},
		{`{"topics":["$GITHUB_TOKEN"]}`, true},
		{`{"body":"$GITHUB_TOKEN"}`, true},
		{`{"tokens":["$GITHUB_TOKEN"]}`, false},
		{`{"client_secret":"$GOOGLE_CLIENT_SECRET"}`, false},
		{`["$GITHUB_TOKEN"]`, false},
		{`client_secret=$GOOGLE_CLIENT_SECRET&code=x`, false},
	} {
		if got := publishedSecret(c.body); got != c.want {
			t.Errorf("publishedSecret(%s) = %v, want %v", c.body, got, c.want)
		}
	}
}

// TestPublishedOption reads an option as the field its value fills.
func TestPublishedOption(t *testing.T) {
	for _, c := range []struct {
		opt, value string
		want       bool
	}{
		{"--body", "$GITHUB_TOKEN", true},
		{"--message", "token: $AWS_SECRET_ACCESS_KEY", true},
		{"--message-body", "${AWS_SESSION_TOKEN}", true},
		{"--description", "$STRIPE_API_KEY", true},
		{"--body", "see CI run 812", false},
		{"--token", "$GITHUB_TOKEN", false},
		{"--api-key", "$STRIPE_API_KEY", false},
		{"--data", "$GITHUB_TOKEN", false},
		{"-b", "$GITHUB_TOKEN", false},
		{"--field", "body=$GITHUB_TOKEN", true},
		{"--field", "token=$GITHUB_TOKEN", false},
	} {
		if got := publishedOption(nil, c.opt, c.value); got != c.want {
			t.Errorf("publishedOption(%s, %s) = %v, want %v", c.opt, c.value, got, c.want)
		}
	}
}
