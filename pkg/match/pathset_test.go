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

// FuzzPathSetTailIndex holds a set that indexes a pattern by the base name
// or extension its alternatives end with (fileByTail) to the pattern's own
// Match, for every kind of pattern the tail index takes.
func FuzzPathSetTailIndex(f *testing.F) {
	for _, s := range [][2]string{
		{"**/*.tfstate.*.backup", "/a/b.tfstate.1.backup"},
		{"**/{vault_pass,.vault_password}{,.txt}", "/x/vault_pass.txt"},
		{"**/actions-runner/{.credentials,.runner}", "/w/actions-runner/.runner"},
		{"**/{secrets,.secrets}/*.{env,txt,key}", "/r/.secrets/a.key"},
		{"{/var/lib/jenkins,~/.jenkins}/{secret.key,credentials.xml}", "/home/u/.jenkins/secret.key"},
		{"**/*.git/HEAD", "/home/u/p/x.git/HEAD"},
		{"~/*/config.json", "/root/.docker/config.json"},
		{"*.tar.gz", "/a/b.tar.gz"},
		{"**/service-account*.json", "/service-account.json"},
	} {
		f.Add(s[0], s[1])
	}
	fuzzIndexAgrees(f, func(set *PathSet) bool {
		return set.homeBy.by == nil && set.absBy.by == nil && set.deepBy.by == nil && (set.baseBy.by != nil || set.extBy.by != nil)
	}, func(path string) []string { return []string{"/root/" + path, "/home/v/" + path} })
}

// fuzzIndexAgrees runs a fuzz target that builds a set of one pattern and,
// when indexed says the set files it by the index under test, holds the
// set's answer to the pattern's own Match for the path, its absolute and
// cleaned forms and the more that more gives.
func fuzzIndexAgrees(f *testing.F, indexed func(*PathSet) bool, more func(path string) []string) {
	const home, cwd = "/home/u", "/home/u/p"
	f.Fuzz(func(t *testing.T, pattern, path string) {
		if len(pattern) > 64 || len(path) > 128 {
			return
		}
		pp, err := CompilePath(pattern)
		if err != nil {
			return
		}
		set := NewPathSet([]PathPattern{pp})
		if !indexed(set) {
			return
		}
		for _, p := range append([]string{path, "/" + path, CleanPath(path, cwd, home)}, more(path)...) {
			want, ok := matchEach([]PathPattern{pp}, p, home, cwd)
			got, gotOK := matchSet(set, p, home, cwd)
			if !ok || !gotOK {
				return
			}
			if got != want {
				t.Errorf("pattern %q, path %q: set %v, pattern %v", pattern, p, got, want)
			}
		}
	})
}

// TestTailKeys checks the keys a pattern is indexed under by its tail.
func TestTailKeys(t *testing.T) {
	for _, c := range []struct {
		rest string
		want string // "b:NAME e:EXT ...", or "-" for none
	}{
		{"/**/*.tfstate.backup", "e:backup"},
		{"**/*.ovpn", "e:ovpn"},
		{"**/{vault_pass,vault-pass}{,.txt}", "b:vault_pass b:vault-pass b:vault_pass.txt b:vault-pass.txt"},
		{"**/actions-runner/{.credentials,.runner}", "b:.credentials b:.runner"},
		{"{/var/lib/jenkins,/srv}/secrets/**", "-"},
		{"/a/", "-"},
		{"**/.env.*", "-"},
		{"**/x\\.y", "e:y"},
		{"**/a.[ch]", "-"},
		{"", "-"},
	} {
		keys, ok := tailKeys(nil, c.rest)
		got := "-"
		if ok {
			var parts []string
			for _, k := range keys {
				if k.ext {
					parts = append(parts, "e:"+k.s)
				} else {
					parts = append(parts, "b:"+k.s)
				}
			}
			got = strings.Join(parts, " ")
		}
		if got != c.want {
			t.Errorf("tailKeys(%q) = %s, want %s", c.rest, got, c.want)
		}
	}
}

// TestDeepKeys checks the segments a pattern "**/…" whose first segment
// is not a literal is indexed under (fileByDeepSegments).
func TestDeepKeys(t *testing.T) {
	for _, c := range []struct {
		rest string
		want string // the keys, or "-" for none
	}{
		{"**/{.hg,.sl,.svn}/**", ".hg .sl .svn"},
		{"**/*.git/refs/**", "refs"},
		{"**/*.git/refs", "refs"},
		{"**/*.git/refs/", "refs"},
		{"**/.git/{rebase-merge,sequencer}/**", ".git"},
		{"**/{a,b/c}/d", "a b"},
		{"**/{a,*}/d", "a d"},
		{"**/x*/**/y?/z", "z"},
		{"**/{testdata,fixtures}/**", "testdata fixtures"},
		{"**/{a,a}/b", "a"},
		{"**/*.git/a,b/**", "-"}, // a comma with no group: "{DIR,DIR/**}"
		{"**/[ab]/c/**", "-"},    // a class before: not held to be a segment
		{"**/x\\/y/c", "-"},      // an escape before
		{"**/*/*", "-"},
		{"**/!x/**", "-"},
		{"/a/*/b", "-"},
		{"", "-"},
	} {
		keys, ok := deepKeys(nil, c.rest)
		got := "-"
		if ok {
			got = strings.Join(keys, " ")
		}
		if got != c.want {
			t.Errorf("deepKeys(%q) = %s, want %s", c.rest, got, c.want)
		}
	}
}

// FuzzPathSetDeepIndex holds a set that indexes a pattern "**/…" by a
// later or grouped segment (fileByDeepSegments) to the pattern's own
// Match.
func FuzzPathSetDeepIndex(f *testing.F) {
	for _, s := range [][2]string{
		{"**/{.hg,.svn}/**", "/r/.svn/x"},
		{"**/*.git/refs/**", "/a/b.git/refs/heads/main"},
		{"**/*.git/objects/", "/a/b.git/objects"},
		{"**/.git/{rebase-merge,sequencer}/**", "/p/.git/sequencer/todo"},
		{"**/{a,b/c}/d", "/x/b/c/d"},
		{"**/src/{test,it}/resources/**", "/p/src/it/resources/x"},
		{"**/x*/**/y?/z", "/x1/a/b/y2/z"},
	} {
		f.Add(s[0], s[1])
	}
	fuzzIndexAgrees(f, func(set *PathSet) bool { return set.deepBy.by != nil },
		func(path string) []string { return []string{"/a/" + path, "/" + path + "/b"} })
}

// FuzzPathSetStemIndex holds a set that indexes a pattern by how the base
// names it matches start (fileByStem) to the pattern's own Match.
func FuzzPathSetStemIndex(f *testing.F) {
	for _, s := range [][2]string{
		{"{/etc,/usr/local/etc}/odbc.ini{,.*,~}", "/etc/odbc.ini.bak"},
		{"**/.env.*", "/a/.env.local"},
		{"**/traefik/**/acme.json{,.*,~}", "/x/traefik/y/acme.json~"},
		{"{/etc,/usr/local/etc}/zabbix/zabbix_{server,proxy}*.conf{,.*,~}", "/etc/zabbix/zabbix_server2.conf"},
		{"~/.config/gh/hosts*", "/root/.config/gh/hosts.yml"},
		{"id_rsa*", "/a/id_rsa.pub"},
		{"/a/ab**", "/a/ab/c/d"},
		{"**/x\\*y.*", "/a/x*y.z"},
	} {
		f.Add(s[0], s[1])
	}
	fuzzIndexAgrees(f, func(set *PathSet) bool { return set.stemBy.by != nil },
		func(path string) []string { return []string{"/root/" + path, "/home/v/" + path} })
}

// TestStemKeys checks the keys a pattern is indexed under by its stem.
func TestStemKeys(t *testing.T) {
	for rest, want := range map[string]string{
		"/odbc.ini{,.*,~}":                           "od od od",
		"**/.env.*":                                  ".e",
		"**/{gitea,forgejo}/conf/app.ini":            "ap ap",
		"/zabbix/zabbix_{server,proxy}*.conf{,.*,~}": "za za za za za za",
		"/a/ab**":  "-",
		"/a/*.ini": "-",
		"/a/x?":    "-",
		"/a/b/":    "-",
		"/a/**":    "-",
		"/a/x\\*y": "-",
		"/a/xy\\*": "xy",
		"":         "-",
	} {
		keys, ok := stemKeys(nil, rest)
		got := "-"
		if ok {
			got = strings.Join(keys, " ")
		}
		if got != want {
			t.Errorf("stemKeys(%q) = %s, want %s", rest, got, want)
		}
	}
}
