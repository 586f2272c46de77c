package effect

import (
	"strings"
	"testing"
)

// TestScannerOfCredentials: a secret scanner pointed at a credential
// store or the home prints those credentials; pointed at the project, or
// told to redact, it prints the project's findings, its own work.
func TestScannerOfCredentials(t *testing.T) {
	for line, want := range map[string]bool{
		"trufflehog filesystem ~/.secret --json":   true,
		"trufflehog filesystem ~ --json":           true,
		"gitleaks detect --source ~ -v":            true,
		"gitleaks detect --source=/home/dev -v":    true,
		"gitleaks dir $HOME/.secret -v":            true,
		"gitleaks detect --source ~ --redact -v":   false,
		"gitleaks detect -v":                       false,
		"trufflehog filesystem . --only-verified":  false,
		"trufflehog filesystem /home/dev/project":  false,
		"gitleaks detect --source src --no-banner": false,
		// ggshield's -r is --recursive: the directory after it is scanned
		"ggshield secret scan path -r ~/.secret --json": true,
		"ggshield secret scan path -r . --json":         false,
	} {
		got := false
		for _, e := range effectsOf(line) {
			got = got || strings.HasPrefix(e.String(), "flow:secret->agent")
		}
		if got != want {
			t.Errorf("%q: prints credentials = %v, want %v (%v)", line, got, want, effectsOf(line))
		}
	}
}
