package shell

import "testing"

// TestHalts checks which commands end the script when they fail: those
// run unconditionally after set -e, and those followed by || exit; never
// a tested, negated, piped, background, branch, loop or subshell command,
// nor one after set +e.
func TestHalts(t *testing.T) {
	for _, tc := range []struct {
		line string
		name string // the first command of that name is checked
		want bool
	}{
		{"set -e\ncd build\nrm -rf ./*", "cd", true},
		{"set -euo pipefail\ncd build", "cd", true},
		{"set -Eeu\ncd build", "cd", true},
		{"set -o errexit\ncd build", "cd", true},
		{"cd build || exit 1\nrm -rf ./*", "cd", true},
		{"cd build || return", "cd", false},
		{"f() { :; }\nset -e\ncd build", "cd", true},
		{"exit() { :; }\ncd build || exit 1", "cd", false},
		{"alias exit=true\ncd build || exit 1", "cd", false},
		{"set() { :; }\nset -e\ncd build", "cd", false},
		{"set -e\nshopt -uo errexit\ncd build", "cd", false},
		{"set -e\nshopt -u -o errexit\ncd build", "cd", false},
		{"shopt -s -o errexit\ncd build", "cd", true},
		{"set -e\nshopt -s cdable_vars\ncd build", "cd", true},
		{"set -e\nset -o errexit +o errexit\ncd build", "cd", false},
		{"cd build || { echo no; exit 1; }", "cd", true},
		{"cd build && make || exit 1", "cd", true},
		{"cd build\nrm -rf ./*", "cd", false},
		{"cd build; set -e", "cd", false},
		{"set -e\nset +e\ncd build", "cd", false},
		{"set -e\nset +o errexit\ncd build", "cd", false},
		{"set -e\ncd build || true", "cd", false},
		{"set -e\n[ -d b ] && cd b", "cd", false},
		{"set -e\nif cd build; then make; fi", "cd", false},
		{"set -e\nif true; then cd build; fi", "cd", false},
		{"set -e\nwhile cd build; do make; done", "cd", false},
		{"set -e\nfor d in a b; do cd $d; done", "cd", false},
		{"set -e\n! cd build", "cd", false},
		{"set -e\ncd build &", "cd", false},
		{"set -e\ncd build | cat", "cd", false},
		{"set -e\n(cd build)", "cd", false},
		{"(set -e; cd a); cd build", "cd", false},
		{"set -e\nbash -c 'cd build'", "cd", false},
		{"cd a || cd b || exit 1", "cd", false},
		{"{ cd a; cd b; } || exit 1", "cd", false},
		{"set -- -e\ncd build", "cd", false},
	} {
		res := Parse(tc.line)
		found := false
		for _, c := range res.Commands {
			if c.Name == tc.name {
				found = true
				if c.Halts != tc.want {
					t.Errorf("%q: %s Halts = %v, want %v", tc.line, tc.name, c.Halts, tc.want)
				}
				break
			}
		}
		if !found {
			t.Errorf("%q: no %s command", tc.line, tc.name)
		}
	}
}

// TestShellOption checks set's option words for one option.
func TestShellOption(t *testing.T) {
	for _, tc := range []struct {
		args []string
		was  bool
		want bool
	}{
		{[]string{"-e"}, false, true},
		{[]string{"-euo", "pipefail"}, false, true},
		{[]string{"-o", "errexit"}, false, true},
		{[]string{"+e"}, true, false},
		{[]string{"+o", "errexit"}, true, false},
		{[]string{"-x"}, true, true},
		{[]string{"--", "-e"}, false, false},
		{[]string{"-o", "pipefail"}, false, false},
		{[]string{"-o", "errexit", "+o", "errexit"}, false, false},
		{[]string{"-o", "pipefail", "-e"}, false, true},
	} {
		if got := ShellOption(tc.args, 'e', "errexit", tc.was); got != tc.want {
			t.Errorf("ShellOption(%q, was %v) = %v, want %v", tc.args, tc.was, got, tc.want)
		}
	}
}

// TestDebugTrap checks the traps that run before every command.
func TestDebugTrap(t *testing.T) {
	for line, want := range map[string]bool{
		"trap 'cd ..' DEBUG; cd build":       true,
		"trap 'x' debug":                     true,
		"trap -- 'x' SIGRETURN":              true,
		"trap 'rm -rf \"$t\"' EXIT INT TERM": false,
		"cd build":                           false,
		"trap 'cd ~' ERR; cd build":          true,
		"trap 'cd ~' USR1; kill -USR1 $$":    true,
		"trap 'cd ~' USR1; cd build":         false,
	} {
		res := Parse(line)
		if got := DebugTrap(&res); got != want {
			t.Errorf("%q: DebugTrap = %v, want %v", line, got, want)
		}
	}
}
