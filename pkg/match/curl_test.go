package match

import (
	"slices"
	"strings"
	"testing"
)

func TestCurlConnectHosts(t *testing.T) {
	tests := []struct {
		args string // split on spaces
		want []string
	}{
		{"--resolve example.com:80:169.254.169.254 http://example.com/latest/meta-data/", []string{"169.254.169.254"}},
		{"--resolve=example.com:443:10.0.0.1,169.254.170.2 https://example.com/", []string{"10.0.0.1", "169.254.170.2"}},
		{"--resolve +example.com:80:[fd00:ec2::254] http://example.com/", []string{"[fd00:ec2::254]"}},
		{"--resolve example.com:80:fd00:ec2::254 http://example.com/", []string{"[fd00:ec2::254]"}},
		{"--resolve *:80:100.100.100.200 http://a.example/", []string{"100.100.100.200"}},
		{"--resolve -example.com:80 http://example.com/", nil},
		{"--connect-to example.com:80:169.254.169.254:80 http://example.com/", []string{"169.254.169.254"}},
		{"--connect-to=::metadata.google.internal: http://example.com/", []string{"metadata.google.internal"}},
		{"--connect-to [::1]:80:[fd00:ec2::254]:80 http://[::1]/", []string{"[fd00:ec2::254]"}},
		{"--connect-to example.com:80::8080 http://example.com/", nil},
		{"-x 169.254.169.254:80 http://example.com/", []string{"169.254.169.254:80"}},
		{"-sSLx http://proxy.example:3128 http://example.com/", []string{"http://proxy.example:3128"}},
		{"-xsocks5://10.0.0.1 http://example.com/", []string{"socks5://10.0.0.1"}},
		{"--socks5-hostname=127.0.0.1:9050 http://example.com/", []string{"127.0.0.1:9050"}},
		{"-sS -o out.html http://example.com/", nil},
		{"-dx=1 http://example.com/", nil},
		{"--resolve", nil},
		{"-- --resolve a:1:10.0.0.1", nil},
	}
	for _, tt := range tests {
		got := CurlConnectHosts(strings.Fields(tt.args))
		if !slices.Equal(got, tt.want) {
			t.Errorf("CurlConnectHosts(%q) = %q, want %q", tt.args, got, tt.want)
		}
	}
	// What it returns parses to the host contacted.
	for _, h := range CurlConnectHosts([]string{"--resolve", "x:80:fd00:ec2::254", "--connect-to", "x:80:0xA9FEA9FE:80"}) {
		if u, ok := ParseURL(h); !ok || u.Host != "fd00:ec2::254" && u.Host != "169.254.169.254" {
			t.Errorf("ParseURL(%q) = %+v, %v", h, u, ok)
		}
	}
}

// FuzzCurlConnectHosts checks that reading curl's options never panics and
// that every host it returns has a host part for ParseURL.
func FuzzCurlConnectHosts(f *testing.F) {
	f.Add("--resolve", "a:80:10.0.0.1", "-x")
	f.Add("--connect-to", "[::1]:80:[fd00:ec2::254]:80", "--")
	f.Add("-sSx", "socks5://h", "--resolve=+a:1:[::1],2.2.2.2")
	f.Fuzz(func(t *testing.T, a, b, c string) {
		for _, h := range CurlConnectHosts([]string{a, b, c}) {
			if h == "" {
				t.Errorf("CurlConnectHosts(%q, %q, %q) returned an empty host", a, b, c)
			}
			ParseURL(h)
		}
	})
}
