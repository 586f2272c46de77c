package shell

import (
	"strings"
	"testing"
)

// TestBashTables: an element of BASH_ALIASES or BASH_CMDS assigned is
// reported as the alias or hash command it stands for, whatever the
// key's spelling; other arrays' elements are not.
func TestBashTables(t *testing.T) {
	for line, want := range map[string]string{
		"BASH_ALIASES[gs]='git status'":         "alias gs=git status",
		"BASH_ALIASES[rampart-hook]=true":       "alias rampart-hook=true",
		`BASH_ALIASES["rampart-shell"]=bash`:    "alias rampart-shell=bash",
		"n=rampart-hook; BASH_ALIASES[$n]=true": "alias rampart-hook=true",
		"BASH_CMDS[rampart]=/tmp/fake":          "hash -p /tmp/fake rampart",
		"BASH_CMDS[my.tool]=/opt/t":             "hash -p /opt/t my.tool",
		"BASH_ALIASES+=([rampart-hook]=true)":   "alias rampart-hook=true",
		"BASH_CMDS=([rampart-hook]=/bin/true)":  "hash -p /bin/true rampart-hook",
		"true && BASH_ALIASES[x-y]=z && make":   "alias x-y=z",
		"BASH_ALIASES[rampart\\-hook]=true":     "alias rampart-hook=true",
		"k=rampart; BASH_ALIASES[$k-hook]=true": "alias rampart-hook=true",
		"BASH_ALIASES[rampart-hook]+=true":      "alias rampart-hook=true",
		"declare -A m; m[rampart-hook]=1":       "",
		"m=([rampart-hook]=1)":                  "",
		"BASH_ALIASES[$(cat k)]=true":           "",
		"echo \"${BASH_ALIASES[ll]}\"":          "",
		// set by name through printf -v, read and mapfile
		"printf -v 'BASH_ALIASES[gs]' '%s' 'git status'":   "alias gs=git status",
		"printf -v BASH_ALIASES[rampart-hook] true":        "alias rampart-hook=true",
		"k=rampart-hook; printf -v \"BASH_ALIASES[$k]\" x": "alias rampart-hook=x",
		"read -r 'BASH_ALIASES[rampart-hook]' <<< true":    "alias rampart-hook=",
		"read BASH_CMDS[rampart] < /tmp/p":                 "hash -p  rampart",
		"IFS= read -r 'BASH_ALIASES[gd]' <<< 'git diff'":   "alias gd=",
		"declare -A m; printf -v 'm[rampart-hook]' x":      "",
		"read -r 'BASH_ALIASES[$(cat k)]' <<< true":        "",
	} {
		got := ""
		r := Parse(line)
		for _, c := range r.Commands {
			if c.Name == "alias" || c.Name == "hash" {
				got = c.Name + " " + strings.Join(c.Args, " ")
			}
		}
		if got != want {
			t.Errorf("%s: got %q, want %q", line, got, want)
		}
	}
}
