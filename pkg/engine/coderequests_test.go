package engine

import (
	"strings"
	"testing"

	"rampart.dev/pkg/call"
)

func TestCodeRequests(t *testing.T) {
	for _, tc := range []struct {
		code, want string // want: "METHOD URL" of the first request, or ""
	}{
		{`requests.put('https://api.github.com/repos/a/b/collaborators/x', headers=h)`, "PUT https://api.github.com/repos/a/b/collaborators/x"},
		{`await fetch('https://api.cloudflare.com/client/v4/zones/' + process.env.Z + '/purge_cache', {method: 'POST'})`, "POST https://api.cloudflare.com/client/v4/zones/x/purge_cache"},
		{"fetch(`https://api.vercel.com/v9/projects/${p}`, {method: 'DELETE'})", "DELETE https://api.vercel.com/v9/projects/x"},
		{`u.urlopen(u.Request('https://api.cloudflare.com/client/v4/zones/'+z, method='DELETE'))`, "DELETE https://api.cloudflare.com/client/v4/zones/x"},
		{`req, _ := http.NewRequest("PATCH", "http://localhost:8001/apis/apps/v1/namespaces/prod/deployments/api/scale", b)`, "PATCH http://localhost:8001/apis/apps/v1/namespaces/prod/deployments/api/scale"},
		{`LWP::UserAgent->new->request(HTTP::Request->new(DELETE => "https://api.vercel.com/v9/projects/web"))`, "DELETE https://api.vercel.com/v9/projects/web"},
		{`require('axios').delete('https://api.netlify.com/api/v1/sites/web')`, "DELETE https://api.netlify.com/api/v1/sites/web"},
		// methods spelled by constants, other callees, object literals, in any case
		{`req, _ := http.NewRequest(http.MethodDelete, "https://api.github.com/repos/a/b", nil)`, "DELETE https://api.github.com/repos/a/b"},
		{`$c->delete("https://api.github.com/repos/a/b", [])`, "DELETE https://api.github.com/repos/a/b"},
		{`await c.DeleteAsync("https://api.github.com/repos/a/b");`, "DELETE https://api.github.com/repos/a/b"},
		{`require('superagent').del('https://api.github.com/repos/a/b')`, "DELETE https://api.github.com/repos/a/b"},
		{`axios.request({url:'https://api.github.com/repos/a/b', method:'DELETE'})`, "DELETE https://api.github.com/repos/a/b"},
		{`requests.request('delete', 'https://api.github.com/repos/a/b')`, "DELETE https://api.github.com/repos/a/b"},
		{`HttpRequest.newBuilder(URI.create("https://api.github.com/repos/a/b")).DELETE().build()`, "DELETE https://api.github.com/repos/a/b"},
		{`u=URI("https://api.github.com/repos/a/b"); r=Net::HTTP::Delete.new(u)`, "DELETE https://api.github.com/repos/a/b"},
		{`file_get_contents("https://api.github.com/repos/a/b", false, stream_context_create(["http"=>["method"=>"DELETE"]]))`, "DELETE https://api.github.com/repos/a/b"},
		{`requests.delete('HTTPS://api.github.com/repos/a/b')`, "DELETE https://api.github.com/repos/a/b"},
		// a method named by a subscript, by getattr, or by a name bound to a literal
		{`axios['delete']('https://api.github.com/repos/a/b')`, "DELETE https://api.github.com/repos/a/b"},
		{`getattr(requests, 'delete')('https://api.github.com/repos/a/b')`, "DELETE https://api.github.com/repos/a/b"},
		{`verb = 'patch'; requests.request(method=verb, url='https://api.github.com/repos/a/b')`, "PATCH https://api.github.com/repos/a/b"},
		{`getattr(requests, name)('https://api.github.com/repos/a/b')`, ""},
		// reads, and a call that is not a request's
		{`requests.get('https://api.github.com/repos/a/b/pulls')`, ""},
		{`fetch('https://api.github.com/repos/a/b/issues')`, ""},
		{`print('https://api.github.com/repos/a/b')`, ""},
		{`const API='http://localhost:4000'; fetch(API+'/x',{method:'DELETE'})`, ""},
	} {
		rs := codeRequests(tc.code)
		got := ""
		if len(rs) > 0 {
			got = rs[0].method + " " + rs[0].url
		}
		if got != tc.want {
			t.Errorf("codeRequests(%q) = %q, want %q", tc.code, got, tc.want)
		}
	}
}

func TestCodeRequestsJudgedAsCurl(t *testing.T) {
	e := standard(t)
	for _, tc := range []struct {
		line string
		want call.Action
	}{
		{`python3 -c "import requests,os; requests.put('https://api.github.com/repos/acme/web/collaborators/outsider', headers={'Authorization': 'token ' + os.environ['GH_TOKEN']})"`, call.RequireApproval},
		{`bun -e "await fetch('https://api.cloudflare.com/client/v4/zones/9f2c41/purge_cache', {method: 'POST', headers: {Authorization: 'Bearer ' + process.env.CF_API_TOKEN}})"`, call.RequireApproval},
		{`python3 -c "import requests; requests.delete('http://localhost:8001/api/v1/namespaces/prod')"`, call.RequireApproval},
		{`python3 -c "import requests,os; print(requests.get('https://api.github.com/user', headers={'Authorization': 'Bearer ' + os.environ['GITHUB_TOKEN']}).json())"`, call.Allow},
		{`python3 -c "import requests; requests.post('http://localhost:3000/api/users', json={'name': 't'})"`, call.Allow},
	} {
		d := e.Evaluate(mkCall(call.ToolExec, tc.line))
		if d.Decision != tc.want {
			t.Errorf("%s: %s (%s), want %s", tc.line, d.Decision, d.Message, tc.want)
		}
	}
}

// TestLiteralBodyObjects: a body given as a dict or an object literal is
// read as the JSON it sends.
func TestLiteralBodyObjects(t *testing.T) {
	for args, want := range map[string]string{
		`, json={'private': False}, headers=h)`:                   `{"private": false}`,
		`,{method:'PATCH',body:JSON.stringify({private:false})})`: `{"private":false}`,
		`, data=json.dumps({'visibility': 'public'}))`:            `{"visibility": "public"}`,
		`, data='{"a": 1}')`:                                      `{"a": 1}`,
		`, json=dict(private=False, has_wiki=True))`:              `{"private":false, "has_wiki":true}`,
	} {
		if got := literalBody("", args); got != want {
			t.Errorf("literalBody(%q) = %q, want %q", args, got, want)
		}
	}
	// a body held in a name, or an object's shorthand of it
	for code, want := range map[string]string{
		"body = {'private': False}\nrequests.patch(U, json=body)":                                `{"private": false}`,
		"const body = JSON.stringify({visibility: 'public'}); fetch(U, {method: 'PATCH', body})": `{"visibility": "public"}`,
	} {
		args := code[strings.LastIndex(code, "U,")+2:]
		if got := literalBody(code, args); got != want {
			t.Errorf("literalBody(%q) = %q, want %q", args, got, want)
		}
	}
}
