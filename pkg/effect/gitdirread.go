package effect

// A repository git is pointed at by its own --git-dir option (a bare
// repository of dotfiles: git --git-dir=$HOME/.dotfiles --work-tree=$HOME
// status) is read as a repository, as git -C DIR reads one: its objects
// and refs, not a tool's settings file that may hold a login. Its read is
// marked GitRepository; the engine judges it by the policy's path rules
// as any read (git --git-dir=~/.password-store log -p still reads a
// password store), but not as a file among a person's hidden settings.

// GitRepository is the Detail of a read of the repository git's own
// --git-dir option names.
const GitRepository = "git-repository"

// gitDirRead reports whether the read effect e is of the repository its
// command, git, is pointed at by --git-dir.
func (a *analysis) gitDirRead(e Effect) bool {
	if e.Cmd < 0 || e.Cmd >= len(a.res.Commands) || a.res.Commands[e.Cmd].Name != "git" {
		return false
	}
	d := gitDirOption(a.res.Commands[e.Cmd].Args)
	return d != "" && a.clean(d, e.Cmd) == e.Path
}
