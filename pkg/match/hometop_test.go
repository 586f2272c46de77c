package match

import (
	"strings"
	"testing"
)

// homeTopPaths are paths under every top homeUnder knows and under others,
// each also tried with its first segment's neighbours (see TestHomeTop).
var homeTopPaths = []string{
	"/root", "/root/.ssh/id_rsa", "/rootx/a", "/var/root/.aws/credentials", "/var/home/bob/.ssh/id_rsa",
	"/home/alice/.ssh/id_rsa", "/home/", "/home", "/Users/bob/.aws/credentials", "/users/bob/x",
	"/usr/home/carol/.netrc", "/export/home/dave/.ssh/config", "/homes/eve/.ssh/id_rsa", "/home2/frank/x",
	"/home1234567/x/y", "/u/gina/.kube/config", "/nfs/home/hal/.ssh/id_rsa", "/net/fs01/home/ivy/x",
	"/mnt/data/homes/jo/.ssh/id_rsa", "/data/home/kim/x", "/storage/homes/lee/x", "/gpfs/home/max/x",
	"/lustre/home/ned/x", "/cluster/home/oz/x", "/mnt/c/Users/pat/.ssh/id_rsa", "/c/Users/quin/x",
	"/cygdrive/d/users/rob/x", "/D/Users/sam/x", "/tmp/out.txt", "/etc/passwd", "/opt/x/home/y",
	"/srv/home/tom/x", "/", "", "//home/u/x", "home/u/x", "/x", "/x/Users/u/y",
	"/workspace/home/u", "/var/lib/home/u", "/usr/local/home/u",
}

// TestHomeTop holds otherHome's cheap test of a path's first segment
// (homeTop) to homeUnder: a path homeTop turns away is in no home
// homeUnder finds, whatever its first segment is spelled like.
func TestHomeTop(t *testing.T) {
	for _, p := range homeTopPaths {
		for _, q := range homeTopVariants(p) {
			if got := homeUnder(q); got != "" && !homeTop(firstSegment(q)) {
				t.Errorf("homeTop(%q) is false, but %q is in the home %q", firstSegment(q), q, got)
			}
			if got, want := otherHome(q), homeUnder(q); got != want {
				t.Errorf("otherHome(%q) = %q, homeUnder gives %q", q, got, want)
			}
		}
	}
}

// homeTopVariants returns p and p with its first segment changed by a
// byte (dropped, doubled, cased otherwise).
func homeTopVariants(p string) []string {
	out := []string{p}
	first := firstSegment(p)
	rest := strings.TrimPrefix(p, "/")
	rest = rest[len(first):]
	for i := 0; i < len(first); i++ {
		out = append(out,
			"/"+first[:i]+first[i+1:]+rest,
			"/"+first[:i+1]+first[i:]+rest,
			"/"+first[:i]+string(first[i]^0x20)+first[i+1:]+rest)
	}
	return out
}

// FuzzHomeTop is TestHomeTop on any absolute path (a path query's path
// is cleaned and absolute; homeUnder indexes past the end of a relative
// "homes" or "home0").
func FuzzHomeTop(f *testing.F) {
	for _, p := range homeTopPaths {
		f.Add(p)
	}
	f.Fuzz(func(t *testing.T, p string) {
		if !strings.HasPrefix(p, "/") {
			return
		}
		if got, want := otherHome(p), homeUnder(p); got != want {
			t.Errorf("otherHome(%q) = %q, homeUnder gives %q", p, got, want)
		}
	})
}
