package match

// HasGlobMeta reports whether s holds a byte that makes a glob more than a
// literal: * ? [ ] { } or a backslash. It is strings.ContainsAny with
// those bytes, read in one loop: ContainsAny makes a byte set for each
// call, and indexing a policy's patterns asks this of every pattern (and
// loading a snapshot of every entry's tool names).
func HasGlobMeta(s string) bool {
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '*', '?', '[', ']', '{', '}', '\\':
			return true
		}
	}
	return false
}
