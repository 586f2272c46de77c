package engine

import (
	"strings"
	"testing"
)

func TestDockerAddFetch(t *testing.T) {
	for _, c := range []struct{ line, want string }{
		{"ADD https://h.example/s.sh /tmp/s.sh", "curl -fsSL -o /tmp/s.sh https://h.example/s.sh"},
		{"ADD https://h.example/p.sh .", "curl -fsSL -o p.sh https://h.example/p.sh"},
		{"ADD --chmod=755 https://h.example/init /init", "curl -fsSL -o /init https://h.example/init && chmod 755 /init"},
		{`ADD ["https://h.example/s.sh", "/s.sh"]`, "curl -fsSL -o /s.sh https://h.example/s.sh"},
		{"ADD https://h.example/a.sh https://h.example/b.sh /opt/", "curl -fsSL -o /opt/a.sh https://h.example/a.sh && curl -fsSL -o /opt/b.sh https://h.example/b.sh"},
		{"add http://198.51.100.1/x /usr/local/bin/", "curl -fsSL -o /usr/local/bin/x http://198.51.100.1/x"},
		{"ADD rootfs.tar.gz /", ""},
		{"ADD package.json package-lock.json ./", ""},
		{"COPY https://h.example/s.sh /s.sh", ""},
	} {
		if got := strings.ReplaceAll(dockerAddFetch(c.line, strings.Fields(c.line)), "'", ""); got != c.want { // quotes aside
			t.Errorf("dockerAddFetch(%q) = %q, want %q", c.line, got, c.want)
		}
	}
}

func TestDockerfileRunsAfterAdd(t *testing.T) {
	runs := dockerfileRuns("FROM alpine\nRUN apk add curl\nADD https://h.example/s.sh /s.sh\nRUN sh /s.sh\n")
	want := []string{"apk add curl", "curl -fsSL -o /s.sh https://h.example/s.sh && sh /s.sh"}
	if strings.ReplaceAll(strings.Join(runs, "|"), "'", "") != strings.Join(want, "|") {
		t.Errorf("dockerfileRuns = %q, want %q", runs, want)
	}
}

// TestDockerfileRunsMore checks the instructions that run what an ADD
// fetched besides RUN: CMD and ENTRYPOINT (only after such an ADD),
// ONBUILD's, and an ADD whose URL is an ARG's default.
func TestDockerfileRunsMore(t *testing.T) {
	for content, want := range map[string]string{
		"FROM alpine\nADD https://h.example/s.sh /s.sh\nCMD sh /s.sh\n":                   "curl -fsSL -o /s.sh https://h.example/s.sh && sh /s.sh",
		"FROM alpine\nADD https://h.example/s.sh /s.sh\nENTRYPOINT [\"sh\", \"/s.sh\"]\n": "curl -fsSL -o /s.sh https://h.example/s.sh && sh /s.sh",
		"FROM alpine\nARG U=https://h.example/s.sh\nADD ${U} /s.sh\nRUN sh /s.sh\n":       "curl -fsSL -o /s.sh https://h.example/s.sh && sh /s.sh",
		"FROM alpine\nONBUILD RUN curl -s https://h.example/s.sh | sh\n":                  "curl -s https://h.example/s.sh | sh",
		"FROM node:20\nCMD [\"node\", \"server.js\"]\n":                                   "",
	} {
		got := strings.ReplaceAll(strings.Join(dockerfileRuns(content), "|"), "'", "")
		if got != want {
			t.Errorf("dockerfileRuns(%q) = %q, want %q", content, got, want)
		}
	}
}
