package engine

import (
	"testing"

	"rampart.dev/pkg/shell"
)

func TestEncodedSecret(t *testing.T) {
	names := []string{"NPM_TOKEN"}
	for _, tc := range []struct {
		line, want string
	}{
		{"echo ${NPM_TOKEN} | base64 | base64", "NPM_TOKEN"},
		{"printf %s \"$NPM_TOKEN\" | rev", "NPM_TOKEN"},
		{"echo $NPM_TOKEN", ""},                                       // masked in the log
		{"echo $NPM_TOKEN | docker login -u ci --password-stdin", ""}, // used
		{"echo $NPM_TOKEN | base64 -d > .npmrc", ""},                  // decoded
		{"echo $OTHER | base64", ""},
	} {
		if got := encodedSecret(shell.Parse(tc.line), names); got != tc.want {
			t.Errorf("encodedSecret(%q) = %q, want %q", tc.line, got, tc.want)
		}
	}
}
