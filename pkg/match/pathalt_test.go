package match

import (
	"slices"
	"testing"
)

func TestPathAlternates(t *testing.T) {
	const cwd = "/home/u/p"
	tests := []struct {
		in   string
		want []string
	}{
		{"/proc/self/root/etc/shadow", []string{"/etc/shadow"}},
		{"/proc/thread-self/root/home/u/.ssh/id_rsa", []string{"/home/u/.ssh/id_rsa"}},
		{"/proc/1/root/etc/shadow", []string{"/etc/shadow"}},
		{"/proc/1234/task/1235/root/etc/shadow", []string{"/etc/shadow"}},
		{"/proc/self/root", []string{"/"}},
		{"/proc/self/root/proc/self/root/etc/passwd", []string{"/etc/passwd"}},
		{"/proc/self/cwd/.env", []string{"/home/u/p/.env"}},
		{"/proc/42/cwd/.git/config", []string{"/home/u/p/.git/config"}},
		{"/proc/self/root/private/etc/sudoers", []string{"/private/etc/sudoers", "/etc/sudoers"}},
		{"/private/etc/passwd", []string{"/etc/passwd"}},
		{"/private/var/db/x", []string{"/var/db/x"}},
		{"/private/tmp", []string{"/tmp"}},
		{"/System/Volumes/Data/Users/bob/.aws/credentials", []string{"/Users/bob/.aws/credentials"}},
		{"/private/etcetera", nil},
		{"/proc/self/environ", nil},
		{"/proc/self/fd/3", nil},
		{"/dev/fd/3", nil},
		{"/proc/cpuinfo", nil},
		{"/proc/abc/root/etc/shadow", nil},
		{"/etc/passwd", nil},
	}
	for _, tt := range tests {
		if got := PathAlternates(nil, tt.in, cwd); !slices.Equal(got, tt.want) {
			t.Errorf("PathAlternates(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestCleanPathSpellings(t *testing.T) {
	const home, cwd = "/home/u", "/home/u/p"
	for in, want := range map[string]string{
		"//home//u///.ssh//id_rsa":                  "/home/u/.ssh/id_rsa",
		"/home/u/.ssh/./id_rsa":                     "/home/u/.ssh/id_rsa",
		"/home/u/x/../.ssh/id_rsa":                  "/home/u/.ssh/id_rsa",
		"/home/u/.ssh/":                             "/home/u/.ssh",
		"~/.ssh//":                                  "/home/u/.ssh",
		"/../../etc/passwd":                         "/etc/passwd",
		"./../.aws/credentials":                     "/home/u/.aws/credentials",
		"/proc/self/cwd/../.ssh/id_rsa":             "/home/u/.ssh/id_rsa",
		"/proc/self/cwd/../../u/.ssh/id_rsa":        "/home/u/.ssh/id_rsa",
		"/proc/1/root/tmp/../etc/shadow":            "/etc/shadow",
		"/proc/self/root/../../../etc/shadow":       "/etc/shadow",
		"/proc/self/task/7/cwd/../.aws/credentials": "/home/u/.aws/credentials",
		"/proc/self/root/etc/shadow":                "/etc/shadow",
		"/proc/thread-self/cwd/.env":                "/home/u/p/.env",
		"/proc/1/cwd/x":                             "/proc/1/cwd/x",
		"/proc/1/cwd/../../etc/shadow":              "/etc/shadow",
		"/proc/self/fd/3":                           "/proc/self/fd/3",
		"/proc/self/environ":                        "/proc/self/environ",
		"/dev/fd/../environ":                        "/proc/self/environ",
		"/dev/fd/3/../../cwd/.env":                  "/home/u/p/.env",
		"/dev/fd/3":                                 "/dev/fd/3",
	} {
		if got := CleanPath(in, cwd, home); got != want {
			t.Errorf("CleanPath(%q) = %q, want %q", in, got, want)
		}
	}
	if !HasNUL("/home/u/.ssh/id_rsa\x00.txt") || HasNUL("/home/u/.ssh/id_rsa") {
		t.Errorf("HasNUL is wrong")
	}
}

func TestFoldedPathSet(t *testing.T) {
	var ps []PathPattern
	for _, src := range []string{"~/.ssh/**", "$HOME/.aws/credentials", "/etc/**", "*.pem", "**/.env", "~/Library/Keychains/**"} {
		p, err := CompilePath(src)
		if err != nil {
			t.Fatal(err)
		}
		ps = append(ps, p)
	}
	set := NewPathSet(ps)
	const home, cwd = "/Users/Dev", "/Users/Dev/Proj"
	tests := []struct {
		path string
		want bool
	}{
		{"/Users/Dev/.SSH/ID_RSA", true},
		{"/users/dev/.ssh/id_rsa", true},
		{"/Users/Dev/.AWS/Credentials", true},
		{"/ETC/passwd", true},
		{"/tmp/KEY.PEM", true},
		{"/Users/Dev/Proj/.ENV", true},
		{"/Users/Dev/library/keychains/login.keychain-db", true},
		{"/Users/Other/.Ssh/id_rsa", true},
		{"/Users/Dev/Proj/main.go", false},
	}
	f := set.Folded()
	if f != set.Folded() {
		t.Errorf("Folded builds a new set each time")
	}
	for _, tt := range tests {
		if got := f.Match(FoldPath(tt.path), FoldPath(home), FoldPath(cwd)); got != tt.want {
			t.Errorf("Folded().Match(%q) = %v, want %v", tt.path, got, tt.want)
		}
		if set.Match(tt.path, home, cwd) && !tt.want {
			t.Errorf("Match(%q) = true", tt.path)
		}
	}
	if set.Match("/Users/Dev/.SSH/ID_RSA", home, cwd) {
		t.Errorf("the set itself folded case")
	}
	if got := FoldPath("/Users/dev/Cafe\u0301"); got != "/users/dev/caf\u00e9" {
		t.Errorf("FoldPath composes: got %q", got)
	}
}

func TestOtherHomeDoesNotAllocate(t *testing.T) {
	pp, _ := CompilePath("~/.ssh/**")
	set := NewPathSet([]PathPattern{pp})
	allocs := testing.AllocsPerRun(100, func() {
		pp.Match("/home/alice/.ssh/id_rsa", "/home/u", "/")
		set.Match("/root/.ssh/id_rsa", "/home/u", "/")
		PathAlternates(nil, "/home/u/p/main.go", "/home/u/p")
	})
	if allocs != 0 {
		t.Errorf("matching another home allocates %v times, want 0", allocs)
	}
}

// FuzzCleanPath checks that cleaning never panics, gives an absolute clean
// path, and that cleaning it again changes nothing; and that alternates
// are clean too.
func FuzzCleanPath(f *testing.F) {
	for _, s := range []string{"~/.ssh/id_rsa", "/proc/self/cwd/../x", "/proc/1/root/../../etc", "a/../../b", "/private/etc//x/", "$HOME/", "/proc/self/task/1/cwd/.."} {
		f.Add(s)
	}
	const cwd, home = "/home/u/p", "/home/u"
	f.Fuzz(func(t *testing.T, s string) {
		c := CleanPath(s, cwd, home)
		if s == "" {
			return
		}
		if !isClean(c) {
			t.Errorf("CleanPath(%q) = %q, not clean", s, c)
		}
		if again := CleanPath(c, cwd, home); again != c {
			t.Errorf("CleanPath(%q) = %q, but CleanPath of that = %q", s, c, again)
		}
		for _, a := range PathAlternates(nil, c, cwd) {
			if !isClean(a) {
				t.Errorf("PathAlternates(%q) holds %q, not clean", c, a)
			}
		}
	})
}

// TestOtherHomeRelative checks that a path that is not absolute is in no
// other user's home (and never panics).
func TestOtherHomeRelative(t *testing.T) {
	for _, p := range []string{"", "home0", "home", "Users/x/y", "./home/bob"} {
		if got := otherHome(p); got != "" {
			t.Errorf("otherHome(%q) = %q, want none", p, got)
		}
	}
}
