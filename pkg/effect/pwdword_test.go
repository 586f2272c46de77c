package effect

import (
	"testing"

	"rampart.dev/pkg/shell"
)

// TestPWDDeleteTargetWhereKnown checks that $PWD in a delete's target is
// the directory the command runs in when the line knows it (the call's, or
// the one a cd named), so the delete is judged by its path and not as a
// target nobody can name; after a cd to a directory nobody names it stays
// unknown.
func TestPWDDeleteTargetWhereKnown(t *testing.T) {
	env := Env{Home: "/home/dev", Cwd: "/home/dev/project"}
	for _, tc := range []struct {
		line, cwd, want string
		unknown         bool
	}{
		{`rm -rf $PWD/*`, "/tmp/build", "delete:recursive /tmp/build/*", false},
		{`rm -rf "${PWD}"/*`, "/home/dev/project/dist", "delete:recursive /home/dev/project/dist/*", false},
		{`rm -rf "$PWD"`, "/home/dev/project/build", "delete:recursive /home/dev/project/build", false},
		{`rm -rf $PWD/*`, "", "delete:recursive /home/dev/project/*", false},
		{`rm -rf $PWD/*`, "/home/dev/project/$X", "", true},
		{`rm -rf $PWDX/*`, "/tmp/build", "", true},
	} {
		res := shell.Parse(tc.line)
		effs := Of(&res, []string{tc.cwd}, env)
		if tc.want != "" && !hasEffect(effs, tc.want) {
			t.Errorf("%q in %q: no %s: %v", tc.line, tc.cwd, tc.want, effs)
		}
		if got := hasEffect(effs, "unknown:delete-target"); got != tc.unknown {
			t.Errorf("%q in %q: unknown delete target = %v, want %v: %v", tc.line, tc.cwd, got, tc.unknown, effs)
		}
	}
}
