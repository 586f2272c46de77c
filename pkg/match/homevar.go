package match

import "strings"

// HomeVar reports whether w starts with the home's variable as a whole
// name, $HOME or ${HOME}, and returns what follows it. $HOME_DIR,
// $HOMEBREW_PREFIX and $HOMEX are other variables, whose values the line
// may not know: they name nothing in the home.
func HomeVar(w string) (rest string, ok bool) {
	if rest, ok := strings.CutPrefix(w, "${HOME}"); ok {
		return rest, true
	}
	if rest, ok := strings.CutPrefix(w, "$HOME"); ok && (rest == "" || !nameByte(rest[0])) {
		return rest, true
	}
	return "", false
}

// WithoutHomeVars returns w with every whole $HOME and ${HOME} taken out,
// leaving any other variable ($HOME_DIR) in place.
func WithoutHomeVars(w string) string {
	if !strings.Contains(w, "HOME") {
		return w
	}
	var b strings.Builder
	for i := 0; i < len(w); {
		if w[i] == '$' {
			if rest, ok := HomeVar(w[i:]); ok {
				i = len(w) - len(rest)
				continue
			}
		}
		b.WriteByte(w[i])
		i++
	}
	return b.String()
}

// nameByte reports a byte that may stand in a shell variable's name.
func nameByte(c byte) bool {
	return c == '_' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
}
