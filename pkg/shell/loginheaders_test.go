package shell

import "testing"

// TestHeadersReadBack: a login header's dictionary used as data is read
// back; used only as a request's headers it is not.
func TestHeadersReadBack(t *testing.T) {
	for code, want := range map[string]bool{
		`h={'Authorization': 'token '+t}; r.post(u, headers=h, json={'c': json.dumps(h)})`:           true,
		`h={'Authorization': 'token '+t}; r.post(u, headers=h, json={'c': h.pop('Authorization')})`:  true,
		`const h={Authorization:'token '+t}; fetch(u,{headers:h,body:JSON.stringify(h)})`:            true,
		`h={'Authorization': 'token '+t}; r.post(u, headers=h, json={'c': 'hello'})`:                 false,
		`headers = {'Authorization': 'token '+t}; r.get(u, headers=headers).json()['login']`:         false,
		`h={}; h['Authorization'] = 'token '+t; r.get(u, headers=h)`:                                 false,
		`headers = {'Authorization': 'token '+t}; r.post(u, headers=headers, json={'headers': 'x'})`: false,
		`const headers={Authorization:'token '+t}; fetch(u,{headers}).then(r=>r.json())`:             false,
		`H=dict(Authorization='token '+t); r.post(u, headers=H, json={'c': json.dumps(H)})`:          true,
		`H = dict(Authorization='token '+t); r.get(u, headers=H).json()`:                             false,
		`const h=new Headers({Authorization:'token '+t}); fetch(u,{headers:h,body:String(h)})`:       true,
	} {
		if got := headersReadBack(code); got != want {
			t.Errorf("headersReadBack(%q) = %v, want %v", code, got, want)
		}
	}
}
