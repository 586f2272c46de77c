package main

import (
	"os/exec"
	"strings"
	"testing"
)

// TestFastLinksLittle checks that rampart-hook-fast for Linux links
// nothing of Rampart but the wire protocol, and of the standard library
// nothing beyond syscall (not os, time or fmt): what it links is
// initialised and paged in for every call, which is the cost it exists to
// avoid.
func TestFastLinksLittle(t *testing.T) {
	cmd := exec.Command("go", "list", "-deps", "./fast")
	cmd.Env = append(cmd.Environ(), "CGO_ENABLED=0", "GOOS=linux")
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("go list: %v", err)
	}
	allowed := map[string]bool{
		"rampart.dev/rampart-hook/fast":              true,
		"rampart.dev/rampart-hook/internal/hookwire": true,
	}
	for _, pkg := range strings.Fields(string(out)) {
		switch {
		case allowed[pkg]:
		case strings.Contains(pkg, "."):
			t.Errorf("rampart-hook-fast links %s", pkg)
		case pkg == "os" || pkg == "time" || pkg == "fmt" || pkg == "reflect" || pkg == "strings" || pkg == "internal/godebug" ||
			strings.HasPrefix(pkg, "encoding/") || strings.HasPrefix(pkg, "net") || strings.HasPrefix(pkg, "path"):
			t.Errorf("rampart-hook-fast links %s", pkg)
		}
	}
}
