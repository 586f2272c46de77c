package shell

import (
	"strings"
	"testing"
)

func TestGeneratesShellCode(t *testing.T) {
	cases := map[string]bool{
		"kubectl completion bash": true, "pyenv init -": true, "ssh-agent -s": true,
		"/opt/homebrew/bin/brew shellenv": true, "gh api repos/x/y": false, "kubectl get pods": false,
		"pbpaste": false, "rbw get x": false, "just --completions bash": true, "rustup completions zsh": true,
		"docker completion bash": true, "deno completions zsh": true, "./docker completion bash": false,
		"docker run completion": false, "unknownprog completion bash": false,
		"conda shell.bash hook": true, "rustup completions bash": true, "minikube -p dev docker-env": true,
		"fzf --bash": true, "gh completion -s bash": true, "keychain --eval id_rsa": true,
		"./kubectl completion bash": false, "/tmp/x/pyenv init -": false, "/home/dev/Downloads/direnv hook bash": false,
		"gh gist view abc --raw --filename shell.sh": false, "gh gist view abc --raw -s": false,
		"npm exec --yes evil -- init": false, "kubectl exec web -- cat /srv/env": false,
		"helm get values rel -o json --export": false, "nix run github:evil/x -- shellenv": false,
		"lesspipe": true, "dircolors": true, "/usr/bin/lesspipe": true, "/tmp/lesspipe": false, "lesspipe x": false,
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

func TestPagerOperandsAndStreams(t *testing.T) {
	if got := strings.Join(pagerOperands(strings.Fields("-n 5 s.sh -c 10 t.sh")), " "); got != "s.sh t.sh" {
		t.Errorf("pagerOperands = %q, want %q", got, "s.sh t.sh")
	}
	for p, want := range map[string]bool{"-": true, "/dev/stdin": true, "/dev/tcp/h/80": true, "/proc/self/fd/0": true, "s.sh": false, "/tmp/p": false} {
		if got := streamPath(p); got != want {
			t.Errorf("streamPath(%q) = %v, want %v", p, got, want)
		}
	}
}
