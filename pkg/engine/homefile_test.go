package engine

import "testing"

// TestHomeFileSame holds homeFile's test to the comparison it stands for,
// p == home+"/"+rel (with no home, nothing), and inTree's to a search for
// "/"+d+"/".
func TestHomeFileSame(t *testing.T) {
	rels := []string{".claude/settings.json", ".bashrc", "a", ""}
	homes := []string{"/home/u", "/", "", "/home/u/"}
	paths := []string{
		"/home/u/.claude/settings.json", "/home/u/.bashrc", "/home/u/a", "/home/u/", "/home/u",
		"//.bashrc", "/.bashrc", "/home/ux.bashrc", "/home/u/.claude/settings.jsonx", "/home/u//a",
		"/home/v/.bashrc", "", "/",
	}
	for _, rel := range rels {
		f := homeFile(rel)
		for _, home := range homes {
			for _, p := range paths {
				want := home != "" && p == home+"/"+rel
				if got := f(p, home); got != want {
					t.Errorf("homeFile(%q)(%q, %q) = %v, want %v", rel, p, home, got, want)
				}
			}
		}
	}
	in := inTree(".config/nvim")
	for p, want := range map[string]bool{
		"/home/u/.config/nvim/init.lua": true, "/home/u/.config/nvim": false, ".config/nvim/x": false, "/x/.config/nvimx/y": false,
	} {
		if got := in(p, "", ""); got != want {
			t.Errorf("inTree(.config/nvim)(%q) = %v, want %v", p, got, want)
		}
	}
}
