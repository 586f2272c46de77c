package main

import (
	"os"
	"path/filepath"
	"reflect"
	"testing"
)

// TestNulStrings checks the reading of /proc/self/cmdline's form: empty
// strings kept, a missing terminator refused, a file larger than the
// buffer read whole.
func TestNulStrings(t *testing.T) {
	dir := t.TempDir()
	write := func(name, content string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(content), 0o600); err != nil {
			t.Fatal(err)
		}
		return p
	}
	got, ok := nulStrings(write("a", "prog\x00--format\x00\x00x=y\x00"), make([]byte, 0, 4), nil)
	if want := []string{"prog", "--format", "", "x=y"}; !ok || !reflect.DeepEqual(got, want) {
		t.Errorf("nulStrings = %q, %v; want %q", got, ok, want)
	}
	if _, ok := nulStrings(write("b", "prog\x00cut"), nil, nil); ok {
		t.Error("a string without its terminator was accepted")
	}
	if got, ok := nulStrings(write("c", ""), nil, nil); !ok || len(got) != 0 {
		t.Errorf("empty file: %q, %v", got, ok)
	}
}

// TestGetenv checks the lookup in the process's environment as read.
func TestGetenv(t *testing.T) {
	environ = []string{"HOME=/h", "RAMPART_HOME=/r", "HOME=/other", "RAMPART=x"}
	defer func() { environ = nil }()
	for key, want := range map[string]string{"HOME": "/h", "RAMPART_HOME": "/r", "RAMPART": "x", "RAMP": "", "NONE": ""} {
		if got := getenv(key); got != want {
			t.Errorf("getenv(%q) = %q, want %q", key, got, want)
		}
	}
}
