package match

import "testing"

// A "$USER" segment in an absolute pattern matches the user's own name
// (the home directory's last segment) and no other account's.
func TestUserSegmentPattern(t *testing.T) {
	cases := []struct {
		pat, path, home string
		want            bool
	}{
		{"/scratch/$USER/**", "/scratch/dev/run-0412", "/home/dev", true},
		{"/scratch/$USER/**", "/scratch/dev", "/home/dev", true},
		{"/scratch/$USER/**", "/scratch/alice/run-0412", "/home/dev", false},
		{"/scratch/$USER/**", "/scratch", "/home/dev", false},
		{"/scratch/$USER/**", "/scratch/dev/run", "/", false},
		{"/project/*/$USER/**", "/project/vision-lab/dev/tmp-eval-17", "/home/dev", true},
		{"/project/*/$USER/**", "/project/vision-lab/datasets/coco", "/home/dev", false},
		{"/project/*/$USER/**", "/project/dev/datasets/coco", "/home/dev", false},
		{"/scratch/$USERNAME/**", "/scratch/dev/x", "/home/dev", false},
		{"/work/$USER", "/work/dev", "/Users/dev", true},
	}
	for _, c := range cases {
		pp, err := CompilePath(c.pat)
		if err != nil {
			t.Fatalf("%s: %v", c.pat, err)
		}
		if got := pp.Match(c.path, c.home, "/home/dev/project"); got != c.want {
			t.Errorf("%s Match(%s, home %s) = %v, want %v", c.pat, c.path, c.home, got, c.want)
		}
		set := NewPathSet([]PathPattern{pp})
		if got := set.Match(c.path, c.home, "/home/dev/project"); got != c.want {
			t.Errorf("set %s Match(%s, home %s) = %v, want %v", c.pat, c.path, c.home, got, c.want)
		}
	}
}
