package setup

import "testing"

func TestIsOurs(t *testing.T) {
	for cmd, want := range map[string]bool{
		"/usr/local/bin/rampart-hook --format claude-code": true,
		"rampart-hook": true,
		"'/opt/new place/rampart-hook' --mode monitor":               true,
		`"C:\Program Files\rampart\rampart-hook.exe" --format codex`: true,
		"  /x/rampart-hook": true,
		"/usr/local/bin/rampart-hook-fast --format codex": true,
		"/usr/bin/rampart-hookish":                        false,
		"npx prettier --write rampart-hook":               false,
		"echo rampart-hook":                               false,
		"'unterminated":                                   false,
		"":                                                false,
	} {
		if got := IsOurs(cmd); got != want {
			t.Errorf("IsOurs(%q) = %v, want %v", cmd, got, want)
		}
	}
}

func TestCommand(t *testing.T) {
	for _, tc := range []struct {
		hook string
		args []string
		want string
	}{
		{"/usr/local/bin/rampart-hook", []string{"--format", "claude-code"}, "/usr/local/bin/rampart-hook --format claude-code"},
		{"/opt/my tools/rampart-hook", []string{"--config", "/p/it's.yaml"}, `'/opt/my tools/rampart-hook' --config '/p/it'\''s.yaml'`},
	} {
		got := Command(tc.hook, tc.args)
		if got != tc.want {
			t.Errorf("Command(%q, %q) = %s, want %s", tc.hook, tc.args, got, tc.want)
		}
		if !IsOurs(got) {
			t.Errorf("IsOurs(Command(%q)) = false", tc.hook)
		}
	}
}
