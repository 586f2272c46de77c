package engine

import (
	"strings"
	"testing"
)

// TestManifestSources checks that each manifest reader returns the
// dependencies fetched from git or a URL and none of the registry's or
// the project's own.
func TestManifestSources(t *testing.T) {
	for _, tc := range []struct {
		path, content string
		want          int
	}{
		{"package.json", `{"dependencies":{"a":"github:x/a","b":"git+https://h/b.git","c":"https://h/c.tgz","d":"x/d#main","e":"^1.2.3"}}`, 4},
		{"package.json", `{"overrides":{"lodash":{"x":"https://h/l.tgz"}},"pnpm":{"overrides":{"y":"gitlab:x/y"}}}`, 2},
		{"package.json", `{"repository":{"url":"git+https://github.com/acme/web.git"},"dependencies":{"a":"workspace:*","b":"file:../b","c":"npm:@preact/compat@^18","d":"1.x || 2.x","e":"latest","f":"@scope/pkg"}}`, 0},
		{"Cargo.toml", "[dependencies]\nx = { git = \"https://h/x\" }\n[patch.crates-io]\ny = {git=\"https://h/y\"}\n[dev-dependencies.z]\ngit = \"https://h/z\"\n", 3},
		{"Cargo.toml", "[package]\nrepository = \"https://github.com/acme/app\"\n[dependencies]\ncore = { path = \"../core\" }\n", 0},
		{"requirements-dev.txt", "pytest==8\ngit+https://h/m@main#egg=m\n-e git+https://h/n\nhttps://h/s.tar.gz\nd @ https://h/d.whl\n", 4},
		{"requirements/base.txt", "--index-url https://pypi.org/simple\n-e .\n-r other.txt\nflask>=3 # see https://flask.palletsprojects.com\n", 0},
		{"pyproject.toml", "[project]\ndependencies = [\"a @ https://h/a.tar.gz\", \"b>=1\"]\n[tool.uv.sources]\nc = { git = \"https://h/c\" }\n", 2},
		{"pyproject.toml", "[project]\nauthors = [{email = \"dev@acme.io\"}]\ndependencies = [\"httpx>=0.27\"]\n[project.urls]\nHomepage = \"https://acme.io\"\n", 0},
		{"Gemfile", "gem 'a', git: 'https://h/a'\ngem 'b', github: 'x/b'\ngem 'c', :git => 'https://h/c'\ngem 'd', path: '../d'\ngem 'rails'\n", 3},
		{"go.mod", "module m\nreplace a => b v1.0.0\nreplace (\n\tc => ../c\n\td v1 => e v2\n)\n", 2},
		{".gitmodules", "[submodule \"a\"]\n\tpath = a\n\turl = https://h/a.git\n[submodule \"b\"]\n\turl = ../b.git\n", 1},
		{"composer.json", `{"repositories":[{"type":"vcs","url":"https://h/x"},{"type":"path","url":"../pkg"},{"type":"composer","url":"https://repo.packagist.org"}]}`, 1},
	} {
		f := formatOf(tc.path)
		if f == nil || f.opaque == nil {
			t.Errorf("%s: no manifest reader", tc.path)
			continue
		}
		if got := f.opaque(tc.content); len(got) != tc.want {
			t.Errorf("%s %q: %d sources %q, want %d", tc.path, tc.content, len(got), strings.Join(got, " | "), tc.want)
		}
	}
}
