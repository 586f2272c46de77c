package secret

import (
	"os/exec"
	"strings"
	"testing"
)

// The scanner is pure computation on strings: it runs inside every adapter
// on untrusted output, so it must not reach the disk, the network or other
// programs.
func TestDeps(t *testing.T) {
	out, err := exec.Command("go", "list", "-deps", ".").Output()
	if err != nil {
		t.Skipf("go list: %v", err)
	}
	for _, dep := range strings.Fields(string(out)) {
		switch dep {
		case "os", "net", "os/exec", "syscall":
			t.Errorf("pkg/secret imports %s; it must stay pure computation", dep)
		}
	}
}
