package shell

import (
	"slices"
	"testing"
)

// TestCodeSecretLogins: the secret variables code reads only to log in,
// and the shapes that are not that (a secret as data, another variable
// read, input a host could come from, a credential file, decoded text).
func TestCodeSecretLogins(t *testing.T) {
	for _, c := range []struct {
		code string
		vars []string
		ok   bool
	}{
		{`requests.get(u, headers={'Authorization': 'Bearer ' + os.environ['GITHUB_TOKEN']})`, []string{"GITHUB_TOKEN"}, true},
		{`stripe.api_key = os.environ["STRIPE_SECRET_KEY"]`, []string{"STRIPE_SECRET_KEY"}, true},
		{`new Octokit({ auth: process.env.GH_TOKEN })`, []string{"GH_TOKEN"}, true},
		{`h = {"x-api-key": os.getenv("ANTHROPIC_API_KEY")}`, []string{"ANTHROPIC_API_KEY"}, true},
		{`print(os.environ['GITHUB_TOKEN'])`, nil, false},
		{`post(u, json={'content': os.environ['GITHUB_TOKEN']})`, nil, false},
		{`get(os.environ['API_URL'], headers={'Authorization': os.environ['GITHUB_TOKEN']})`, nil, false},
		{`get(sys.argv[1], headers={'Authorization': os.environ['GITHUB_TOKEN']})`, nil, false},
		{`get(b64decode(x), headers={'Authorization': os.environ['GITHUB_TOKEN']})`, nil, false},
		{`get(u, headers={'Authorization': os.environ['GITHUB_TOKEN']}, data=open('.aws/credentials'))`, nil, false},
		{`get(u)`, nil, false},
		// the name of the read before is no login mark for the next
		{`get(u, headers={'Authorization': os.environ['GITHUB_TOKEN']}); s.send(os.environ['GITHUB_TOKEN'])`, nil, false},
		// a connection no URL names
		{`s = socket.create_connection(('x.example.net', 443)); h = {'Authorization': os.environ['GITHUB_TOKEN']}`, nil, false},
		{`c = http.client.HTTPSConnection('x.example.net'); c.request('GET', '/', headers={'Authorization': os.environ['GITHUB_TOKEN']})`, nil, false},
	} {
		vars, ok := CodeSecretLogins(c.code)
		if ok != c.ok || !slices.Equal(vars, c.vars) {
			t.Errorf("CodeSecretLogins(%q) = %q, %v; want %q, %v", c.code, vars, ok, c.vars, c.ok)
		}
	}
}
