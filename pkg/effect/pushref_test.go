package effect

import "testing"

// TestSecretInPushedRef checks a secret that names a ref or a branch the
// line pushes: it leaves with the push whatever the remote; a token in
// the remote's address is the push's own login, and refs named from
// git's own output are not secrets.
func TestSecretInPushedRef(t *testing.T) {
	for line, want := range map[string]bool{
		`git push x "refs/heads/main:refs/heads/$(gh auth token)"`:                     true,
		`git push origin HEAD:"$NPM_TOKEN"`:                                            true,
		`git push origin "HEAD:refs/heads/x-$(env | base64 -w0)"`:                      true,
		`git checkout -b "x-$(gh auth token)" && git push origin HEAD`:                 true,
		`git branch "b-$(gh auth token)" && git push origin --all`:                     true,
		`git push origin "HEAD:refs/heads/$(printenv AWS_SECRET_ACCESS_KEY)"`:          true,
		`git push origin "HEAD:refs/heads/feature/$(printenv USER)-fix"`:               false,
		`git push https://x-access-token:$GITHUB_TOKEN@github.com/acme/app.git HEAD:x`: false,
		`git push origin "HEAD:$(git branch --show-current)"`:                          false,
		`git checkout -b "fix-$(date +%s)" && git push origin HEAD`:                    false,
	} {
		got := false
		for _, e := range effectsOf(line) {
			got = got || e.Kind == Flow && len(e.Detail) > 9 && e.Detail[len(e.Detail)-9:] == "->network"
		}
		if got != want {
			t.Errorf("%s: flow to the network %v, want %v: %v", line, got, want, effectsOf(line))
		}
	}
}
