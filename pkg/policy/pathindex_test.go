package policy

import (
	"bytes"
	"crypto/sha256"
	"errors"
	"strings"
	"testing"

	"rampart.dev/pkg/call"
	"rampart.dev/pkg/match"
)

// pathPolicy is a policy of one rule denying the paths srcs.
func pathPolicy(srcs []string) *Policy {
	return &Policy{Entries: []*Entry{{Name: "e", rules: []*Rule{{Action: call.Deny, Path: match.LazyPathSet(srcs)}}}}}
}

// A path condition carries its sources' index (match.PathIndex): a
// snapshot built into the binary matches through it, one read from a file
// builds its own from the sources, and a damaged one is refused. The
// index is made from the sources when the snapshot is made, so a changed
// policy has a changed index, never the old one.
func TestSnapshotPathIndex(t *testing.T) {
	const home, cwd = "/home/u", "/home/u/p"
	before := []string{"~/.ssh/**", "*.pem", "**/.env"}
	after := []string{"~/.aws/**", "*.pem", "**/.env"} // the policy changed
	paths := []string{"/home/u/.ssh/id_rsa", "/home/u/.aws/credentials", "/srv/site.pem", "/home/u/p/.env", "/home/u/p/main.go"}
	for _, srcs := range [][]string{before, after} {
		snap, err := Snapshot(pathPolicy(srcs))
		if err != nil {
			t.Fatal(err)
		}
		body := snap[len(snapshotMagic)+sha256.Size:]
		index := match.PathIndex(srcs)
		i := bytes.Index(body, []byte(index))
		if i < 0 {
			t.Fatalf("%q: the sources' index is not in the snapshot", srcs)
		}
		want := match.LazyPathSet(srcs)
		for _, load := range []struct {
			name    string
			f       func(string) (*Policy, error)
			indexed bool
		}{{"built in", loadBuiltIn, true}, {"from a file", LoadSnapshot, false}} {
			p, err := load.f(string(snap))
			if err != nil {
				t.Fatal(err)
			}
			set := p.Entries[0].Rules()[0].Path
			if set.Indexed() != load.indexed {
				t.Errorf("%q %s: indexed %v, want %v", srcs, load.name, set.Indexed(), load.indexed)
			}
			for _, path := range paths {
				if got, want := set.Match(path, home, cwd), want.Match(path, home, cwd); got != want {
					t.Errorf("%q %s: %q matched %v, want %v", srcs, load.name, path, got, want)
				}
			}
		}
		// A damaged index (a pattern's number past the last) is refused
		// when the snapshot is read from a file.
		b := bytes.Clone(body)
		b[i+len(index)-4] = byte(len(srcs))
		sum := sha256.Sum256(b)
		if _, err := LoadSnapshot(snapshotMagic + string(sum[:]) + string(b)); !errors.Is(err, ErrSnapshot) {
			t.Errorf("%q: a damaged path index: err %v, want ErrSnapshot", srcs, err)
		}
	}
	a, _ := Snapshot(pathPolicy(before))
	b, _ := Snapshot(pathPolicy(after))
	if bytes.Contains(b, []byte(match.PathIndex(before))) || !bytes.Contains(a, []byte(match.PathIndex(before))) {
		t.Error("the changed policy's snapshot carries the old index")
	}
}

// TestProfilesPathSetsIndexed checks that every path set of the embedded
// profiles matches through the index its snapshot carries, and decides
// as the set built from its sources would on paths made from every
// pattern of the profile (braces expanded, wildcards filled) and their
// neighbours.
func TestProfilesPathSetsIndexed(t *testing.T) {
	const home, cwd = "/home/dev", "/home/dev/project"
	for _, name := range Profiles() {
		p, err := Profile(name)
		if err != nil {
			t.Fatal(err)
		}
		var sets []*match.PathSet
		for _, e := range p.Entries {
			for _, r := range e.Rules() {
				for _, s := range []*match.PathSet{r.Path, r.NotPath} {
					if s.Len() > 0 {
						sets = append(sets, s)
					}
				}
			}
		}
		paths := map[string]bool{}
		for _, s := range sets {
			for _, src := range s.Sources() {
				for _, alt := range expandTestBraces(src) {
					for _, path := range samplePaths(alt, home, cwd) {
						paths[path] = true
					}
				}
			}
		}
		t.Logf("%s: %d path sets, %d paths", name, len(sets), len(paths))
		for _, s := range sets {
			if !s.Indexed() {
				t.Errorf("%s: a path set of %d patterns (%q…) is not indexed", name, s.Len(), s.Sources()[0])
				continue
			}
			built := match.LazyPathSet(s.Sources())
			for path := range paths {
				if got, want := s.Match(path, home, cwd), built.Match(path, home, cwd); got != want {
					t.Errorf("%s: set %q…: %q indexed %v, built %v", name, s.Sources()[0], path, got, want)
				}
			}
		}
	}
}

// expandTestBraces expands a pattern's first brace group, then the rest,
// at most 64 alternatives.
func expandTestBraces(src string) []string {
	open := strings.IndexByte(src, '{')
	if open < 0 {
		return []string{src}
	}
	depth, end := 0, -1
	var cuts []int
	for i := open; i < len(src) && end < 0; i++ {
		switch src[i] {
		case '{':
			depth++
		case '}':
			if depth--; depth == 0 {
				end = i
			}
		case ',':
			if depth == 1 {
				cuts = append(cuts, i)
			}
		}
	}
	if end < 0 {
		return []string{src}
	}
	var out []string
	from := open + 1
	for _, c := range append(cuts, end) {
		for _, alt := range expandTestBraces(src[:open] + src[from:c] + src[end+1:]) {
			if len(out) < 64 {
				out = append(out, alt)
			}
		}
		from = c + 1
	}
	return out
}

// samplePaths are absolute paths a brace-free pattern matches or nearly
// matches: its wildcards filled in three ways, in the home (and another
// account's) or the project for ~ and ./ patterns, under a directory for
// a base name, and with a segment after it or another name beside it.
func samplePaths(pat, home, cwd string) []string {
	fill := func(s, deep, one string) string {
		s = strings.ReplaceAll(s, "**", deep)
		s = strings.ReplaceAll(s, "*", one)
		s = strings.ReplaceAll(s, "?", "q")
		for {
			i := strings.IndexByte(s, '[')
			j := strings.IndexByte(s[i+1:], ']')
			if i < 0 || j < 0 {
				break
			}
			c := s[i+1 : i+1+j]
			c = strings.TrimLeft(c, "!^")
			if c == "" {
				c = "c"
			}
			s = s[:i] + c[:1] + s[i+2+j:]
		}
		return strings.ReplaceAll(s, `\`, "")
	}
	var out []string
	for _, f := range [][2]string{{"a/b", "x"}, {"", ""}, {".hidden/c", "y.key"}} {
		s := fill(pat, f[0], f[1])
		switch {
		case strings.HasPrefix(s, "~/"):
			s = home + s[1:]
		case strings.HasPrefix(s, "$HOME/"):
			s = home + s[5:]
		case strings.HasPrefix(s, "./"):
			s = cwd + s[1:]
		case !strings.HasPrefix(s, "/"):
			s = "/srv/data/" + s
		}
		c := match.CleanPath(s, cwd, home)
		out = append(out, c, c+"/z", c[:strings.LastIndexByte(c, '/')+1]+"other")
		if rest, ok := strings.CutPrefix(c, home+"/"); ok {
			out = append(out, "/root/"+rest, "/home/bob/"+rest)
		}
	}
	return out
}
