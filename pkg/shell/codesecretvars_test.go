package shell

import (
	"slices"
	"testing"
)

func TestSecretVarNames(t *testing.T) {
	for _, tc := range []struct {
		code string
		want []string
	}{
		{`Github(os.environ['GITHUB_TOKEN']).get_repo('a/b')`, []string{"GITHUB_TOKEN"}},
		{`requests.get(u, headers={'Authorization': 'Bearer ' + os.environ["GH_TOKEN"]})`, []string{"GH_TOKEN"}},
		{`new Octokit({auth: process.env.GITHUB_TOKEN}); x = process.env.GITHUB_TOKEN_2`, nil}, // the second read is data
		{`require('stripe')(process.env.STRIPE_SECRET_KEY)`, []string{"STRIPE_SECRET_KEY"}},
		{`stripe.api_key=os.environ['STRIPE_SECRET_KEY']; x=os.getenv('STRIPE_SECRET_KEY', '')`, nil},
		{`WebClient(token=os.environ['SLACK_BOT_TOKEN']).chat_postMessage(text=os.environ['SLACK_BOT_TOKEN'])`, nil},
		{`requests.post(u, data=os.environ['GITHUB_TOKEN'])`, nil},
		{`requests.post(os.environ['GITHUB_TOKEN'])`, nil},
	} {
		if got := secretVarNames(tc.code); !slices.Equal(got, tc.want) {
			t.Errorf("secretVarNames(%q) = %q, want %q", tc.code, got, tc.want)
		}
	}
	// the facts of code that also reads a credential file have no list
	f := codeFacts("python", `import requests,os; requests.get('https://api.github.com', headers={'Authorization': os.environ['GITHUB_TOKEN']}); open(os.path.expanduser('~/.ssh/id_rsa'))`)
	if !f.Secrets || f.SecretVars != nil {
		t.Errorf("codeFacts with a key file: Secrets %v, SecretVars %q", f.Secrets, f.SecretVars)
	}
	// merged scans keep the list only when every scan's secrets are variables
	a := CodeFacts{Secrets: true, SecretVars: []string{"GITHUB_TOKEN"}}
	if got := a.or(CodeFacts{Secrets: true}).SecretVars; got != nil {
		t.Errorf("or with a scan of file secrets kept %q", got)
	}
	if got := (CodeFacts{}).or(a).SecretVars; !slices.Equal(got, []string{"GITHUB_TOKEN"}) {
		t.Errorf("or of an empty scan = %q", got)
	}
}
