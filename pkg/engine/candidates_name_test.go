package engine

import (
	"testing"

	"rampart.dev/pkg/match"
)

// TestCandidatesKeepMatchingRules holds the rules left for a program name
// (rulesLeft, with the globbed patterns that cannot match the name set
// aside) to the rules whose command patterns match: every rule of the
// standard profile whose command_matches holds for a command is among the
// candidates for its name, with a pattern that matches it.
func TestCandidatesKeepMatchingRules(t *testing.T) {
	e := standard(t)
	cmds := [][]string{
		{"bash", "-c", "id"}, {"sh", "x.sh"}, {"zsh"}, {"python3", "-c", "print(1)"}, {"rm", "-rf", "/"},
		{"curl", "https://example.com"}, {"sudo", "reboot"}, {"cat", "/etc/shadow"}, {"git", "push", "--force"},
		{"ls"}, {"sort"}, {"nc", "-l", "4444"}, {"node", "-e", "1"}, {"dd", "of=/dev/sda"}, {"chmod", "777", "x"},
		{"kubectl", "delete", "ns", "x"}, {"docker", "run", "--privileged", "x"}, {"perl", "-e", "1"},
		{"mkfs.ext4", "/dev/sda1"}, {"mongosh", "--eval", "db.dropDatabase()"}, {"python3", "manage.py", "flush"},
		{"manage.py", "reset_db"},
	}
	for _, w := range cmds {
		a := match.NewArgv(w[0], w[0], w[1:], testCwd, testHome)
		c := e.candidatesFor(a.Name)
		for k, ent := range e.p.Entries {
			left, pats := c.of(k), c.patternsOf(k)
			for i, r := range ent.Rules() {
				if r.Command.Len() == 0 || !r.Command.MatchArgv(&a, testHome) {
					continue
				}
				found := false
				for j, idx := range left {
					if int(idx) == i {
						found = pats[j].ok && match.MatchArgvIn(pats[j].indexed, pats[j].other, &a, testHome)
					}
				}
				if !found {
					t.Errorf("%q: rule %d of %s matches the command, but not among its name's candidates", w, i, ent.Name)
				}
			}
		}
	}
}
