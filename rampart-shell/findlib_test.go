package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestFindLibInstalled lays out what make install writes (PREFIX/bin and
// PREFIX/lib/rampart/librampart.so) and checks the order findLib tries.
func TestFindLibInstalled(t *testing.T) {
	prefix := t.TempDir()
	bin := filepath.Join(prefix, "bin")
	system := filepath.Join(prefix, "lib", "rampart", "librampart.so")
	homeLib := filepath.Join(t.TempDir(), ".rampart", "lib")
	for _, p := range []string{bin, filepath.Dir(system), homeLib} {
		if err := os.MkdirAll(p, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	write := func(p string) {
		t.Helper()
		if err := os.WriteFile(p, []byte("not really a library"), 0o644); err != nil {
			t.Fatal(err)
		}
	}

	if _, err := findLibIn("", homeLib, bin); err == nil || !strings.Contains(err.Error(), "not found") {
		t.Fatalf("findLibIn with nothing installed: err = %v, want not found", err)
	}

	write(system)
	if got, err := findLibIn("", homeLib, bin); err != nil || got != system {
		t.Errorf("system-wide install: findLibIn = %q, %v; want %q", got, err, system)
	}

	user := filepath.Join(homeLib, "librampart.so")
	write(user)
	if got, err := findLibIn("", homeLib, bin); err != nil || got != user {
		t.Errorf("with a per-user copy: findLibIn = %q, %v; want the user's %q first", got, err, user)
	}

	missing := filepath.Join(prefix, "nope.so")
	if _, err := findLibIn(missing, homeLib, bin); err == nil {
		t.Errorf("findLibIn(-lib %s) found something; a named library that is missing must be an error", missing)
	}
}
