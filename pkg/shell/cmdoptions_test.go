package shell

import (
	"strings"
	"testing"
)

func TestCommandOptionName(t *testing.T) {
	for n, want := range map[string]bool{
		"command": true, "cmd": true, "exec": true, "post-hook": true, "pre_commit_hook": true,
		"on-success": true, "on-change": true, "run": true, "shell-command": true, "script": true,
		"message": false, "filter": false, "once": false, "on": false, "runner": false, "execution-role": false,
		"runCommand": true, "postCommand": true, "beforeScript": true, "onSuccess": true, "on_error": true,
		"precmd": true, "posthook": true, "onfailure": true, "after-success": true, "preStart": true, "callback": true,
		"online": false, "onboarding": false, "after": false, "before": false, "preview": false, "postgres-url": false,
		"commandPrefix": true, "display-name": false, "on-call": true,
	} {
		if got := commandOptionName(n); got != want {
			t.Errorf("commandOptionName(%q) = %v, want %v", n, got, want)
		}
	}
}

// TestCommandOptions: an option named for a command holds a command line
// the walk reads, for programs the catalogue knows (nx) and those it does
// not; an option the catalogue gives a role of its own is read by it
// (trino --execute is SQL), and a value that is one word is a word.
func TestCommandOptions(t *testing.T) {
	for _, c := range []struct {
		line string
		want string // a program the walk must find, "" for none beyond the first
	}{
		{`nx run tools:exec --command="touch /tmp/blocked-marker"`, "touch"},
		{`nx run tools:exec --command "touch /tmp/blocked-marker"`, "touch"},
		{`mytool build --post-hook='touch /tmp/blocked-marker'`, "touch"},
		{`mytool --on-success "touch /tmp/blocked-marker" build`, "touch"},
		{`turbo run build -- --exec="touch /tmp/blocked-marker"`, "touch"},
		{`trino --server t.example --execute 'SHOW SCHEMAS FROM hive'`, ""},
		{`trino --server t.example --execute='SHOW SCHEMAS FROM hive'`, ""},
		{`nx run-many -t build --parallel=3`, ""},
		{`git commit --message="run the command: make test"`, ""},
		{`mytool build --before='touch /tmp/blocked-marker'`, "touch"},
		{`mytool build --handler="touch /tmp/blocked-marker"`, "touch"},
	} {
		r := Parse(c.line)
		found := ""
		for _, cmd := range r.Commands[1:] {
			if cmd.Name == "touch" || c.want == "" {
				found = cmd.Name
			}
		}
		if found != c.want {
			t.Errorf("Parse(%q): found %q, want %q (%v)", c.line, found, c.want, describeAll(r))
		}
	}
}

// A command option whose value is a path runs that file: the walk reports
// the command, so a file the line downloaded or wrote is judged where it
// runs.
func TestCommandOptionPaths(t *testing.T) {
	for line, want := range map[string]bool{
		`mytool build --post-hook=./hook.sh`:      true,
		`mytool build --on-success=~/bin/hook.sh`: true,
		`nx run app:build --command ./hook.sh`:    true,
		`mytool build --config=./hook.sh`:         false,
		`mytool build --post-hook=hook`:           false,
	} {
		r := Parse(line)
		found := false
		for _, c := range r.Commands[1:] {
			found = found || strings.HasSuffix(c.Program, "hook.sh")
		}
		if found != want {
			t.Errorf("Parse(%q): runs hook.sh %v, want %v (%v)", line, found, want, describeAll(r))
		}
	}
}
