package match

import "testing"

// TestHomeVar checks that only the home's own variable, as a whole name,
// is the home: $HOME_DIR and $HOMEBREW_PREFIX are other variables.
func TestHomeVar(t *testing.T) {
	for w, want := range map[string]string{
		"$HOME":            "",
		"$HOME/x":          "/x",
		"${HOME}":          "",
		"${HOME}x":         "x",
		"$HOME.old":        ".old",
		"$HOME-backup":     "-backup",
		"$HOME_DIR":        "!",
		"$HOMEDIR/x":       "!",
		"$HOMEBREW_PREFIX": "!",
		"${HOME_DIR}":      "!",
		"~/x":              "!",
		"x$HOME":           "!",
	} {
		rest, ok := HomeVar(w)
		if got := map[bool]string{true: rest, false: "!"}[ok]; got != want {
			t.Errorf("HomeVar(%q) = %q, %v; want %q", w, rest, ok, want)
		}
	}
	for w, want := range map[string]string{
		"$HOME/x":             "/x",
		"${HOME}/a:$HOME/b":   "/a:/b",
		"$HOME_DIR/x":         "$HOME_DIR/x",
		"$HOME/$HOMEX":        "/$HOMEX",
		"${HOME}x$HOME_OLD/y": "x$HOME_OLD/y",
		"plain":               "plain",
	} {
		if got := WithoutHomeVars(w); got != want {
			t.Errorf("WithoutHomeVars(%q) = %q, want %q", w, got, want)
		}
	}
}
