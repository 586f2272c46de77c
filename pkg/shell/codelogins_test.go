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
		// plain variables in a URL's path behind its host, in a header, or printed
		{`get('https://api.cloudflare.com/client/v4/zones/'+os.environ['CF_ZONE']+'/dns_records', headers={'Authorization':'Bearer '+os.environ['CF_API_TOKEN']})`, []string{"CF_API_TOKEN"}, true},
		{`get(f'https://api.github.com/repos/{os.environ["GITHUB_REPOSITORY"]}/issues', headers={'Authorization': 'token '+os.environ['GITHUB_TOKEN']})`, []string{"GITHUB_TOKEN"}, true},
		{`get('https://sentry.io/api/0/projects/'+os.environ['ORG']+'/'+os.environ['PROJECT']+'/issues/', headers={'Authorization':'Bearer '+os.environ['SENTRY_AUTH_TOKEN']})`, []string{"SENTRY_AUTH_TOKEN"}, true},
		{`get('https://api.cloudflare.com/client/v4/zones/%s' % os.getenv('CF_ZONE_ID'), headers={'Authorization':'Bearer '+os.getenv('CF_API_TOKEN')})`, []string{"CF_API_TOKEN"}, true},
		{`get(u, headers={'X-Auth-Email':os.environ['CF_EMAIL'],'X-Auth-Key':os.environ['CF_API_KEY']})`, []string{"CF_API_KEY"}, true},
		{`print(os.environ['USER'], get(u, headers={'Authorization':'Bearer '+os.environ['CF_API_TOKEN']}))`, []string{"CF_API_TOKEN"}, true},
		// a plain variable that may be the host, or is handed on
		{`get('https://'+os.environ['CF_ZONE']+'/x', headers={'Authorization':'Bearer '+os.environ['CF_API_TOKEN']})`, nil, false},
		{`get(os.environ['CF_ZONE'], headers={'Authorization':'Bearer '+os.environ['CF_API_TOKEN']})`, nil, false},
		{`u = os.environ['DEST']; get('https://api.cloudflare.com/x/', headers={'Authorization':'Bearer '+os.environ['CF_API_TOKEN']})`, nil, false},
		{`post('https://api.cloudflare.com/x/', headers={'Authorization':'Bearer '+os.environ['CF_API_TOKEN']}, json={'z': os.environ['CF_ZONE']})`, nil, false},
		// a plain variable named first and used only in URL paths behind their hosts
		{`repo=os.environ['GITHUB_REPOSITORY']; get(f'https://api.github.com/repos/{repo}/issues', headers={'Authorization':'token '+os.environ['GITHUB_TOKEN']})`, []string{"GITHUB_TOKEN"}, true},
		{`zone = os.environ['CF_ZONE']; get('https://api.cloudflare.com/client/v4/zones/' + zone, headers={'Authorization':'Bearer '+os.environ['CF_API_TOKEN']})`, []string{"CF_API_TOKEN"}, true},
		{`h=os.environ['API_HOST']; get(f'https://{h}/user', headers={'Authorization':'token '+os.environ['GITHUB_TOKEN']})`, nil, false},
		{`repo=os.environ['R']; get('https://api.github.com/repos/' + repo, headers={'Authorization':'token '+os.environ['GITHUB_TOKEN']}); post(repo)`, nil, false},
		{`p=os.environ['P']; get('https://api.github.com' + p, headers={'Authorization':'token '+os.environ['GITHUB_TOKEN']})`, nil, false},
		// a header set by assignment is a login; read back out, it is data
		{`r=Net::HTTP::Get.new(u); r['Authorization']='Bearer '+ENV['CF_API_TOKEN']`, []string{"CF_API_TOKEN"}, true},
		{`h={'Authorization':'token '+os.environ['GITHUB_TOKEN']}; post(u, json={'body': h['Authorization']})`, nil, false},
	} {
		vars, ok := CodeSecretLogins(c.code)
		if ok != c.ok || !slices.Equal(vars, c.vars) {
			t.Errorf("CodeSecretLogins(%q) = %q, %v; want %q, %v", c.code, vars, ok, c.vars, c.ok)
		}
	}
}

// TestFunctionsDefined: the names of the functions a line defines, called
// or not, in a string a shell runs too.
func TestFunctionsDefined(t *testing.T) {
	for _, c := range []struct {
		line string
		want []string
	}{
		{"rampart-hook() { return 0; }", []string{"rampart-hook"}},
		{"function t { go test ./...; }; t -run X", []string{"t"}},
		{"bash -c 'cd() { :; }; cd /tmp'", []string{"cd"}},
		{"git status", nil},
	} {
		res := Parse(c.line)
		if !slices.Equal(res.Functions, c.want) {
			t.Errorf("Parse(%q).Functions = %q, want %q", c.line, res.Functions, c.want)
		}
	}
}
