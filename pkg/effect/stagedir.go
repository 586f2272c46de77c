package effect

// stagesCredentialDir reports whether a staging command (git add) stages a
// whole directory that holds credentials: its directory operands, or the
// working directory when it names none (git add -A in ~/.aws).
func (a *analysis) stagesCredentialDir(i int, f *cmdFacts) bool {
	if len(f.reads) == 0 {
		return i < len(a.cwds) && a.sensitiveDir(a.cwds[i])
	}
	for _, p := range f.reads {
		if a.sensitiveDir(p) {
			return true
		}
	}
	return false
}
