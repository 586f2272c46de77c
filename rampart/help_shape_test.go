package main

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"testing"

	shape "rampart.dev/pkg/usage"
)

// allBinaries is rampart and the binaries it runs.
var allBinaries = append([]string{"rampart"}, binaries...)

// buildAll builds every Rampart binary into a temporary directory and
// returns it.
func buildAll(t *testing.T) string {
	t.Helper()
	bin := t.TempDir()
	for _, b := range allBinaries {
		build := exec.Command("go", "build", "-o", filepath.Join(bin, b), ".")
		build.Dir = filepath.Join("..", b)
		build.Env = append(os.Environ(), "CGO_ENABLED=0")
		if out, err := build.CombinedOutput(); err != nil {
			t.Fatalf("go build %s: %v\n%s", b, err, out)
		}
	}
	return bin
}

// TestHelpShape runs every binary with -h: each answers with exit 0 in the
// shape pkg/usage fixes (description, usage, verbs, flags, example, docs),
// on one stream, and names a page under docs/ (or the README) that exists.
func TestHelpShape(t *testing.T) {
	if testing.Short() {
		t.Skip("builds every binary")
	}
	bin := buildAll(t)
	for _, b := range allBinaries {
		var stdout, stderr bytes.Buffer
		cmd := exec.Command(filepath.Join(bin, b), "-h")
		cmd.Stdout, cmd.Stderr = &stdout, &stderr
		cmd.Env = []string{"HOME=" + t.TempDir(), "PATH=" + bin}
		if err := cmd.Run(); err != nil {
			t.Errorf("%s -h: %v\n%s", b, err, stderr.String())
			continue
		}
		if stdout.Len() > 0 && stderr.Len() > 0 {
			t.Errorf("%s -h writes to both stdout and stderr", b)
		}
		text := stdout.String() + stderr.String()
		if msg := shape.Check(text); msg != "" {
			t.Errorf("%s -h departs from the shared shape: %s\n%s", b, msg, text)
		}
		if !bytes.Contains([]byte(text), []byte("  "+b)) {
			t.Errorf("%s -h has no usage line naming %s:\n%s", b, b, text)
		}
		docs := docsPages(text)
		if len(docs) == 0 {
			t.Errorf("%s -h names no page under docs/ or README.md:\n%s", b, text)
		}
		for _, d := range docs {
			if _, err := os.Stat(filepath.Join("..", d)); err != nil {
				t.Errorf("%s -h points at %s: %v", b, d, err)
			}
		}
	}
}

// docsPages returns the docs/*.md and README.md names in a -h answer's
// DOCS section.
func docsPages(text string) []string {
	var out []string
	i := bytes.Index([]byte(text), []byte("\nDOCS\n"))
	if i < 0 {
		return nil
	}
	for _, w := range bytes.FieldsFunc([]byte(text[i:]), func(r rune) bool { return r == ' ' || r == ',' || r == ';' || r == '\n' }) {
		if bytes.HasSuffix(w, []byte(".md")) {
			out = append(out, string(w))
		}
	}
	return out
}
