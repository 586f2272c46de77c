package effect

import "strings"

// stagesCredentials reports whether a staging command (git add) stages
// credentials: a credential file or an app's secrets file among its
// operands (git add -f .env, git add -f config/master.key), a directory
// among them that holds credentials, or the working directory when it
// names none (git add -A in ~/.aws). A push after it sends them. The
// repository git is pointed at (--git-dir DIR, GIT_DIR=DIR) is read, but
// not staged: it is no operand.
func (a *analysis) stagesCredentials(i int, f *cmdFacts) bool {
	reads := f.reads
	if i < len(a.res.Commands) {
		if d := gitDirOption(a.res.Commands[i].Args); d != "" {
			repo := a.clean(d, i)
			reads = nil
			for _, p := range f.reads {
				if p != repo {
					reads = append(reads, p)
				}
			}
		}
	}
	if len(reads) == 0 {
		return i < len(a.cwds) && a.sensitiveDir(a.cwds[i])
	}
	for _, p := range reads {
		if a.sensitiveDir(p) || a.sensitive(p) || dotenvSecrets(p) {
			return true
		}
	}
	return false
}

// gitDirOption is the repository directory git's own --git-dir option
// names before its verb ("" when none).
func gitDirOption(args []string) string {
	for k := 0; k < len(args); k++ {
		w := args[k]
		switch {
		case w == "--git-dir" && k+1 < len(args):
			return args[k+1]
		case strings.HasPrefix(w, "--git-dir="):
			return w[len("--git-dir="):]
		case w == "-C" || w == "-c" || w == "--work-tree" || w == "--namespace":
			k++
		case !strings.HasPrefix(w, "-"):
			return ""
		}
	}
	return ""
}
