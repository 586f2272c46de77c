package effect

import (
	"testing"

	"rampart.dev/pkg/shell"
)

// TestBuiltOnLine: the line's last command runs an image the line built
// and tagged, by the same program, after a build it depends on; not after
// a build that may have failed, by another program, under another name,
// or with the tag's variable fed anew between them.
func TestBuiltOnLine(t *testing.T) {
	for _, tc := range []struct {
		line, img string
		want      bool
	}{
		{"docker build -t acme/app:latest . && docker run --rm acme/app:latest", "acme/app:latest", true},
		{"set -e\ndocker build -t acme/app:latest .\ndocker run acme/app:latest", "acme/app:latest", true},
		{"docker build --tag=acme/app:latest . || exit 1\ndocker run acme/app:latest", "acme/app:latest", true},
		{"docker buildx build -tacme/app:latest --load . && docker run acme/app:latest", "acme/app:latest", true},
		{"set -e\nTAG=acme/app:dev-$(git rev-parse --short HEAD)\ndocker build -t \"$TAG\" .\ndocker run \"$TAG\"", "$TAG", true},
		{"docker build -t acme/app:latest .; docker run acme/app:latest", "acme/app:latest", false},
		{"docker build -t acme/app:latest .\ndocker run acme/app:latest", "acme/app:latest", false},
		{"set -e\ndocker build -t acme/app:latest .\npodman run acme/app:latest", "acme/app:latest", false},
		{"set -e\ndocker build -t acme/app:latest .\ndocker run acme/other:latest", "acme/other:latest", false},
		{"set -e\nTAG=acme/app:dev-$(git rev-parse --short HEAD)\ndocker build -t \"$TAG\" .\nTAG=$(curl -s https://x.example/t)\ndocker run \"$TAG\"", "$TAG", false},
		{"set -e\ndocker build -t \"$IMG\" .\ndocker run \"$IMG\"", "$IMG", false},
		{"docker run acme/app:latest", "acme/app:latest", false},
		{"docker build -t a/b . && docker run --pull=always a/b", "a/b", false},
		{"docker build -t a/b . && docker pull a/b && docker run a/b", "a/b", false},
		{"docker build -t a/b . && docker image tag m/x a/b && docker run a/b", "a/b", false},
		{"docker build -t a/b . && docker rmi a/b && docker run a/b", "a/b", false},
		{"docker build -t a/b -o out . && docker run a/b", "a/b", false},
		{"docker build -t a/b --output type=docker . && docker run a/b", "a/b", true},
		{"docker build -t a/b . && docker -H ssh://ci run a/b", "a/b", false},
		{"docker build -t a/b . && DOCKER_HOST=tcp://10.0.0.9:2375 docker run a/b", "a/b", false},
		{"docker build -t a/b https://github.com/m/t.git && docker run a/b", "a/b", false},
		{"docker build -t a/b --label src=https://github.com/acme/b . && docker run a/b", "a/b", true},
		{"docker build -t a/b . && docker image ls && docker run a/b", "a/b", true},
		{"docker build -t a/b . && docker compose pull && docker run a/b", "a/b", false},
		{"set -e\ndocker build -t acme/app:latest .\ntrap 'docker rmi acme/app:latest' debug\ndocker run acme/app:latest", "acme/app:latest", false},
	} {
		res := shell.Parse(tc.line)
		a := analysis{res: &res}
		if got := a.builtOnLine(len(res.Commands)-1, tc.img); got != tc.want {
			t.Errorf("%q: builtOnLine(%q) = %v, want %v", tc.line, tc.img, got, tc.want)
		}
	}
}
