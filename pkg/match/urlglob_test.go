package match

import (
	"slices"
	"testing"
)

// TestURLGlob checks curl's URL globbing: sets and ranges anywhere in the
// URL, the host included, are expanded; a bracketed IPv6 literal is an
// address; a range curl cannot read is kept as written outside the host
// and leaves the host unknown inside it; an expansion past the bound is
// cut and reported.
func TestURLGlob(t *testing.T) {
	for _, tc := range []struct {
		in       string
		want     []string
		complete bool
	}{
		{"http://example.com/", []string{"http://example.com/"}, true},
		{"http://169.254.169.{254}/x", []string{"http://169.254.169.254/x"}, true},
		{"http://{169.254.169.254,example.com}/", []string{"http://169.254.169.254/", "http://example.com/"}, true},
		{"http://169.254.169.[253-254]/", []string{"http://169.254.169.253/", "http://169.254.169.254/"}, true},
		{"http://h/[001-003:2]", []string{"http://h/001", "http://h/003"}, true},
		{"http://h/[a-c]", []string{"http://h/a", "http://h/b", "http://h/c"}, true},
		{"http://[::ffff:a9fe:a9fe]/", []string{"http://[::ffff:a9fe:a9fe]/"}, true},
		{"https://api.example.com/i?statuses[]=x", []string{"https://api.example.com/i?statuses[]=x"}, true},
		{"http://169.254.169.25[4]/", []string{"http://169.254.169.25[4]/"}, false},
		{`http://h/\{a,b\}`, []string{"http://h/{a,b}"}, true},
	} {
		got, complete := URLGlob(tc.in)
		if !slices.Equal(got, tc.want) || complete != tc.complete {
			t.Errorf("URLGlob(%q) = %q, %v; want %q, %v", tc.in, got, complete, tc.want, tc.complete)
		}
	}
	got, complete := URLGlob("http://10.0.[0-255].[0-255]/")
	if len(got) != MaxURLGlob || complete {
		t.Errorf("a glob past the bound: %d URLs, complete %v", len(got), complete)
	}
}

// TestCurlOptionHosts checks one option's hosts, IPv6 addresses in
// brackets kept whole.
func TestCurlOptionHosts(t *testing.T) {
	for _, tc := range []struct {
		opt, val string
		want     []string
	}{
		{"--resolve", "x.example.com:80:[::ffff:a9fe:a9fe]", []string{"[::ffff:a9fe:a9fe]"}},
		{"--resolve", "x.example.com:80:169.254.169.254,10.0.0.1", []string{"169.254.169.254", "10.0.0.1"}},
		{"--connect-to", "x.example.com:80:[fd00:ec2::254]:80", []string{"[fd00:ec2::254]"}},
		{"--connect-to", "::169.254.169.254:", []string{"169.254.169.254"}},
		{"--connect-to", "x.example.com:80::", nil},
	} {
		if got := CurlOptionHosts(tc.opt, tc.val); !slices.Equal(got, tc.want) {
			t.Errorf("CurlOptionHosts(%q, %q) = %q, want %q", tc.opt, tc.val, got, tc.want)
		}
	}
}

// TestParseURLDropsTabs checks that tabs and newlines inside a URL are
// dropped, as the WHATWG parser drops them.
func TestParseURLDropsTabs(t *testing.T) {
	u, ok := ParseURL("http://169.254.169.254\t/latest/meta-data/")
	if !ok || u.Host != "169.254.169.254" {
		t.Errorf("ParseURL with a tab = %+v, %v", u, ok)
	}
}
