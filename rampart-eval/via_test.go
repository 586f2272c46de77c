package main

import (
	"io"
	"testing"

	"rampart.dev/pkg/audit"
)

// TestVia checks rampart-eval records itself by the name in pkg/audit's
// table.
func TestVia(t *testing.T) {
	var o options
	cfg, err := o.decideConfig(env{getenv: func(string) string { return "" }, stderr: io.Discard})
	if err != nil {
		t.Fatal(err)
	}
	if cfg.Via != audit.ViaEval {
		t.Errorf("rampart-eval records via %q, want %q (audit.ViaEval)", cfg.Via, audit.ViaEval)
	}
}
