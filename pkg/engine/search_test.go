package engine

import (
	"slices"
	"testing"

	"rampart.dev/pkg/call"
)

func TestSearchGlobPaths(t *testing.T) {
	for _, tc := range []struct {
		dir, glob string
		want      []string
	}{
		{"/h", "*.go", []string{"/h/*.go", "/h/**/*.go"}},
		{"/h", "**/.aws/credentials", []string{"/h/**/.aws/credentials", "/h/.aws/credentials"}},
		{"/h", "!*.md", nil},
	} {
		if got := searchGlobPaths(tc.dir, tc.glob); !slices.Equal(got, tc.want) {
			t.Errorf("searchGlobPaths(%q, %q) = %q, want %q", tc.dir, tc.glob, got, tc.want)
		}
	}
	if got := expandBraces(".{netrc,git-credentials}", 8); !slices.Equal(got, []string{".netrc", ".git-credentials"}) {
		t.Errorf("expandBraces = %q", got)
	}
}

// A search reads what ripgrep would: a hidden directory searched is read,
// one below the searched directory is not, unless a glob names it.
func TestSearchReads(t *testing.T) {
	e := standard(t)
	for _, tc := range []struct {
		params call.Params
		want   call.Action
	}{
		{call.Params{"path": "/home/dev/.aws", "pattern": "secret"}, call.Deny},
		{call.Params{"path": "/home/dev", "pattern": "TODO"}, call.Allow},
		{call.Params{"path": "/home/dev", "pattern": "x", "glob": ".ssh/id_*"}, call.Deny},
		{call.Params{"path": "/home/dev/project", "pattern": "x", "glob": "*.go"}, call.Allow},
		// a file only the policy names (not the well-known list)
		{call.Params{"path": "/home/dev/.config/netlify", "pattern": "token"}, call.Deny},
		{call.Params{"path": "/home/dev/.config", "pattern": "x", "glob": "netlify/*.json"}, call.Deny},
		{call.Params{"path": "/home/dev/.config/nvim", "pattern": "x"}, call.Allow},
	} {
		c := call.Call{Tool: call.ToolRead, Cwd: testCwd, Params: tc.params}
		if d := e.Evaluate(c); d.Decision != tc.want {
			t.Errorf("%v: %v (%s), want %v", tc.params, d.Decision, d.Message, tc.want)
		}
	}
}

// A file in a snap's or flatpak's home is judged under its name outside.
func TestSandboxHomeNames(t *testing.T) {
	e := standard(t)
	for _, p := range []string{
		"/home/dev/snap/firefox/common/.mozilla/firefox/x.default/logins.json",
		"/home/dev/snap/chromium/2890/chromium/Default/Login Data",
		"/home/dev/.var/app/com.google.Chrome/config/google-chrome/Default/Cookies",
		"/home/dev/.var/app/org.mozilla.firefox/.mozilla/firefox/x/key4.db",
	} {
		if d := e.Evaluate(mkCall(call.ToolRead, p)); d.Decision != call.Deny {
			t.Errorf("read %s: %v, want deny", p, d.Decision)
		}
	}
	if d := e.Evaluate(mkCall(call.ToolRead, "/home/dev/snap/code/common/notes.md")); d.Decision != call.Allow {
		t.Errorf("read a snap's ordinary file: %v", d.Decision)
	}
}
