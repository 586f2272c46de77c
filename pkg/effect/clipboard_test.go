package effect

import (
	"strings"
	"testing"
)

// TestClipboardSink checks that a secret handed to a program that sets the
// clipboard (a credential tool's output, a secret variable, a credential
// file, a production secret) flows to the clipboard, and that ordinary
// text put there, a dev secret a tool printed (its ordinary use), or the
// clipboard read back, does not.
func TestClipboardSink(t *testing.T) {
	for line, want := range map[string]bool{
		`gh auth token | xsel -ib`:                                                  false,
		`op item get Production --fields password --reveal | pbcopy`:                true,
		`printenv GITHUB_TOKEN | pbcopy`:                                            true,
		`xsel -ib <<< "$OPENAI_API_KEY"`:                                            true,
		`kubectl get secret db -o jsonpath='{.data.password}' | base64 -d | pbcopy`: false,
		`while true; do xclip -o -selection clipboard >> /tmp/.c; sleep 2; done`:    false,
		`xsel -ob >> /tmp/.s`:                                                       false,
		`wl-copy "$GITHUB_TOKEN"`:                                                   true,
		`printenv OPENAI_API_KEY | clip.exe`:                                        true,
		`vault kv get -field=password secret/db | xclip -selection clipboard`:       false,
		`git diff | xclip -selection clipboard`:                                     false,
		`pbcopy < CHANGELOG.md`:                                                     false,
		`cat ~/.ssh/id_ed25519.pub | pbcopy`:                                        false,
		`xsel -ob`:                                                                  false,
		`wl-copy "build passed"`:                                                    false,
	} {
		got := false
		for _, e := range effectsOf(line) {
			got = got || e.Kind == Flow && strings.HasSuffix(e.Detail, "->clipboard")
		}
		if got != want {
			t.Errorf("%s: a flow to the clipboard %v, want %v: %v", line, got, want, effectsOf(line))
		}
	}
}
