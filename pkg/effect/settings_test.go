package effect

import (
	"strings"
	"testing"
)

// TestSedAsEditor: an editor setting whose value is a sed that only
// rewrites in place the file it is handed (a scripted rebase) is everyday
// use; one that writes, reads or runs elsewhere (w, r, e, -f from a file)
// is still the setting reported.
func TestSedAsEditor(t *testing.T) {
	reported := func(line string) bool {
		for _, e := range effectsOf(line) {
			d := e.Descriptor()
			if strings.HasPrefix(d, "env:") && strings.Contains(d, "EDITOR") || strings.Contains(d, "git:sequence.editor") || strings.Contains(d, "git:core.editor") {
				return true
			}
		}
		return false
	}
	for line, want := range map[string]bool{
		`GIT_SEQUENCE_EDITOR="sed -i -e 's/^pick 3f2a1bc/fixup 3f2a1bc/'" git rebase -i HEAD~4`: false,
		`git -c sequence.editor="sed -i '2,\$s/^pick/squash/'" rebase -i HEAD~3`:                false,
		`GIT_EDITOR="sed -i 1d" git commit --amend`:                                             false,
		`GIT_SEQUENCE_EDITOR="sed -i '1w /home/dev/.bashrc'" git rebase -i HEAD~2`:              true,
		`GIT_SEQUENCE_EDITOR="sed -i 's/x/id/e'" git rebase -i HEAD~2`:                          true,
		`GIT_EDITOR="sed -i -f /tmp/x.sed" git commit --amend`:                                  true,
		`GIT_SEQUENCE_EDITOR="sed 's/pick/drop/'" git rebase -i HEAD~2`:                         true,
		`GIT_SEQUENCE_EDITOR="perl -pi -e 's/pick/drop/'" git rebase -i HEAD~2`:                 true,
	} {
		if got := reported(line); got != want {
			t.Errorf("%q: editor setting reported = %v, want %v (%v)", line, got, want, effectsOf(line))
		}
	}
}

// TestCodeOptionCommandValued: an option whose value is a command line
// (the table marks it with @) loads code with any value, inside the
// project or not; without a value, or as part of another option, not.
func TestCodeOptionCommandValued(t *testing.T) {
	opts := []string{"-toolexec@", "-exec@", "-XX:OnError=@", "-overlay"}
	for _, c := range []struct {
		val, want string
	}{
		{"-toolexec=./tool", "-toolexec=./tool"},
		{"-exec qemu-arm", "-exec"},
		{"-XX:OnError=true", "-XX:OnError=true"},
		{"-mod=mod", ""},
		{"-executable=x", ""},
		{"-toolexec=", ""},
		{"-exec", ""},
	} {
		if got := codeOption(opts, c.val, false, func(string) bool { return false }); got != c.want {
			t.Errorf("codeOption(%q) = %q, want %q", c.val, got, c.want)
		}
	}
}
