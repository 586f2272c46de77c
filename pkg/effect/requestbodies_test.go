package effect

import (
	"strings"
	"testing"
)

// TestRequestBodyLiterals checks which URL literals of a request call are
// data in its body: a member's, an item's or the body's own value, never
// one assigned inside the body, nor the destination, nor an option.
func TestRequestBodyLiterals(t *testing.T) {
	for _, tt := range []struct {
		code, url string
		data      bool
	}{
		{`requests.patch('https://api.example.com/r', json={'homepage': 'https://a.example'})`, "https://a.example", true},
		{`requests.patch('https://api.example.com/r', json={'homepage': 'https://a.example'})`, "https://api.example.com/r", false},
		{`requests.post('https://api.example.com/r', data='https://a.example')`, "https://a.example", true},
		{`requests.post('https://api.example.com/r', json={'l': ['x', 'https://a.example']})`, "https://a.example", true},
		{`fetch('https://api.example.com/r', {method: 'PATCH', body: JSON.stringify({h: 'https://a.example'})})`, "https://a.example", true},
		{`fetch('https://api.example.com/r', {"body": JSON.stringify({h: 'https://a.example'})})`, "https://a.example", true},
		{`fetch('https://api.example.com/r', {body: JSON.stringify({h: u = 'https://a.example'})})`, "https://a.example", false},
		{`requests.patch('https://api.example.com/r', json={'h': (u := 'https://a.example')})`, "https://a.example", false},
		{`requests.patch('https://api.example.com/r', json={'h': 'x' + 'https://a.example'})`, "https://a.example", false},
		{`axios({url: 'https://a.example', data: {x: 1}})`, "https://a.example", false},
		{`fetch('https://api.example.com/r', {body: 'x', proxy: 'https://a.example'})`, "https://a.example", false},
		{`requests.patch('https://api.example.com/r', params={'next': 'https://a.example'})`, "https://a.example", false},
		{`print({'body': 'https://a.example'})`, "https://a.example", false},
	} {
		k := strings.Index(tt.code, tt.url)
		if k < 0 {
			t.Fatalf("%q not in %q", tt.url, tt.code)
		}
		if got := RequestBodyLiterals(tt.code).Holds(k); got != tt.data {
			t.Errorf("RequestBodyLiterals(%s) holds %s = %v, want %v", tt.code, tt.url, got, tt.data)
		}
	}
}

// FuzzRequestBodyLiterals checks the reader never panics and every literal
// it returns lies inside the code.
func FuzzRequestBodyLiterals(f *testing.F) {
	f.Add(`fetch('https://a.example', {body: JSON.stringify({h: 'https://b.example'})})`)
	f.Add(`requests.post(u, json={'a': ['https://b.example', (x := 'y')]}, data=`)
	f.Add(`x.get(,{,body:'`)
	f.Fuzz(func(t *testing.T, code string) {
		for _, sp := range RequestBodyLiterals(code) {
			if sp.from < 0 || sp.to > len(code) || sp.from > sp.to {
				t.Fatalf("span %v outside %d bytes", sp, len(code))
			}
		}
	})
}
