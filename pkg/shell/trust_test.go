package shell

import "testing"

// mise trust judges the config it trusts as run: the command strings the
// line wrote there, a file nobody here has read, every config at once.
func TestTrustConfig(t *testing.T) {
	at := Place{Dir: "/home/dev/project", Home: "/home/dev"}
	runs := func(src, prog string) bool {
		for _, c := range ParseIn(src, at).Commands {
			if c.Name == prog && c.Depth > 0 {
				return true
			}
		}
		return false
	}
	if !runs("printf '[hooks]\\nenter = \"touch /tmp/m\"\\n' > .mise.toml && mise trust", "touch") {
		t.Errorf("mise trust: the hook written to .mise.toml is not run")
	}
	if !runs("printf '[tasks.x]\\nrun = \"touch /tmp/m\"\\n' > cfg/mise.toml; rtx trust cfg", "touch") {
		t.Errorf("rtx trust DIR: the task written to DIR/mise.toml is not run")
	}
	unknown := func(src string) bool {
		for _, c := range ParseIn(src, at).Commands {
			if len(c.Unknown) > 0 {
				return true
			}
		}
		return false
	}
	for src, want := range map[string]bool{
		"mise trust ~/Downloads/tool/.mise.toml":   true,
		"mise trust /tmp/repo":                     true,
		"mise trust --all":                         true,
		"MISE_TRUSTED_CONFIG_PATHS=/ mise install": true,
		"mise settings set trusted_config_paths /": true,
		"mise trust":            false,
		"mise trust .mise.toml": false,
		"mise trust --untrust ~/Downloads/tool/.mise.toml": false,
		"mise install": false,
	} {
		if got := unknown(src); got != want {
			t.Errorf("%q: unknown code %v, want %v", src, got, want)
		}
	}
}
