package shell

import (
	"strings"
	"testing"
)

// TestEnvOptions checks that options a program reads from an environment
// variable set on the line (tar's TAR_OPTIONS, unzip's UNZIP, zip's
// ZIPOPT) are judged as its own: the command's arguments hold them, and a
// command they run is walked.
func TestEnvOptions(t *testing.T) {
	for _, tc := range []struct{ src, name, args string }{
		{"TAR_OPTIONS='--checkpoint=1 --checkpoint-action=\"exec=rm -rf /x\"' tar cf /dev/null README.md", "rm", "-rf /x"},
		{"export TAR_OPTIONS='--to-command=\"rm -rf /x\"'; tar xf a.tar", "rm", "-rf /x"},
		{"TAR_OPTIONS=--remove-files tar cf b.tar src", "tar", "cf b.tar src --remove-files"},
		{"TAR_OPTIONS=-v tar cf b.tar -- -odd-name", "tar", "cf b.tar -v -- -odd-name"},
		{"UNZIP='-o -d /x' unzip a.zip", "unzip", "a.zip -o -d /x"},
		{"env UNZIP='-o -d /x' unzip a.zip", "unzip", "a.zip -o -d /x"},
		{"sudo TAR_OPTIONS=--remove-files tar cf b.tar src", "tar", "cf b.tar src --remove-files"},
		{`ZIPOPT='-TT "rm -rf /x #"' zip -T a.zip README.md`, "rm", "-rf /x"},
		{"http_proxy=http://169.254.169.254 curl http://x.example.com/", "curl", "http://x.example.com/ --proxy http://169.254.169.254"},
		{"export ALL_PROXY=10.0.0.1:80; curl -s http://x.example.com/", "curl", "-s http://x.example.com/ --proxy 10.0.0.1:80"},
		// git reads its own options only before its verb: front
		{"GIT_WORK_TREE=/x git add -A", "git", "--work-tree /x add -A"},
		{"export GIT_DIR=/r.git; git push origin main", "git", "--git-dir /r.git push origin main"},
		{"env GIT_WORK_TREE=/x GIT_DIR=/r.git git clean -fdx", "git", "--work-tree /x --git-dir /r.git clean -fdx"},
	} {
		found := false
		for _, c := range Parse(tc.src).Commands {
			found = found || c.Name == tc.name && strings.Join(c.Args, " ") == tc.args
		}
		if !found {
			t.Errorf("Parse(%q) =\n\t%s\nwant %s %s", tc.src, strings.Join(describeAll(Parse(tc.src)), "\n\t"), tc.name, tc.args)
		}
	}
	// Options nobody can read leave the command dynamic; a variable the
	// program does not read changes nothing.
	for _, c := range Parse("TAR_OPTIONS=$(cat opts) tar xf a.tar").Commands {
		if c.Name == "tar" && !c.Dynamic {
			t.Errorf("tar with unreadable TAR_OPTIONS: %s, want dynamic", describe(c))
		}
	}
	for _, c := range Parse("env TAR_OPTIONS=-v true; tar cf b.tar src").Commands {
		if c.Name == "tar" && strings.Join(c.Args, " ") != "cf b.tar src" {
			t.Errorf("env's TAR_OPTIONS outlived its command: %s", describe(c))
		}
	}
	for _, c := range Parse("TAR_OPTIONS=-v cat a.txt").Commands {
		if c.Name == "cat" && strings.Join(c.Args, " ") != "a.txt" {
			t.Errorf("cat took TAR_OPTIONS: %s", describe(c))
		}
	}
}
