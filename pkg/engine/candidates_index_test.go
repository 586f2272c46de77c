package engine

import (
	"slices"
	"testing"

	"rampart.dev/pkg/match"
	"rampart.dev/pkg/policy"
)

// TestIndexedRulesLeftAsAsked holds rulesLeft through an entry's command
// index (rulesLeftIndexed) to rulesLeft asking every rule's command set
// (rulesLeftAsked): for every embedded profile, every entry and every
// program name its index holds (and names it holds none of, globbed
// names, the empty name), the same rules are left, each with patterns of
// the same sources, in the same order, and each of those matching the
// same commands.
func TestIndexedRulesLeftAsAsked(t *testing.T) {
	others := []string{"", "ls", "git", "mkfs.ext4", "mkfs", "mongo", "mongosh", "python3", "python", "manage.py",
		"sudo", "rm", "curl", "wget", "bash", "sh", "psql", "mysql", "redis-cli", "x", "rampart", "kubectl", "{a,b}"}
	for _, prof := range policy.Profiles() {
		indexed, err := policy.Profile(prof)
		if err != nil {
			t.Fatal(err)
		}
		asked, err := policy.Profile(prof) // its own command sets: nothing indexed has compiled them
		if err != nil {
			t.Fatal(err)
		}
		for k, ent := range indexed.Entries {
			names := slices.Clone(others)
			for _, r := range ent.Rules() {
				for _, w := range match.ProgramWords(r.Command.Sources()) {
					if w != "" {
						names = append(names, match.WordNames(w)...)
					}
				}
			}
			for _, name := range names {
				ix, ok := ent.CommandIndex(name)
				if !ok {
					t.Fatalf("%s: %s has no command index", prof, ent.Name)
				}
				gotLeft, gotPats := rulesLeftIndexed(ent, ix, name)
				wantLeft, wantPats := rulesLeftAsked(asked.Entries[k], name)
				if !slices.Equal(gotLeft, wantLeft) {
					t.Errorf("%s %s %q: rules left %v, asked %v", prof, ent.Name, name, gotLeft, wantLeft)
					continue
				}
				for i := range gotPats {
					g, w := gotPats[i], wantPats[i]
					if g.ok != w.ok || !slices.Equal(sources(g.indexed), sources(w.indexed)) || !slices.Equal(sources(g.other), sources(w.other)) {
						t.Errorf("%s %s %q rule %d: patterns %v %v %v, asked %v %v %v", prof, ent.Name, name, gotLeft[i],
							g.ok, sources(g.indexed), sources(g.other), w.ok, sources(w.indexed), sources(w.other))
					}
				}
			}
		}
	}
}

// TestIndexedCandidatesMatchAsAsked judges commands of the names the
// standard profile indexes through candidates made from the index and
// through each rule's command set: the patterns left match alike.
func TestIndexedCandidatesMatchAsAsked(t *testing.T) {
	p, err := policy.Profile("standard")
	if err != nil {
		t.Fatal(err)
	}
	q, err := policy.Profile("standard")
	if err != nil {
		t.Fatal(err)
	}
	cmds := [][]string{
		{"git", "status"}, {"git", "push", "--force"}, {"git", "reset", "--hard"}, {"rm", "-rf", "/"},
		{"curl", "https://example.com"}, {"mkfs.ext4", "/dev/sda1"}, {"mongosh", "--eval", "db.dropDatabase()"},
		{"python3", "manage.py", "flush"}, {"kill", "-9", "1"}, {"pkill", "rampart"}, {"chmod", "777", "/"},
		{"psql", "-c", "DROP DATABASE x"}, {"terraform", "destroy"}, {"sh", "-c", "x"}, {"ls"},
	}
	for _, w := range cmds {
		a := match.NewArgv(w[0], w[0], w[1:], testCwd, testHome)
		for k, ent := range p.Entries {
			ix, ok := ent.CommandIndex(a.Name)
			if !ok {
				t.Fatalf("%s has no command index", ent.Name)
			}
			gl, gp := rulesLeftIndexed(ent, ix, a.Name)
			wl, wp := rulesLeftAsked(q.Entries[k], a.Name)
			if !slices.Equal(gl, wl) {
				t.Fatalf("%q %s: rules left %v, asked %v", w, ent.Name, gl, wl)
			}
			for i := range gp {
				g := match.MatchArgvIn(gp[i].indexed, gp[i].other, &a, testHome)
				if want := match.MatchArgvIn(wp[i].indexed, wp[i].other, &a, testHome); g != want {
					t.Errorf("%q %s rule %d: matches %v, asked %v", w, ent.Name, gl[i], g, want)
				}
			}
		}
	}
}

func sources(ps []*match.CommandPattern) []string {
	out := make([]string, len(ps))
	for i, p := range ps {
		out[i] = p.String()
	}
	return out
}
