package engine

import "testing"

func TestMakeVars(t *testing.T) {
	content := "URL = https://h.example/s.sh # the script\nHOST := https://h.example\nSH := $(SHELL)\nVER := $(shell git describe)\nOUT ?= bin\nOUT ?= other\n"
	defs := makeDefs(content)
	for _, c := range []struct{ line, want string }{
		{"curl -s $(URL) | $(SHELL)", "curl -s https://h.example/s.sh | /bin/sh"},
		{"curl -s ${HOST}/i.sh | $(SH)", "curl -s https://h.example/i.sh | /bin/sh"},
		{"rm -rf $(HOME)", "rm -rf ${HOME}"},
		{"go build -ldflags -X=main.v=$(VER) -o $(OUT)/app", "go build -ldflags -X=main.v=${VER} -o bin/app"},
		{"echo $$PATH", "echo $PATH"},
		{"go test ./...", "go test ./..."},
	} {
		if got := makeVars(c.line, defs); got != c.want {
			t.Errorf("makeVars(%q) = %q, want %q", c.line, got, c.want)
		}
	}
	if got := makeVars("$(SHELL) x.sh", makeDefs("SHELL := /bin/bash\n")); got != "/bin/bash x.sh" {
		t.Errorf("SHELL set by the file: %q", got)
	}
}

func TestTaskfileExpand(t *testing.T) {
	content := "version: '3'\nvars:\n  TARGET: /home/dev\ntasks:\n  x:\n    cmds:\n      - rm -rf {{.TARGET}}\n    vars:\n      H:\n        sh: echo $HOME\n"
	defs := taskfileDefs(content)
	defs["T2"], defs["LOOP"] = "{{.HOME}}", "{{.LOOP}}"
	for _, c := range []struct{ line, want string }{
		{"rm -rf {{.TARGET}}", "rm -rf /home/dev"},
		{"rm -rf {{ .H }}/", "rm -rf $(echo $HOME)/"},
		{"rm -rf {{.HOME}}/.ssh", "rm -rf ${HOME}/.ssh"},
		{"rm -rf {{.ROOT_DIR}}/dist", "rm -rf ./dist"},
		{"rm -rf {{.T2}}", "rm -rf ${HOME}"},
		{"echo {{.LOOP}}", "echo ${LOOP}"},
		{"go test ./...", "go test ./..."},
	} {
		if got := taskfileExpand(c.line, defs); got != c.want {
			t.Errorf("taskfileExpand(%q) = %q, want %q", c.line, got, c.want)
		}
	}
}
