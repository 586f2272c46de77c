package engine

import (
	"os/exec"
	"strings"
	"testing"
)

// TestDeps keeps the engine pure: it decides, it does not act. Linking
// net/http or os/exec here would let a policy evaluation reach the network
// or run a program.
func TestDeps(t *testing.T) {
	out, err := exec.Command("go", "list", "-deps", ".").Output()
	if err != nil {
		t.Skipf("go list: %v", err)
	}
	for _, dep := range strings.Fields(string(out)) {
		switch dep {
		case "net/http", "os/exec", "net":
			t.Errorf("package engine depends on %s; it must stay free of I/O", dep)
		}
	}
}
