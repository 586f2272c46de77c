package shell

import (
	"strings"
	"testing"
)

// TestAssignedLists reads a list or a Lua table a name was assigned (after
// a blank, the usual spelling) as the spawn's arguments, a Lua table's
// args field set later included; a list the code changes later stays
// computed.
func TestAssignedLists(t *testing.T) {
	for src, want := range map[string]string{
		`lua -e 'local uv = require("luv"); local o = {args = {"-rf", "dist"}}; uv.spawn("rm", o, print)'`:            "rm -rf dist",
		`lua -e 'local uv = require("luv"); local a = {"-rf", "dist"}; uv.spawn("rm", {args = a}, print)'`:            "rm -rf dist",
		`lua -e 'local uv = require("luv"); local o = {}; o.args = {"-rf", "dist"}; uv.spawn("rm", o, print)'`:        "rm -rf dist",
		"python3 -c \"import subprocess\nargv = ['git', 'status']\nsubprocess.run(argv)\"":                            "git status",
		`lua -e 'local uv = require("luv"); local a = {"push"}; table.insert(a, "-f"); uv.spawn("git", {args = a})'`:  "",
		"python3 -c \"import subprocess, sys\nargv = ['rm', '-rf']\nargv.append(sys.argv[1])\nsubprocess.run(argv)\"": "",
	} {
		var got []string
		opaque := false
		for _, c := range Parse(src).Commands {
			if c.Name == "rm" || c.Name == "git" {
				got = append(got, strings.TrimSpace(c.Name+" "+strings.Join(c.Args, " ")))
			}
			opaque = opaque || len(c.Code.Opaque) > 0
		}
		switch {
		case want == "" && !opaque:
			t.Errorf("Parse(%q): %q, nothing computed; want the spawn's arguments computed", src, got)
		case want != "" && (opaque || len(got) != 1 || got[0] != want):
			t.Errorf("Parse(%q): %q, computed %v; want %q", src, got, opaque, want)
		}
	}
}
