package engine

import (
	"testing"

	"rampart.dev/pkg/call"
)

// TestTestFixtureReads checks the standard profile's reading of a
// project's test fixtures: a keystore among a JVM build's test resources
// and a key among an installed package's tests are read freely; the same
// names elsewhere in the project, in the home and in the system are not.
func TestTestFixtureReads(t *testing.T) {
	e := standard(t)
	for _, tc := range []struct {
		path string
		want call.Action
	}{
		{testCwd + "/src/test/resources/keystore-test.jks", call.Allow},
		{testCwd + "/lib/src/testFixtures/resources/client.p12", call.Allow},
		{testCwd + "/node_modules/jsonwebtoken/test/priv.pem", call.Allow},
		{testCwd + "/vendor/github.com/x/y/testdata/key.pem", call.Allow},
		{testCwd + "/src/main/resources/keystore.jks", call.Deny},
		{testCwd + "/node_modules/x/priv.pem", call.RequireApproval},
		{testCwd + "/certs/server.pem", call.RequireApproval},
		{testHome + "/.ssh/id_rsa", call.Deny},
		{testHome + "/.android/src/test/resources/debug.keystore", call.Deny},
	} {
		if d := e.Evaluate(mkCall(call.ToolRead, tc.path)); d.Decision != tc.want {
			t.Errorf("read %q = %v (%s), want %v", tc.path, d.Decision, d.Message, tc.want)
		}
	}
}
