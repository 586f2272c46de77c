package shell

// The dynamic loader run directly (`/lib64/ld-linux-x86-64.so.2 /bin/rm
// -rf /`) runs the program named by its first operand: it is a wrapper
// like env or nice, and the program it loads is judged as itself. Its own
// options: --library-path, --preload, --argv0, --audit and the glibc-hwcaps
// ones take the next word; --list, --verify, --help, --version and the
// --list-* diagnostics run nothing.
var loaderFlags = flagSpec{
	long:  []string{"library-path", "preload", "argv0", "audit", "glibc-hwcaps-prepend", "glibc-hwcaps-mask", "inhibit-rpath"},
	lstop: []string{"list", "verify", "help", "version", "list-tunables", "list-diagnostics"},
}

// peelLoader is peel for a dynamic loader.
func peelLoader(words []string, dyn []bool) ([]string, []bool, bool) {
	i, stop := loaderFlags.scan(words, 1)
	if stop || i >= len(words) {
		return nil, nil, true
	}
	if dyn == nil {
		return words[i:], nil, true
	}
	return words[i:], dyn[i:], true
}
