package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"rampart.dev/rampart-serve/internal/server"
)

func TestNotifyConfig(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "notify.yaml")

	// No file: only the flags.
	n, err := notifyConfig(path, []string{"https://ops.example/hook"}, []string{"https://hooks.slack.com/services/T/B/X"}, "", "127.0.0.1:9090")
	if err != nil {
		t.Fatal(err)
	}
	if len(n.Webhooks) != 2 || n.Webhooks[0].Format != server.FormatJSON || n.Webhooks[1].Format != server.FormatSlack || n.BaseURL != "http://127.0.0.1:9090" {
		t.Fatalf("flags only: %+v", n)
	}

	os.WriteFile(path, []byte("public_url: https://rampart.example\nwebhooks:\n  - url: https://ops.example/a\n    headers: {Authorization: Bearer x}\n  - url: https://hooks.slack.com/services/T/B/Y\n    format: slack\n"), 0o600)
	n, err = notifyConfig(path, nil, nil, "", "127.0.0.1:9090")
	if err != nil {
		t.Fatal(err)
	}
	if len(n.Webhooks) != 2 || n.Webhooks[0].Headers["Authorization"] != "Bearer x" || n.Webhooks[0].Format != server.FormatJSON ||
		n.Webhooks[1].Format != server.FormatSlack || n.BaseURL != "https://rampart.example" {
		t.Fatalf("file: %+v", n)
	}

	for _, bad := range []struct{ yaml, want string }{
		{"webhook:\n  - url: https://x/y\n", "field webhook not found"},
		{"webhooks:\n  - url: ftp://x/y\n", "want an http or https URL"},
		{"webhooks:\n  - url: https://x/y\n    format: teams\n", "format must be json or slack"},
	} {
		os.WriteFile(path, []byte(bad.yaml), 0o600)
		if _, err := notifyConfig(path, nil, nil, "", "a:1"); err == nil || !strings.Contains(err.Error(), bad.want) {
			t.Errorf("notifyConfig(%q) = %v, want an error with %q", bad.yaml, err, bad.want)
		}
	}
}
