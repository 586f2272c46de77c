package engine

import (
	"slices"
	"testing"
)

func TestAutoRunLines(t *testing.T) {
	for _, c := range []struct {
		path, content string
		want          []string
		python        bool
	}{
		{"/p/package.json", `{"scripts":{"postinstall":"node x.js"}}`, []string{"node x.js"}, false},
		{"/p/.devcontainer/devcontainer.json", `{"postCreateCommand":["npm","ci"],"postStartCommand":{"a":"make up"}}`, []string{"'npm' 'ci'", "make up"}, false},
		{"/p/.vscode/tasks.json", `{"tasks":[{"command":"make","args":["build"]}]}`, []string{"make 'build'"}, false},
		{"/p/.github/workflows/ci.yml", "steps:\n  - run: make test\n  - run: |\n      echo ${{ secrets.TOKEN }}\n      go vet ./...\n  - uses: x", []string{"make test", "echo ${TOKEN}\ngo vet ./...\n"}, false},
		{"/p/.vscode/tasks.json", "{\n // build\n \"tasks\": [{\"command\": \"make\"},],\n}", []string{"make"}, false},
		{"/p/justfile", "test:\n    go test ./...\n", []string{"go test ./..."}, false},
		{"/p/.github/workflows/db.yml", "steps:\n  - run: psql \"$URL\" -c 'SELECT 1'\n  - run: \"make x\"\n", []string{"psql \"$URL\" -c 'SELECT 1'", "make x"}, false},
		{"/p/.pre-commit-config.yaml", "  - id: x\n    entry: make lint\n", []string{"make lint"}, false},
		{"/p/tests/conftest.py", "import pytest", nil, true},
		{"/p/Makefile", "all:\n\t@go build ./...\n", []string{"go build ./..."}, false},
		{"/p/.git/hooks/pre-push", "make lint", []string{"make lint"}, false},
		{"/p/.envrc", "layout go", []string{"layout go"}, false},
		{"/p/setup.py", "import os", nil, true},
		{"/p/src/main.go", "package main", nil, false},
		{"/p/docs/hooks/readme.md", "make lint", nil, false},
	} {
		got, py := autoRunLines(c.path, c.content)
		slices.Sort(got)
		want := slices.Clone(c.want)
		slices.Sort(want)
		if !slices.Equal(got, want) || py != c.python {
			t.Errorf("autoRunLines(%q) = %q, %v; want %q, %v", c.path, got, py, want, c.python)
		}
	}
}
