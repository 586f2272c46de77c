package engine

import (
	"testing"

	"rampart.dev/pkg/call"
)

// TestURLHostAsWritten checks the host read as written: no userinfo, no
// port, its case kept.
func TestURLHostAsWritten(t *testing.T) {
	for raw, want := range map[string]string{
		"https://AKIAX.example.org/p":        "AKIAX.example.org",
		"https://u:p@Host.Example.org:8443/": "Host.Example.org",
		"http://[::1]:8080/":                 "",
		"no scheme":                          "",
		"https://h.example.org?q=1":          "h.example.org",
	} {
		if got := urlHostAsWritten(raw); got != want {
			t.Errorf("urlHostAsWritten(%q) = %q, want %q", raw, got, want)
		}
	}
}

// TestHostCredential checks that a credential spelled into a host name's
// labels is a credential sent out, and that ordinary long host names are
// not.
func TestHostCredential(t *testing.T) {
	e := standard(t)
	for u, deny := range map[string]bool{
		"https://AKIAFF5E8II49KQ71N8M.x.example.org/":                     true,
		"https://a.AKIAFF5E8II49KQ71N8M.x.example.org:8443/ping":          true,
		"https://ghp_OhbVrpoiVgRV5IfLBcbfnoGMbJmTPSIAoCLr.x.example.org/": true,
		"https://registry.npmjs.org/express/latest":                       false,
		"https://my-service-abcdef123456.a.run.app/healthz":               false,
		"https://acme-prod-assets.s3.us-east-1.amazonaws.com/logo.png":    false,
		"https://AKIAIOSFODNN7EXAMPLE.x.example.org/":                     false,
	} {
		d := e.Evaluate(call.Call{Tool: call.ToolFetch, Cwd: testCwd, Params: call.Params{"url": u}})
		if got := d.Decision == call.Deny; got != deny {
			t.Errorf("fetch %s: %v (%s), want deny=%v", u, d.Decision, d.Message, deny)
		}
	}
}
