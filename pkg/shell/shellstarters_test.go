package shell

import (
	"strings"
	"testing"
)

func TestShellStartersReadStdin(t *testing.T) {
	cases := map[string]bool{
		"machinectl shell": true, "machinectl shell dev@.host": true, "machinectl shell dev@.host /bin/ls": false,
		"machinectl list": false, "distrobox enter dev": true, "distrobox enter dev -- make": false,
		"distrobox enter dev -- bash": true, "toolbox enter": true, "toolbox run bash": true, "toolbox run make test": false,
		"bwrap --ro-bind / / bash": true, "bwrap --ro-bind / / --dev /dev ls": false, "wsl.exe": true,
		"wsl.exe -e bash": true, "wsl -d Ubuntu": true, "wsl ls -la": false,
	}
	for src, want := range cases {
		if _, got := readsStdin(strings.Fields(src)); got != want {
			t.Errorf("readsStdin(%q) = %v, want %v", src, got, want)
		}
	}
}
