package shell

import "testing"

// TestHomeBraces checks that a $HOME the walk keeps, with a name run on
// after it, is written ${HOME}: "$HOMEx" would be another variable.
func TestHomeBraces(t *testing.T) {
	for line, want := range map[string]string{
		`rm -rf ${HOME}x`:       "${HOME}x",
		`rm -rf "${HOME}"x/y`:   "${HOME}x/y",
		`rm -rf "$HOME"_old`:    "${HOME}_old",
		`rm -rf "$HOME"/x`:      "$HOME/x",
		`rm -rf $HOME`:          "$HOME",
		`rm -rf $HOME.old`:      "$HOME.old",
		`rm -rf "$HOME_DIR"`:    "$HOME_DIR",
		`rm -rf ${HOME}/a$HOME`: "$HOME/a$HOME",
	} {
		res := Parse(line)
		if len(res.Commands) != 1 || len(res.Commands[0].Args) != 2 {
			t.Fatalf("%s: %+v", line, res.Commands)
		}
		if got := res.Commands[0].Args[1]; got != want {
			t.Errorf("%s: target %q, want %q", line, got, want)
		}
	}
}
