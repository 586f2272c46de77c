package effect

import (
	"reflect"
	"strings"
	"testing"

	"rampart.dev/pkg/catalog"
	"rampart.dev/pkg/shell"
)

// quietNames are the programs quiet can pass: shell.Filter's and
// plainReaders'.
var quietNames = []string{
	"sort", "uniq", "wc", "head", "tail", "cut", "rev", "fold", "tac", "nl", "paste", "expand", "unexpand", "fmt",
	"column", "cat", "tr",
	"grep", "egrep", "fgrep", "ls", "date", "sed", "gsed", "awk", "gawk", "mawk", "nawk",
}

// TestQuietCommandsReadNothing runs the readings quiet lets the analysis
// skip (before) on every program quiet can pass, given words that other
// readings look for, and checks that they add no effect, set no fact and
// leave the name and words as they are. It also checks that the names
// are every one quiet passes among the programs the readings key on.
func TestQuietCommandsReadNothing(t *testing.T) {
	for _, n := range strings.Fields(plainReaders.Words) {
		if !shell.Filter(n) && !contains(quietNames, n) {
			t.Errorf("plainReaders' %s is missing from quietNames", n)
		}
	}
	for _, n := range quietNames {
		if !shell.Filter(n) && !plainReaders.Get(n) {
			t.Errorf("%s: neither a filter nor a plain reader", n)
		}
	}
	// Programs some reading before the classification keys on: quiet
	// must pass none of them.
	for _, n := range []string{"curl", "wget", "http", "xh", "node", "python", "python3", "ruby", "php", "perl", "deno", "bun",
		"websocat", "yq", "hass-cli", "nc", "socat", "adb", "pm", "cmd", "content", "run-as", "settings", "syncthing",
		"yt-dlp", "unset", "export", "env", "git", "npm", "pip", "aws", "gcloud", "kubectl", "docker", "ssh"} {
		if shell.Filter(n) || plainReaders.Get(n) {
			t.Errorf("%s: quiet would pass it", n)
		}
	}
	argSets := [][]string{
		nil, {"-n", "5"}, {"-u"}, {"--cookies-from-browser", "chrome", "-o", "x"}, {"-m", "pip", "config", "set", "x"},
		{"LD_PRELOAD"}, {"-n", "LD_PRELOAD"}, {"http://127.0.0.1:9222/json"}, {"Network.getAllCookies"},
		{"load(\"/home/dev/.ssh/id_rsa\")"}, {"service", "call", "lock.unlock"}, {"http://h/api/services/lock/unlock"},
		{"uninstall", "com.x"}, {"package", "uninstall", "x"}, {"put", "global", "verifier_verify_adb_installs", "0"},
		{"cli", "config", "folders"}, {"-S", "0.0.0.0:80"}, {"script.py"}, {"$HOME"}, {"~/.ssh/id_rsa"},
		{"s/a/b/g"}, {"{print $1}"}, {"-"}, {"/dev/tcp/x.example/80"},
	}
	env := Env{Home: "/home/dev", Cwd: "/home/dev/project", Sensitive: func(string) bool { return true }}
	for _, n := range quietNames {
		for _, args := range argSets {
			res := shell.Result{Commands: []shell.Command{{Name: n, Program: n, Args: args}}}
			a := analysis{res: &res, env: env, cwds: []string{env.Cwd}, cat: catalog.Default(), per: make([]cmdFacts, 1)}
			c := &res.Commands[0]
			if !a.quiet(c) {
				t.Errorf("%s %q: not quiet", n, args)
				continue
			}
			name, got, ok := a.before(0, c)
			if !ok || name != n || !reflect.DeepEqual(got, args) {
				t.Errorf("%s %q: before gives %q %q %v", n, args, name, got, ok)
			}
			if len(a.out) > 0 {
				t.Errorf("%s %q: before adds %v", n, args, a.out)
			}
			if !reflect.DeepEqual(a.per[0], cmdFacts{}) {
				t.Errorf("%s %q: before sets facts %+v", n, args, a.per[0])
			}
		}
	}
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
