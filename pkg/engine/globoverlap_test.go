package engine

import (
	"path"
	"testing"
)

// TestGlobsOverlap checks that two globs overlap exactly when some path
// matches both.
func TestGlobsOverlap(t *testing.T) {
	for _, c := range []struct {
		a, b string
		want bool
	}{
		{"/h/.cursor/mcp*.json", "/h/.*/mcp.json", true},
		{"/h/.cursor/mcp.js?n", "/h/.*/mcp.json", true},
		{"/h/.cursor/m[c]p.json", "/h/.*/mcp.json", true},
		{"/h/.cursor/m[!c]p.json", "/h/.*/mcp.json", false},
		{"/h/.msmtp*", "/h/.msmtprc", true},
		{"/etc/krb5.key*", "*.keytab", false}, // a rule's * does not cross '/'
		{"/etc/krb5.key*", "/**/*.keytab", true},
		{"/h/.cursor/*.md", "/h/.**/access-token*", true}, // access-token.md: sharedStem keeps this out
		{"/h/src/*.go", "/h/.ssh/*", false},
		{"/h/*/x", "/h/a/b/x", false},
		{"/h/**/x", "/h/a/b/x", true},
		{"/h/{a,b}/x", "/h/b/x", true},
		{"/h/[a-c]/x", "/h/d/x", false},
		{"/h/[", "/h/[", true},
	} {
		if got := globsOverlap(c.a, c.b); got != c.want {
			t.Errorf("globsOverlap(%q, %q) = %v, want %v", c.a, c.b, got, c.want)
		}
		if got := globsOverlap(c.b, c.a); got != c.want {
			t.Errorf("globsOverlap(%q, %q) = %v, want %v (reversed)", c.b, c.a, got, c.want)
		}
	}
}

// TestSharedStem checks which glob names are close enough to a rule's
// name to be judged as it.
func TestSharedStem(t *testing.T) {
	for _, c := range []struct {
		g, r string
		want bool
	}{
		{".msmtp*", ".msmtprc", true},
		{"mcp*.json", "mcp.json", true},
		{"*.md", "access-token*", false},
		{"*.json", "credentials.json", false},
		{"cred*", "credentials", true},
	} {
		if got := sharedStem(c.g, c.r); got != c.want {
			t.Errorf("sharedStem(%q, %q) = %v, want %v", c.g, c.r, got, c.want)
		}
	}
}

// FuzzGlobsOverlap checks that a path matching both of two globs (as
// path.Match reads them) is never missed by globsOverlap.
func FuzzGlobsOverlap(f *testing.F) {
	f.Add("/h/.cursor/mcp*.json", "/h/.*/mcp.json", "/h/.cursor/mcp.json")
	f.Add("/h/[a-c]/x", "/h/?/x", "/h/b/x")
	f.Fuzz(func(t *testing.T, a, b, p string) {
		if len(a) > 64 || len(b) > 64 {
			return
		}
		ma, errA := path.Match(a, p)
		mb, errB := path.Match(b, p)
		if errA != nil || errB != nil || !ma || !mb {
			return
		}
		if !globsOverlap(a, b) {
			t.Errorf("globsOverlap(%q, %q) = false, but %q matches both", a, b, p)
		}
	})
}
