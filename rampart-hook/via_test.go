package main

import (
	"testing"

	"rampart.dev/pkg/audit"
)

// TestVia checks the hook records itself by the name in pkg/audit's table.
func TestVia(t *testing.T) {
	if via != audit.ViaHook {
		t.Errorf("rampart-hook records via %q, want %q (audit.ViaHook)", via, audit.ViaHook)
	}
}
