package main

import "testing"

// TestIsDecision checks which command lines are handed to the decider.
func TestIsDecision(t *testing.T) {
	for _, c := range []struct {
		args []string
		want bool
	}{
		{nil, true},
		{[]string{"--format", "claude-code", "--config", "/p.yaml"}, true},
		{[]string{"-mode=monitor", "-fail-open"}, true},
		{[]string{"--config", "/help"}, true},
		{[]string{"setup", "claude-code"}, false},
		{[]string{"decider"}, false},
		{[]string{"-h"}, false},
		{[]string{"--help"}, false},
		{[]string{"-version"}, false},
		{[]string{"--version=true"}, false},
		{[]string{"-"}, true},
	} {
		if got := isDecision(c.args); got != c.want {
			t.Errorf("isDecision(%q) = %v, want %v", c.args, got, c.want)
		}
	}
}

// TestBesideSelf checks the path of rampart-hook next to the client.
func TestBesideSelf(t *testing.T) {
	for exe, want := range map[string]string{
		"/usr/local/bin/rampart-hook-fast": "/usr/local/bin/rampart-hook",
		"rampart-hook-fast":                "rampart-hook",
	} {
		if got := besideSelf(exe, "rampart-hook"); got != want {
			t.Errorf("besideSelf(%q) = %q, want %q", exe, got, want)
		}
	}
}
