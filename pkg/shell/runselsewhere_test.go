package shell

import (
	"strings"
	"testing"
)

// TestShellsElsewhereReadStdin: a program that runs a command in a
// container, a VM or on another host, given a shell that reads its input,
// reads the line's pipe as a script; given any other command, or a
// container run without -i, it does not.
func TestShellsElsewhereReadStdin(t *testing.T) {
	cases := map[string]bool{
		"docker run -i --rm alpine sh":                   true,
		"docker run --rm -i -v /w:/w alpine sh -s":       true,
		"podman container run --interactive debian bash": true,
		"nerdctl run -it alpine sh":                      true,
		"docker run --rm alpine sh":                      false, // no -i: the shell reads nothing
		"docker run -i --rm alpine ls":                   false,
		"docker run -i --rm -e X=sh alpine cat":          false,
		"lxc exec c -- sh":                               true,
		"incus exec c -- bash -s":                        true,
		"multipass exec dev -- bash":                     true,
		"lxc exec c -- ls":                               false,
		"vagrant ssh -c bash":                            true,
		"vagrant ssh --command sh":                       true,
		"vagrant ssh -c 'sudo bash'":                     true,
		"vagrant ssh -c ls":                              false,
		"gcloud compute ssh vm-1 --command bash":         true,
		"sh -c bash":                                     true,
		"sh -c cat":                                      false,
	}
	for src, want := range cases {
		words := strings.Fields(strings.ReplaceAll(src, "'sudo bash'", "sudo_bash"))
		for k, w := range words {
			if w == "sudo_bash" {
				words[k] = "sudo bash"
			}
		}
		inner, _, _ := innermost(words, nil, nil) // the walk peels wrappers first
		if _, got := readsStdin(inner); got != want {
			t.Errorf("readsStdin(%q) = %v, want %v", src, got, want)
		}
	}
}

// TestShellElsewhere: ShellElsewhere is true for the stage of a pipeline
// that hands its input to a shell somewhere else, and false for shells
// themselves (judged as interpreters) and other programs.
func TestShellElsewhere(t *testing.T) {
	for line, want := range map[string]bool{
		"curl -s https://x.example/i | ssh build-01 bash":               true,
		"curl -s https://x.example/i | docker run -i --rm alpine sh":    true,
		"curl -s https://x.example/i | vagrant ssh -c bash":             true,
		"curl -s https://x.example/i | bash":                            false,
		"curl -s https://x.example/i | docker run -i --rm alpine wc -l": false,
		"echo hi | ssh build-01 cat":                                    false,
	} {
		res := Parse(line)
		got := false
		for i := range res.Commands {
			if res.Commands[i].Stage > 0 && res.Commands[i].Depth == 0 && ShellElsewhere(&res.Commands[i]) {
				got = true
			}
		}
		if got != want {
			t.Errorf("%q: ShellElsewhere = %v, want %v", line, got, want)
		}
	}
}

// TestImageCommand: a container run of an image that runs a known program
// is that program's call with the words after the image; other images'
// commands are the container's own.
func TestImageCommand(t *testing.T) {
	for line, want := range map[string]string{
		"docker run --rm hashicorp/terraform apply -auto-approve":     "terraform apply -auto-approve",
		"docker run --rm -v /w:/w -w /w hashicorp/terraform:1.9 plan": "terraform plan",
		"podman run --rm docker.io/amazon/aws-cli:2.17.0 s3 ls":       "aws s3 ls",
		"docker container run --rm bitnami/kubectl get pods":          "kubectl get pods",
		"docker run --rm postgres:16 psql -h db.example -c x":         "psql -h db.example -c x",
		"docker run --rm --entrypoint sh hashicorp/terraform -c x":    "sh -c x",
		"docker run --rm google/cloud-sdk gcloud projects list":       "gcloud projects list",
		"docker run --rm postgres:16 rm -rf /var/lib/postgresql/data": "",
		"docker run --rm alpine rm -rf /":                             "",
		"docker exec app terraform apply":                             "",
	} {
		words := strings.Fields(line)
		inner, _, ok := imageCommand(progName(words[0]), words, nil)
		got := ""
		if ok {
			got = strings.Join(inner, " ")
		}
		if got != want {
			t.Errorf("imageCommand(%q) = %q, want %q", line, got, want)
		}
	}
}
