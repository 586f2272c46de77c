package effect

// stagesCredentials reports whether a staging command (git add) stages
// credentials: a credential file or an app's secrets file among its
// operands (git add -f .env, git add -f config/master.key), a directory
// among them that holds credentials, or the working directory when it
// names none (git add -A in ~/.aws). A push after it sends them.
func (a *analysis) stagesCredentials(i int, f *cmdFacts) bool {
	if len(f.reads) == 0 {
		return i < len(a.cwds) && a.sensitiveDir(a.cwds[i])
	}
	for _, p := range f.reads {
		if a.sensitiveDir(p) || a.sensitive(p) || dotenvSecrets(p) {
			return true
		}
	}
	return false
}
