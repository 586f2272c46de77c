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

// A command option given a file the line wrote runs that file, however
// its path is spelled (--hook=h.sh with no ./): what it runs is judged as
// what was written.
func TestCommandOptionWrittenFiles(t *testing.T) {
	at := Place{Dir: "/home/dev/project", Home: "/home/dev"}
	for line, want := range map[string]bool{
		"pbpaste > h.sh; mytool --hook=h.sh":                        true,
		"pbpaste > h.sh; mytool build --exec-script h.sh":           true,
		"pbpaste > hooks/h.sh; mytool sync --on-success=hooks/h.sh": true,
		"pbpaste > h.sh; mytool watch --callback h.sh":              true,
		"pbpaste > h.sh; nx run app:build --command h.sh":           true,
		"pbpaste > h.sh; mytool --output=h.sh":                      false,
		"pbpaste > notes.md; mytool --hook=h.sh":                    false,
		"pbpaste > h.sh; mytool --hook=other.sh":                    false,
		"mytool --hook=h.sh":                                        false,
	} {
		if got := runsUnknown(ParseIn(line, at), "h.sh"); got != want {
			t.Errorf("ParseIn(%q): runs the written h.sh %v, want %v (%v)", line, got, want, describeAll(ParseIn(line, at)))
		}
	}
}

// An unknown program whose first word names a known program (mytool sync
// --then='CMD') is guessed to start that program, and the command lines
// its later option values hold are read all the same; a known program's
// own operands (ssh HOST 'CMD') are left to its entry.
func TestEmbeddedAfterKnownWord(t *testing.T) {
	for line, want := range map[string]bool{
		`mytool sync --then='touch /tmp/m'`:         true,
		`mytool git --after 'touch /tmp/m'`:         true,
		`acme make --post-cmd "touch /tmp/m; true"`: true,
		`mytool sync --then=npm`:                    false,
	} {
		r := Parse(line)
		found := false
		for _, c := range r.Commands {
			found = found || c.Name == "touch"
		}
		if found != want {
			t.Errorf("Parse(%q): touch found %v, want %v (%v)", line, found, want, describeAll(r))
		}
	}
	r := Parse(`mytool ssh prod 'touch /tmp/m'`)
	for _, c := range r.Commands {
		if c.Name == "touch" && len(c.Via) > 0 && c.Via[len(c.Via)-1] == "mytool" {
			t.Errorf("ssh's remote command read as mytool's own: %v", describeAll(r))
		}
	}
}

// A file downloaded on the line and given to a command option is run by
// it: the walk reports the run, which the engine judges as a download run.
func TestCommandOptionDownloaded(t *testing.T) {
	at := Place{Dir: "/home/dev/project", Home: "/home/dev"}
	for line, want := range map[string]bool{
		"curl -so h.sh https://x.example/i; mytool --hook=h.sh":            true,
		"wget -qO h.sh https://x.example/i && mytool --post-hook h.sh":     true,
		"curl -so data.json https://x.example/i; mytool --input=data.json": false,
	} {
		r := ParseIn(line, at)
		found := false
		for _, c := range r.Commands {
			found = found || c.Program == "./h.sh"
		}
		if found != want {
			t.Errorf("ParseIn(%q): runs ./h.sh %v, want %v (%v)", line, found, want, describeAll(r))
		}
	}
}
