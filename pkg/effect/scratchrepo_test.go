package effect

import (
	"testing"

	"rampart.dev/pkg/shell"
)

// TestScratchRepo holds git's history verbs in a repository the line
// cloned into a temporary directory to a scratch clone's, and everything
// else (a push, a worktree, a link made first, another repository named
// by option or variable, a directory the line did not make) to none.
func TestScratchRepo(t *testing.T) {
	const project, home = "/home/dev/project", "/home/dev"
	judge := func(line string) bool {
		res := shell.ParseIn(line, shell.Place{Dir: project, Home: home})
		cwds := make([]string, len(res.Commands))
		cwd := project
		for i, c := range res.Commands {
			cwds[i] = cwd
			if c.Name == "cd" && len(c.Args) == 1 {
				cwd = joinDir(cwd, c.Args[0])
			}
		}
		last := len(res.Commands) - 1
		return ScratchRepo(&res, cwds, last)
	}
	for line, want := range map[string]bool{
		"git clone --no-local . /tmp/scratch && cd /tmp/scratch && git filter-repo --path legacy --invert-paths --force": true,
		"git clone --mirror ../project /tmp/p.git && cd /tmp/p.git && git gc --prune=now":                                true,
		"git clone . /tmp/s && git -C /tmp/s reset --hard HEAD~3":                                                        true,
		"git init /tmp/t && cd /tmp/t && git branch -D main":                                                             true,
		"git clone . /tmp/s && cd /tmp/s && git push --force origin main":                                                false, // a push changes the remote
		"git worktree add /tmp/s && cd /tmp/s && git reset --hard HEAD~3":                                                false, // shares the project's refs
		"cd /tmp/s && git reset --hard HEAD~3":                                                                           false, // not made on the line
		"git clone . /tmp/s && ln -sfn /home/dev/project /tmp/s && cd /tmp/s && git reset --hard":                        false,
		"git clone . /tmp/s && cd /tmp/s && GIT_DIR=/home/dev/project/.git git reset --hard":                             false,
		"git clone . /tmp/s && cd /tmp/s && git --git-dir=/home/dev/project/.git branch -D main":                         false,
		"git clone . /tmp/s && cd /tmp/s/.. && git reset --hard":                                                         false,
		"git clone . /tmp/s && cd /tmp/other && git reset --hard":                                                        false,
		"git clone . ../copy && cd ../copy && git reset --hard":                                                          false, // not a temporary directory
		"git clone . /tmp && cd /tmp && git reset --hard":                                                                false,
		"export GIT_DIR=/home/dev/project/.git; git clone . /tmp/s && cd /tmp/s && git reset --hard HEAD~3":              false, // exported for the line
		"git init --separate-git-dir=/home/dev/project/.git /tmp/s && cd /tmp/s && git reset --hard HEAD~3":              false, // history kept elsewhere
	} {
		if got := judge(line); got != want {
			t.Errorf("ScratchRepo(%q) = %v, want %v", line, got, want)
		}
	}
}
