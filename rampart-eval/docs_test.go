package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// TestDocExamples runs `rampart-eval test` on every example policy in
// docs/examples and on every YAML block of docs/policy.md that has tests,
// so the documentation cannot drift from the engine. (A block is run when
// it starts with policies: and has tests, as the runnable examples do.)
func TestDocExamples(t *testing.T) {
	files, _ := filepath.Glob("../docs/examples/*.yaml")
	doc, err := os.ReadFile("../docs/policy.md")
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	for i, m := range regexp.MustCompile("(?s)```yaml\n(.*?)```").FindAllStringSubmatch(string(doc), -1) {
		if !strings.HasPrefix(m[1], "policies:") || !strings.Contains(m[1], "tests:") {
			continue
		}
		f := filepath.Join(dir, "policy-md-"+string(rune('a'+i))+".yaml")
		body := m[1]
		if !strings.Contains(body, "version:") {
			body = "version: 1\nextends: standard\n" + body
		}
		if err := os.WriteFile(f, []byte(body), 0o600); err != nil {
			t.Fatal(err)
		}
		files = append(files, f)
	}
	if len(files) < 2 {
		t.Fatalf("found %d example files, want the effects example and the policy.md block", len(files))
	}
	for _, f := range files {
		var out, errb bytes.Buffer
		t.Setenv("RAMPART_HOME", t.TempDir())
		// The examples speak as the user dev, from /home/dev/project: under
		// another home, /home/dev is another user's and reading it asks.
		t.Setenv("HOME", "/home/dev")
		t.Setenv("USER", "dev")
		if code := run(context.Background(), []string{"test", f}, strings.NewReader(""), &out, &errb); code != 0 {
			t.Errorf("rampart-eval test %s: exit %d\n%s%s", f, code, out.String(), errb.String())
		}
	}
}
