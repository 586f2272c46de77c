package effect

import "testing"

// TestBangAliasOfGitOnly: a "!" git alias set for one call (git -c) whose
// command line runs only git with plain words is no setting to confirm;
// with another program, a redirection, a substitution, or written to a
// configuration (git config --global), it still is. An askpass that does
// nothing (true) is ordinary.
func TestBangAliasOfGitOnly(t *testing.T) {
	reported := func(line string) bool {
		for _, e := range effectsOf(line) {
			if e.Kind == LoaderEnv {
				return true
			}
		}
		return false
	}
	for line, want := range map[string]bool{
		`git -c alias.sync='!git fetch origin && git rebase origin/main' sync`: false,
		`git -c alias.st='!git status -sb' st`:                                 false,
		`git -c core.askPass=true ls-remote origin`:                            false,
		`git -c alias.x='!git log > /tmp/x' x`:                                 true,
		`git -c alias.x='!git fetch; touch /tmp/marker' x`:                     true,
		`git -c alias.x='!git $(cat /tmp/w)' x`:                                true,
		`git config --global alias.lg '!git log --oneline'`:                    true,
		`git -c core.askPass=/tmp/ap.sh fetch`:                                 true,
	} {
		if got := reported(line); got != want {
			t.Errorf("%q: setting reported = %v, want %v", line, got, want)
		}
	}
}
