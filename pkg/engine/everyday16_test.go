package engine

import (
	"testing"

	"rampart.dev/pkg/call"
)

// TestTestWordPlaceholders: a value that says by a word of its own that it
// is for tests or insecure (secret='test-secret', insecure-test-key) is a
// placeholder, not a credential written; a generated value beside the word
// (a live-looking key) is still one.
func TestTestWordPlaceholders(t *testing.T) {
	for v, want := range map[string]bool{
		"test-secret":                      true,
		"insecure-test-key":                true,
		"test_password":                    true,
		"sk_test_4eC39HqLyjWDarjtT1zdp7dc": false,
		"test-9fQ2xLr7Kp3ZbW8mNv4T":        false,
		"hunter2-prod":                     false,
	} {
		if got := placeholder(v); got != want {
			t.Errorf("placeholder(%q) = %v, want %v", v, got, want)
		}
	}
	e := standard(t)
	for _, tc := range []struct {
		content string
		want    call.Action
	}{
		{"def test_roundtrip():\n    tok = make_token('user-1', secret='test-secret')\n    assert tok\n", call.Allow},
		{"AWS_SECRET_ACCESS_KEY=wJalrXUtnFEMI/K7MDENG/bPxRfiCYzQ9pLm3Tw2\n", call.RequireApproval},
	} {
		c := mkCall("write", "/home/dev/project/tests/test_tokens.py")
		c.Params["content"] = tc.content
		d := e.Evaluate(c)
		if d.Decision < tc.want || tc.want == call.Allow && d.Decision != call.Allow {
			t.Errorf("write %q = %v (%s), want %v", tc.content, d.Decision, d.Message, tc.want)
		}
	}
}

// TestLocalTagDelete: a tag deleted here only is everyday work; the same
// deletion pushed to the remote rewrites what others fetch.
func TestLocalTagDelete(t *testing.T) {
	e := standard(t)
	for line, want := range map[string]call.Action{
		"git tag -d v1.9.0-rc.1":                                 call.Allow,
		"git tag -d v1.3.9 && git push origin :refs/tags/v1.3.9": call.RequireApproval,
		"git tag -d v2.0.0 && git push origin --delete v2.0.0":   call.RequireApproval,
	} {
		d := e.Evaluate(mkCall("exec", line))
		if d.Decision < want || want == call.Allow && d.Decision != call.Allow {
			t.Errorf("%q = %v (%s), want %v", line, d.Decision, d.Message, want)
		}
	}
}
