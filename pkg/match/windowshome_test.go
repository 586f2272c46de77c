package match

import "testing"

// TestWindowsHome: a Windows home as WSL, Git Bash and Cygwin see it, any
// drive and any case of Users, and the paths that are none.
func TestWindowsHome(t *testing.T) {
	for p, want := range map[string]string{
		"/mnt/c/Users/dev":              "/mnt/c/Users/dev",
		"/mnt/c/Users/dev/.ssh/id_rsa":  "/mnt/c/Users/dev",
		"/mnt/d/users/Ann/AppData":      "/mnt/d/users/Ann",
		"/c/Users/dev/.aws/credentials": "/c/Users/dev",
		"/cygdrive/c/Users/dev/x":       "/cygdrive/c/Users/dev",
		"/mnt/c/Users":                  "",
		"/mnt/c/Users/":                 "",
		"/mnt/c/Windows/System32":       "",
		"/mnt/cc/Users/dev":             "",
		"/home/dev/c/Users/dev":         "",
		"/srv/Users/dev":                "",
		"/1/Users/dev":                  "",
	} {
		if got := WindowsHome(p); got != want {
			t.Errorf("WindowsHome(%q) = %q, want %q", p, got, want)
		}
	}
	// a home pattern takes a Windows home's files as the home's
	pp, err := Compiler{}.Path("~/.ssh/**")
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range []string{"/mnt/c/Users/dev/.ssh/id_ed25519", "/c/Users/dev/.ssh/id_rsa", "/cygdrive/c/Users/dev/.ssh/id_rsa"} {
		if !pp.Match(p, "/home/dev", "/home/dev/project") {
			t.Errorf("~/.ssh/** does not match %s", p)
		}
	}
}
