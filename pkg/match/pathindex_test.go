package match

import (
	"strings"
	"testing"
)

// indexTestPatterns are patterns of every shape a set files: home, absolute
// and deep ones by their first or deep segment, base names and
// extensions, tails and stems, the lists, the working directory's, brace
// groups, and one that does not compile.
var indexTestPatterns = []string{
	"~/.ssh/**", "~/.aws/*", "$HOME/.netrc", "~/.*rc", "~/.**/auth.json", "~/*/config.json", "~/{.docker,.kube}/config",
	"/etc/shadow", "/{etc,var/lib,srv}/secrets/**", "/var/log/", "{/var/lib/jenkins,~/.jenkins}/{secret.key,credentials.xml}",
	"**/.git/hooks/**", "**/.env", "**/.env.*", "**/*.tfstate.backup", "**/actions-runner/{.credentials,.runner}",
	"**/service-account*.json", "**/*.git/HEAD", "**/{.hg,.svn}/**", "**/*.git/refs/**", "**/.git/{rebase-merge,sequencer}/**", "{/etc,/usr/local/etc}/odbc.ini{,.*,~}", "/a/ab**", "/x/[ab]*/y",
	"*.pem", "id_rsa", "id_rsa*", "*.tar.gz", "*[0-9].key", "./secrets/**", "./", "**/x\\*y.*", "/bad/[", "",
}

// indexTestPaths are paths tried against them, in the user's home, in
// another account's, in the project and elsewhere.
var indexTestPaths = []string{
	"/home/u/.ssh/id_rsa", "/home/u/.ssh", "/home/bob/.ssh/config", "/root/.aws/credentials", "/home/u/.netrc", "/home/u/.bashrc",
	"/home/u/.config/gh/auth.json", "/home/u/.docker/config.json", "/home/u/.kube/config", "/etc/shadow", "/var/lib/secrets/a",
	"/srv/secrets", "/var/log", "/var/log/syslog", "/var/lib/jenkins/secret.key", "/home/u/.jenkins/credentials.xml",
	"/home/u/p/.git/hooks/pre-commit", "/.env", "/home/u/p/.env", "/home/u/p/.env.local", "/x/prod.tfstate.backup",
	"/opt/actions-runner/.runner", "/service-account.json", "/a/b/service-account-1.json", "/home/u/p/x.git/HEAD", "/r/.svn/entries", "/r/.hg", "/a/b.git/refs/heads/main", "/a/b.git/refs", "/p/.git/sequencer/todo",
	"/etc/odbc.ini", "/usr/local/etc/odbc.ini~", "/a/ab/c/d", "/x/a1/y", "/srv/tls/site.pem", "/a/id_rsa", "/a/id_rsa.pub",
	"/a/b.tar.gz", "/k/s3.key", "/home/u/p/secrets/a", "/home/u/p", "/home/u/p/main.go", "/a/x*y.z", "/bad/[", "/", "/tmp/x",
}

// TestIndexedPathSetMatchesAsBuilt checks that a set matched through its
// index (PathIndex, IndexedPathSet) decides every path as the set
// NewPathSet builds from the same patterns, all together and each alone.
func TestIndexedPathSetMatchesAsBuilt(t *testing.T) {
	const home, cwd = "/home/u", "/home/u/p"
	check := func(srcs []string) {
		t.Helper()
		ix := IndexedPathSet(srcs, PathIndex(srcs))
		if ix.ix == nil {
			t.Fatalf("%q: the index is not used", srcs)
		}
		built := LazyPathSet(srcs)
		if ix.Len() != built.Len() || strings.Join(ix.Sources(), "\n") != strings.Join(built.Sources(), "\n") {
			t.Fatalf("indexed set %q, built %q", ix.Sources(), built.Sources())
		}
		for _, p := range indexTestPaths {
			for _, h := range []string{home, "/root"} {
				if got, want := ix.Match(p, h, cwd), built.Match(p, h, cwd); got != want {
					t.Errorf("%q: path %q (home %s): indexed %v, built %v", srcs, p, h, got, want)
				}
			}
		}
	}
	check(indexTestPatterns)
	for _, src := range indexTestPatterns {
		check([]string{src})
	}
	check(nil)
}

// TestPathIndexFits checks that an index fits the number of patterns it
// was made for, and that a damaged one, or one for another number, does
// not and is not used.
func TestPathIndexFits(t *testing.T) {
	srcs := indexTestPatterns
	index := PathIndex(srcs)
	if !PathIndexFits(index, len(srcs)) {
		t.Fatal("an index does not fit its own patterns")
	}
	if PathIndexFits(index, len(srcs)-1) || IndexedPathSet(srcs[1:], index).ix != nil {
		t.Error("an index fits one pattern fewer")
	}
	if PathIndexFits(index[:len(index)-1], len(srcs)) {
		t.Error("a truncated index fits")
	}
	if PathIndexFits("", 0) || IndexedPathSet(nil, "").ix != nil {
		t.Error("an empty string fits as an index")
	}
	// The last four bytes are a pattern's number: one past the last
	// pattern does not fit.
	b := []byte(index)
	b[len(b)-4], b[len(b)-3], b[len(b)-2], b[len(b)-1] = byte(len(srcs)), 0, 0, 0
	if PathIndexFits(string(b), len(srcs)) {
		t.Error("an index naming a pattern past the last fits")
	}
	// A set given an index of another version is LazyPathSet's, and
	// matches the same.
	b = []byte(index)
	b[0]++
	if s := IndexedPathSet(srcs, string(b)); s.ix != nil || !s.Match("/home/u/.ssh/id_rsa", "/home/u", "/home/u/p") {
		t.Error("an index of another version is used, or the set does not match")
	}
}

// TestIndexedPathSetCompilesOnlyWhatIsTried checks that matching a path
// through the index compiles only the patterns it is tried against.
func TestIndexedPathSetCompilesOnlyWhatIsTried(t *testing.T) {
	srcs := []string{"~/.ssh/**", "/etc/shadow", "*.pem", "**/.env", "~/.aws/*"}
	s := IndexedPathSet(srcs, PathIndex(srcs))
	if !s.Match("/home/u/.ssh/id_rsa", "/home/u", "/home/u/p") {
		t.Fatal("~/.ssh/** does not match")
	}
	for i := range s.ix.pats {
		if compiled := s.ix.pats[i].Load() != nil; compiled != (i == 0) {
			t.Errorf("pattern %q compiled: %v", srcs[i], compiled)
		}
	}
}

// FuzzIndexedPathSet holds a one-pattern set matched through its index to
// the set NewPathSet builds of it. (Not to the pattern's own Match: a set
// built either way files a literal first segment holding a comma, "/,/",
// under that segment, where the compiled pattern reads the comma as
// separating alternatives.)
func FuzzIndexedPathSet(f *testing.F) {
	const home, cwd = "/home/u", "/home/u/p"
	for i, src := range indexTestPatterns {
		f.Add(src, indexTestPaths[i%len(indexTestPaths)])
	}
	f.Fuzz(func(t *testing.T, pattern, path string) {
		if len(pattern) > 64 || len(path) > 128 {
			return
		}
		pp, err := CompilePath(pattern)
		if err != nil {
			return
		}
		built := NewPathSet([]PathPattern{pp})
		set := IndexedPathSet([]string{pattern}, PathIndex([]string{pattern}))
		for _, p := range []string{path, "/" + path, CleanPath(path, cwd, home), "/root/" + path, "/home/v/" + path} {
			want, ok := matchSet(built, p, home, cwd)
			got, gotOK := matchSet(set, p, home, cwd)
			if !ok || !gotOK {
				return
			}
			if got != want {
				t.Errorf("pattern %q, path %q: indexed %v, built %v", pattern, p, got, want)
			}
		}
	})
}

// TestPathUnionCandidates checks that a union of indexed sets names, for
// every path, each set that matches it, and that it leaves some out.
func TestPathUnionCandidates(t *testing.T) {
	const cwd = "/home/u/p"
	var sets []*PathSet
	for _, src := range indexTestPatterns {
		sets = append(sets, IndexedPathSet([]string{src}, PathIndex([]string{src})))
	}
	sets = append(sets, LazyPathSet([]string{"/etc/**"}), nil, IndexedPathSet(indexTestPatterns[:5], PathIndex(indexTestPatterns[:5])))
	u := NewPathUnion(sets)
	if u.Held() != len(sets)-2 {
		t.Fatalf("the union holds %d sets, want %d", u.Held(), len(sets)-2)
	}
	left := 0
	for _, p := range indexTestPaths {
		for _, h := range []string{"/home/u", "/root"} {
			q := NewPathQuery(p, h, cwd)
			c := u.Candidates(&q)
			for j, s := range sets {
				if c&(1<<j) == 0 {
					left++
					if s == nil || s.Match(p, h, cwd) {
						t.Errorf("path %q (home %s): set %d %q left out", p, h, j, s.Sources())
					}
				}
			}
		}
	}
	if left == 0 {
		t.Errorf("the union left no set out")
	}
}
