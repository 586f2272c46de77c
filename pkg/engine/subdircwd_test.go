package engine

import (
	"testing"

	"rampart.dev/pkg/call"
)

// TestSubdirMovesHalting checks that "everything here" deleted after a cd
// into a subdirectory is that subdirectory's content when the cd ends the
// script if it fails (set -e, || exit), and the project's otherwise (or
// when a function, an alias or a DEBUG trap stands in for the move).
func TestSubdirMovesHalting(t *testing.T) {
	e := standard(t)
	for _, tc := range []struct {
		line string
		want call.Action
	}{
		{"cd build && rm -rf ./*", call.Allow},
		{"set -e\ncd build\nrm -rf ./*", call.Allow},
		{"set -euo pipefail; cd build; rm -rf ./*; cmake ..", call.Allow},
		{"cd /tmp/scratch-42 || exit 1\nrm -rf ./*", call.Allow},
		{"cd build || { echo no; exit 1; }; rm -rf ./*", call.Allow},
		{"cd build\nrm -rf ./*", call.RequireApproval},
		{"cd build; rm -rf ./*", call.RequireApproval},
		{"cd build || true\nrm -rf ./*", call.RequireApproval},
		{"set -e\nif [ -d build ]; then cd build; fi\nrm -rf ./*", call.RequireApproval},
		{"set -e\n[ -d build ] && cd build\nrm -rf ./*", call.RequireApproval},
		{"set -e\nset +e\ncd build\nrm -rf ./*", call.RequireApproval},
		{"set -e\ncd build\ncd ..\nrm -rf ./*", call.RequireApproval},
		// a cd that is not the builtin, or a trap that moves before each command
		{"set -e\ncd() { :; }\ncd build\nrm -rf ./*", call.RequireApproval},
		{"set -e\nshopt -s expand_aliases\nalias cd=true\ncd build\nrm -rf ./*", call.RequireApproval},
		{"enable -n cd; cd build && rm -rf ./*", call.RequireApproval},
		{"shopt -s cdable_vars; h=/home/dev; cd build && cd h && rm -rf ./*", call.RequireApproval},
		{"trap 'cd ~' USR1; cd build && kill -USR1 $$ && rm -rf ./*", call.RequireApproval},
		{"exit() { :; }; cd build || exit 1; rm -rf ./*", call.RequireApproval},
		{"cd build || return; rm -rf ./*", call.RequireApproval},
		{"set -e\ncd build\ntrap 'cd ..' DEBUG\nrm -rf ./*", call.RequireApproval},
		{"cd build && trap 'cd ..' DEBUG && rm -rf ./*", call.RequireApproval},
		// the shell's own cd through builtin or command, unless a function
		// of that name stands in for it
		{"builtin cd build && rm -rf ./*", call.Allow},
		{"command cd build && rm -rf ./*", call.Allow},
		{"builtin() { :; }; builtin cd build && rm -rf ./*", call.RequireApproval},
		{"command() { :; }; command cd build && rm -rf ./*", call.RequireApproval},
		{"CDPATH=~ builtin cd Documents && rm -rf ./*", call.RequireApproval},
		// the shell's own cd reached through an if, eval's static string
		// and a function the line defined, which all run in this shell
		{"if cd build; then rm -rf ./*; fi", call.Allow},
		{"if ! cd build; then exit 1; fi; rm -rf ./*", call.Allow},
		{"if ! cd build; then echo no; fi; rm -rf ./*", call.RequireApproval},
		{"if cd src; then rm -rf ./*; fi", call.RequireApproval},
		{"if cd ~; then rm -rf ./*; fi", call.Deny},
		{"eval 'cd build' && rm -rf ./*", call.Allow},
		{"eval 'cd build'; rm -rf ./*", call.RequireApproval},
		{"eval 'cd build || true' && rm -rf ./*", call.RequireApproval},
		{"eval 'cd ~' && rm -rf ./*", call.Deny},
		{"cdb() { cd build; }; cdb && rm -rf ./*", call.Allow},
		{"cdb() { cd build; }; cdb; rm -rf ./*", call.RequireApproval},
		{"cdb() { cd build; cd ..; }; cdb && rm -rf ./*", call.RequireApproval},
		{"cdh() { cd ~; }; cdh && rm -rf ./*", call.Deny},
	} {
		if d := e.Evaluate(mkCall("exec", tc.line)); d.Decision != tc.want {
			t.Errorf("Evaluate(%q) = %v (%s), want %v", tc.line, d.Decision, d.Message, tc.want)
		}
	}
}
