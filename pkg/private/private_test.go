package private

import (
	"os"
	"path/filepath"
	"testing"
)

// A file that others may open is reported until Restrict makes it private.
func TestRestrict(t *testing.T) {
	path := filepath.Join(t.TempDir(), "secret")
	if err := os.WriteFile(path, []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Chmod(path, 0o644); err != nil { // past the umask
		t.Fatal(err)
	}
	open, err := OpenToOthers(path)
	if err != nil {
		t.Fatal(err)
	}
	if open == "" && !onWindows {
		t.Errorf("OpenToOthers(0644 file) = \"\", want a description")
	}
	if err := Restrict(path); err != nil {
		t.Fatal(err)
	}
	if open, err := OpenToOthers(path); err != nil || open != "" {
		t.Errorf("after Restrict: OpenToOthers = %q, %v; want \"\"", open, err)
	}
	if _, err := OpenToOthers(filepath.Join(t.TempDir(), "missing")); !os.IsNotExist(err) {
		t.Errorf("OpenToOthers(missing) error = %v, want not-exist", err)
	}
}
