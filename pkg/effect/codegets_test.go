package effect

import "testing"

// TestCodeGets checks which calls in code GET the URL they are given
// alone, and that a call given a body or a method, or a URL that is only
// part of a string, is no such GET.
func TestCodeGets(t *testing.T) {
	const u = "https://api.example.net/admin/purge"
	for code, want := range map[string]bool{
		`import requests; requests.get('` + u + `')`:                     true,
		`import urllib.request as r; r.urlopen("` + u + `")`:             true,
		`fetch('` + u + `').then(r => r.json())`:                         true,
		`require('https').get('` + u + `', r => r.resume())`:             true,
		`Net::HTTP.get(URI("` + u + `"))`:                                true,
		`echo file_get_contents("` + u + `");`:                           true,
		`fetch('` + u + `', {method: 'DELETE'})`:                         false,
		`r.urlopen("` + u + `", data=b"x")`:                              false,
		`requests.post('` + u + `')`:                                     false,
		`prefetch('` + u + `')`:                                          false,
		`print('see ` + u + `')`:                                         false,
		`requests.get('` + u + `?x=1')`:                                  false,
		`requests.get(url='` + u + `')`:                                  true,
		`requests.get(f'` + u + `')`:                                     true,
		`requests.request('GET', '` + u + `')`:                           true,
		`urlopen('` + u + `', timeout=10)`:                               true,
		`urlopen('` + u + `', payload)`:                                  false,
		`u.urlopen(u.Request('` + u + `'))`:                              true,
		`fetch('` + u + `', {headers: {'x-a': '1'}})`:                    true,
		`fetch('` + u + `', {method: 'GET'})`:                            true,
		`fetch('` + u + `', {method: 'POST', body: 'x'})`:                false,
		`require('axios')('` + u + `')`:                                  true,
		`URI("` + u + `").read`:                                          true,
		`open("` + u + `").read`:                                         true,
		`file("` + u + `");`:                                             true,
		`$c = curl_init("` + u + `"); curl_exec($c);`:                    true,
		`$c = curl_init("` + u + `"); curl_setopt($c, CURLOPT_POST, 1);`: false,
		`use LWP::Simple; getprint "` + u + `"`:                          true,
	} {
		if got := codeGets(code, u); got != want {
			t.Errorf("codeGets(%q) = %v, want %v", code, got, want)
		}
	}
}
