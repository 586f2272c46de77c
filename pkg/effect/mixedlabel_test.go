package effect

import "testing"

func TestDottedHostMixedLabel(t *testing.T) {
	for h, want := range map[string]bool{
		"3829104.ab12":            false, // a Lokalise project id
		"build.x86":               false,
		"api.example.com":         true,
		"203.0.113.7":             true, // an IPv4 address
		"xn--80ak6aa92e.xn--p1ai": true, // an IDN's ASCII form
		"5201123.paste-bin.io":    true,
	} {
		if got := dottedHost(h); got != want {
			t.Errorf("dottedHost(%q) = %v, want %v", h, got, want)
		}
	}
}
