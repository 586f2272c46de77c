package match

import "testing"

// TestCleanURLRest: the path as a server routes it.
func TestCleanURLRest(t *testing.T) {
	for in, want := range map[string]string{
		"/v1/./approvals/x/resolve":     "/v1/approvals/x/resolve",
		"/v1//approvals/x":              "/v1/approvals/x",
		"/v1/%61pprovals/x/res%6Flve?a": "/v1/approvals/x/resolve?a",
		"/v1/x/../approvals/":           "/v1/approvals/",
		"/a%2Fb":                        "/a%2Fb",
	} {
		got, _ := CleanURLRest(in)
		if got != want {
			t.Errorf("CleanURLRest(%q) = %q, want %q", in, got, want)
		}
	}
	if got, changed := CleanURLRest("/v1/approvals?x=./y"); changed || got != "/v1/approvals?x=./y" {
		t.Errorf("clean path changed: %q %v", got, changed)
	}
}
