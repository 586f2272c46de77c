package audit

import (
	"os/exec"
	"strings"
	"testing"
)

// The audit log is written inside every adapter's decision path: it must not
// start programs or speak HTTP.
func TestDeps(t *testing.T) {
	out, err := exec.Command("go", "list", "-deps", ".").Output()
	if err != nil {
		t.Skipf("go list: %v", err)
	}
	for _, dep := range strings.Fields(string(out)) {
		switch dep {
		case "os/exec", "net/http":
			t.Errorf("pkg/audit imports %s", dep)
		}
	}
}
