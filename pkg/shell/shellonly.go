package shell

// shellOnly reports whether name is a builtin only a shell has: no file
// on disk holds it, so another program given it as a word cannot start it
// (foo metadata export exports nothing; export alone prints the
// environment only when the shell runs it).
func shellOnly(name string) bool {
	switch name {
	case "export", "declare", "typeset", "set", "unset", "readonly", "local",
		"alias", "unalias", "source", ".", "eval", "exec", "shift", "return",
		"break", "continue", "trap", "let", "shopt", "builtin", "enable",
		"compgen", "complete", "compopt", "history", "fc", "mapfile",
		"readarray", "getopts", "disown", "logout", "exit", "times", ":":
		return true
	}
	return false
}
