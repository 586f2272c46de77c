package match

import (
	"strings"
	"testing"
)

// FuzzPathSetMatchesEachPattern holds a set's indexed match to trying each
// of its patterns in turn, for patterns starting "**/" (indexed by the
// segment after it) among others. (Patterns of other shapes with a comma
// in a directory part are not held to it: "/a,b/" compiles as
// "{/a,b,/a,b/**}", which the first-segment index does not follow.)
func FuzzPathSetMatchesEachPattern(f *testing.F) {
	const home, cwd = "/home/u", "/home/u/p"
	for _, s := range [][2]string{
		{"**/.git/hooks/**", "/home/u/p/.git/hooks/pre-commit"},
		{"**/.claude/settings*.json", "/x/.claude/settings.local.json"},
		{"**/.env", "/.env"},
		{"**/.rampart/*.token", "/a/b/.rampart/x.token"},
		{"**/a", "/aa/a"},
		{"**/a/", "/a/b"},
		{"**/.ssh/**", "relative/.ssh/id"},
	} {
		f.Add(s[0], s[1])
	}
	f.Fuzz(func(t *testing.T, pattern, path string) {
		if len(pattern) > 64 || len(path) > 128 || strings.IndexByte(pattern, 0) >= 0 {
			// gobwas reads a NUL as the pattern's end, which the set's
			// literal indexes (base names, first segments) do not follow.
			return
		}
		var ps []PathPattern
		for _, src := range []string{"**/" + pattern, "**/" + pattern + "/**", "/etc/**", "~/.ssh/**"} {
			if strings.ContainsAny(src, " ") {
				continue
			}
			pp, err := CompilePath(src)
			if err != nil {
				return
			}
			ps = append(ps, pp)
		}
		set := NewPathSet(ps)
		for _, p := range []string{path, "/" + path, CleanPath(path, cwd, home)} {
			want, ok := matchEach(ps, p, home, cwd)
			got, gotOK := matchSet(set, p, home, cwd)
			if !ok || !gotOK {
				return // gobwas panics on some malformed patterns (an unclosed "{")
			}
			if got != want {
				t.Errorf("patterns %q, path %q: set %v, each %v", pattern, p, got, want)
			}
		}
	})
}

// matchEach tries each pattern; ok is false when one panics.
func matchEach(ps []PathPattern, p, home, cwd string) (match, ok bool) {
	defer func() {
		if recover() != nil {
			match, ok = false, false
		}
	}()
	for _, pp := range ps {
		if pp.Match(p, home, cwd) {
			return true, true
		}
	}
	return false, true
}

// matchSet is set.Match; ok is false when it panics.
func matchSet(set *PathSet, p, home, cwd string) (match, ok bool) {
	defer func() {
		if recover() != nil {
			match, ok = false, false
		}
	}()
	return set.Match(p, home, cwd), true
}

// TestBraceFirstSegments checks the segments a pattern whose first
// segment is a group of names is indexed under, and that the set still
// matches through them.
func TestBraceFirstSegments(t *testing.T) {
	segs, ok := braceFirstSegments("/{etc,var/lib,var/opt,srv}/**/*credentials")
	if !ok || strings.Join(segs, ",") != "etc,var,srv" {
		t.Errorf("braceFirstSegments = %q, %v; want etc,var,srv", segs, ok)
	}
	for _, rest := range []string{"/{a*,b}/x", "/{a,b}x/y", "/a/{b,c}"} {
		if _, ok := braceFirstSegments(rest); ok {
			t.Errorf("braceFirstSegments(%q) indexed; want not", rest)
		}
	}
	pp, err := Compiler{}.Path("/{etc,var/lib,srv}/**/*credentials")
	if err != nil {
		t.Fatal(err)
	}
	set := NewPathSet([]PathPattern{pp})
	for p, want := range map[string]bool{
		"/etc/app/credentials": true, "/var/lib/x/db-credentials": true, "/srv/a/credentials": true,
		"/opt/x/credentials": false, "/var/log/credentials": false,
	} {
		if got := set.Match(p, "/home/dev", "/home/dev/project"); got != want {
			t.Errorf("Match(%q) = %v, want %v", p, got, want)
		}
	}
}
