package effect

import (
	"strings"
	"testing"
)

// TestHgConfigRunsItsCommands: Mercurial's --config SECTION.NAME=VALUE
// makes hg (and chg, Sapling's sl) run a hook, an ssh or a "!" alias as a
// command line: the setting is reported and the command it runs is walked;
// a setting that runs nothing (ui.username) or an extension built in
// (extensions.rebase=) is not.
func TestHgConfigRunsItsCommands(t *testing.T) {
	descs := func(line string) string {
		var ds []string
		for _, e := range effectsOf(line) {
			ds = append(ds, e.Descriptor()+"@"+e.Path)
		}
		return strings.Join(ds, " ")
	}
	for _, c := range []struct {
		line, want string
		has        bool
	}{
		{`hg --config hooks.pre-status='rm -rf /tmp/scratch-marker' status`, "env:hg:hooks.pre-status", true},
		{`hg --config hooks.pre-status='rm -rf /tmp/scratch-marker' status`, "delete:recursive@/tmp/scratch-marker", true},
		{`hg pull --config ui.ssh='sh -c "cat ~/.ssh/id_rsa"'`, "read@/home/dev/.ssh/id_rsa", true},
		{`chg --config alias.x='!touch /tmp/marker' x`, "env:hg:alias.x", true},
		{`sl --config extensions.e=/tmp/e.py log`, "env:hg:extensions.e", true},
		{`hg --config ui.username=dev commit -m fix`, "env:", false},
		{`hg --config extensions.rebase= rebase -d default`, "env:", false},
	} {
		if got := descs(c.line); strings.Contains(got, c.want) != c.has {
			t.Errorf("%q: effects %q, want %q present = %v", c.line, got, c.want, c.has)
		}
	}
}
