package shell

import (
	"strings"
	"testing"
)

func TestGeneratesShellCode(t *testing.T) {
	cases := map[string]bool{
		"kubectl completion bash": true, "pyenv init -": true, "ssh-agent -s": true,
		"/opt/homebrew/bin/brew shellenv": true, "gh api repos/x/y": false, "kubectl get pods": false,
		"pbpaste": false, "rbw get x": false,
	}
	for src, want := range cases {
		if got := GeneratesShellCode(strings.Fields(src)); got != want {
			t.Errorf("GeneratesShellCode(%q) = %v, want %v", src, got, want)
		}
	}
}

// A process substitution a shell runs as its script holds what its
// commands print: unknown unless it is known text, a generator's set-up
// code, or a copy of files (which are run as such).
func TestProcSubstScript(t *testing.T) {
	unknown := []string{
		"bash <(pbpaste)",
		"source <(./gen)",
		"bash <(echo ls; pbpaste)",
		"pbpaste > /tmp/s.sh; bash <(cat /tmp/s.sh)",
		"python3 <(xclip -o)",
	}
	known := []string{
		"source <(kubectl completion bash)",
		"bash <(echo ls)",
		"bash <(cat scripts/setup.sh)",
		"diff <(sort a) <(sort b)",
	}
	checkUnknown(t, unknown, known, "not known")
	// text the line wrote, copied into the substitution, is run
	r := Parse("echo 'rm -rf /tmp/x' > a.sh; bash <(cat a.sh)")
	found := false
	for _, c := range r.Commands {
		found = found || c.Name == "rm" && c.Depth > 0
	}
	if !found {
		t.Errorf("bash <(cat a.sh) did not run what the line wrote to a.sh: %+v", r.Commands)
	}
}
