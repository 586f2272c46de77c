package engine

import (
	"strconv"
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

// TestLiveInListsPoliciesWithCandidates holds liveIn to of: the positions
// it lists are those of the admitted policies with a rule left for the
// name, in order; another admission is told the list is not its own.
func TestLiveInListsPoliciesWithCandidates(t *testing.T) {
	e := standard(t)
	a := e.admitted("exec", "", "")
	other := e.admitted("read", "", "")
	for _, name := range []string{"rm", "sort", "bash", "curl", "git", "zzz"} {
		c := e.candidatesFor(name)
		ks, ok := c.liveIn(a)
		if !ok {
			t.Fatalf("%s: no list for the first admission asked", name)
		}
		var want []int32
		for k, idx := range a.at {
			if len(c.of(idx)) > 0 {
				want = append(want, int32(k))
			}
		}
		if len(ks) != len(want) {
			t.Errorf("%s: liveIn %v, policies with candidates %v", name, ks, want)
			continue
		}
		for i := range ks {
			if ks[i] != want[i] {
				t.Errorf("%s: liveIn %v, policies with candidates %v", name, ks, want)
				break
			}
		}
		if _, ok := c.liveIn(other); ok && other != a {
			t.Errorf("%s: another admission was given the first one's list", name)
		}
	}
}

// TestBareCandidatesDropOnlyEffectRules holds the candidates for a
// subject with no effect (ofFor, bare) to of's: the same rules in the same
// order, each with its patterns, less those with effect_matches (which no
// subject without an effect holds); and liveInFor's bare list to them.
func TestBareCandidatesDropOnlyEffectRules(t *testing.T) {
	e := standard(t)
	a := e.admitted("exec", "", "")
	for _, c := range []*candidates{e.candidatesFor("rev"), e.candidatesFor("rm"), e.candidatesFor("git"), e.candidatesFor("curl"),
		e.candidatesFor("kubectl"), e.candidatesFor("zzz"), e.pipelineCandidates()} {
		dropped := 0
		for k, ent := range e.p.Entries {
			all, allPats := c.ofFor(k, false)
			bare, barePats := c.ofFor(k, true)
			var want []int32
			var wantPats []namePatterns
			for j, i := range all {
				if len(ent.Rules()[i].Effect) > 0 {
					dropped++
					continue
				}
				want = append(want, i)
				if allPats != nil {
					wantPats = append(wantPats, allPats[j])
				}
			}
			if len(bare) != len(want) || len(barePats) != len(wantPats) {
				t.Fatalf("%q, policy %s: bare %v (%d patterns), want %v (%d)", c.name, ent.Name, bare, len(barePats), want, len(wantPats))
			}
			for j := range want {
				if bare[j] != want[j] {
					t.Fatalf("%q, policy %s: bare %v, want %v", c.name, ent.Name, bare, want)
				}
				if wantPats != nil && (barePats[j].ok != wantPats[j].ok || len(barePats[j].indexed) != len(wantPats[j].indexed) || len(barePats[j].other) != len(wantPats[j].other)) {
					t.Fatalf("%q, policy %s: rule %d's patterns differ", c.name, ent.Name, want[j])
				}
			}
		}
		if dropped == 0 {
			t.Errorf("%q: no rule with effect_matches among the candidates: the test tests nothing", c.name)
		}
		ks, ok := c.liveInFor(a, true)
		if !ok {
			t.Fatalf("%q: no bare list for the first admission asked", c.name)
		}
		var want []int32
		for k, idx := range a.at {
			if rules, _ := c.ofFor(idx, true); len(rules) > 0 {
				want = append(want, int32(k))
			}
		}
		if len(ks) != len(want) {
			t.Errorf("%q: bare liveInFor %v, policies with bare candidates %v", c.name, ks, want)
		}
	}
}

// TestCandidateSlotsAnswerAsTheMap holds candidatesFor, which answers from
// its slots a name asked lately, to the table behind them: the same
// candidates for every name, asked again and again, with names that share
// a slot among them.
func TestCandidateSlotsAnswerAsTheMap(t *testing.T) {
	e := standard(t)
	var names []string
	for i := 0; i < 3*candidateSlots; i++ {
		names = append(names, "prog"+strconv.Itoa(i))
	}
	names = append(names, "rm", "sort", "git", "curl", "rev")
	for round := 0; round < 3; round++ {
		for _, n := range names {
			if got, want := e.candidatesFor(n), e.candidatesNamed(n); got != want || got != nil && got.name != n {
				t.Fatalf("round %d, %q: candidatesFor %p, the table %p", round, n, got, want)
			}
		}
	}
}
