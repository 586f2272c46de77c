package main

import (
	"os/exec"
	"testing"
)

// TestOpenClawPlugin runs the OpenClaw plugin's own tests with Node, where
// there is one: the plugin fails closed and passes rampart-hook's answer
// through. The end-to-end test against a real gateway is rampart-serve's
// TestOpenClawGateway (make test-openclaw).
func TestOpenClawPlugin(t *testing.T) {
	node, err := exec.LookPath("node")
	if err != nil {
		t.Skip("node is not installed")
	}
	out, err := exec.Command(node, "--test", "testdata/openclaw/plugin.test.mjs").CombinedOutput()
	if err != nil {
		t.Fatalf("node --test: %v\n%s", err, out)
	}
}
