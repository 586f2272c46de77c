package shell

import "testing"

// TestTrimExe: a Windows program's .exe, in any case, is the program;
// .cmd, .bat and .com stay their own names.
func TestTrimExe(t *testing.T) {
	for in, want := range map[string]string{
		"git.exe":                              "git",
		"/mnt/c/Program Files/Git/cmd/git.exe": "git",
		"Curl.EXE":                             "curl",
		"sc.exe":                               "sc",
		".exe":                                 ".exe",
		"install.bat":                          "install.bat",
		"npm.cmd":                              "npm.cmd",
		"format.com":                           "format.com",
		"app.exe.old":                          "app.exe.old",
	} {
		if got := progName(in); got != want {
			t.Errorf("progName(%q) = %q, want %q", in, got, want)
		}
	}
	res := Parse("git.exe push --force origin main")
	if len(res.Commands) != 1 || res.Commands[0].Name != "git" {
		t.Errorf("git.exe push: %v", describeAll(res))
	}
}
