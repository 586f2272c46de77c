package audit

import (
	"os/exec"
	"runtime"
	"strings"
	"testing"
)

// The audit log is written inside every adapter's decision path: it must not
// start programs or speak HTTP. Nor does it sign: the hook appends one
// record per process, and the signature code (package auditkey) and
// crypto/rand cost each process their initialisation (on Linux, where
// record IDs read getrandom(2) directly).
func TestDeps(t *testing.T) {
	out, err := exec.Command("go", "list", "-deps", ".").Output()
	if err != nil {
		t.Skipf("go list: %v", err)
	}
	for _, dep := range strings.Fields(string(out)) {
		switch dep {
		case "os/exec", "net/http", "crypto/ed25519":
			t.Errorf("pkg/audit imports %s", dep)
		case "crypto/rand":
			if runtime.GOOS == "linux" {
				t.Errorf("pkg/audit imports %s", dep)
			}
		}
	}
}
