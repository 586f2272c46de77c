package engine

import (
	"path"
	"sort"
	"strings"

	"rampart.dev/pkg/internal/table"
)

// A tool that runs a command runs it where its arguments say and with the
// variables they give it: {"cwd": "/home/dev", "command": "rm -rf .ssh"}
// deletes the home's .ssh, and {"command": "cat $K", "env": {"K":
// "/home/dev/.kube/config"}} reads the cluster's credentials. The command
// is judged as the line that first goes there and sets them. A command run
// in a container or on another host keeps its own directory and variables
// (their names would say a place on this machine that it is not). A
// notebook's cells run in the notebook's own directory (a Jupyter kernel
// starts there): {"notebook": "notebooks/train.ipynb", "code": "!rm -rf
// ../outputs"} deletes the project's outputs, not a directory of the home.

// mcpDirKeys are the argument keys that name the directory a command runs
// in, lower-cased with "_" and "-" taken out.
var mcpDirKeys = table.Map[string, bool]{Words: `cwd workdir workingdir workingdirectory
	currentdirectory rundir execdir`}

// mcpEnvKeys are the argument keys whose object gives the command's
// variables.
var mcpEnvKeys = table.Map[string, bool]{Words: "env environment envvars environmentvariables"}

// mcpElsewhereKeys are argument keys that say the command runs somewhere
// other than this machine's shell: a container, a pod, a remote host.
var mcpElsewhereKeys = table.Map[string, bool]{Words: `container containerid containername image
	pod podname host hostname remote
	server instance instanceid target node`}

// mcpNotebookKeys are the argument keys that may name the notebook whose
// kernel runs the code (a value ending in .ipynb).
var mcpNotebookKeys = table.Map[string, bool]{Words: "notebook notebookpath nbpath path file filepath filename"}

// commandSetting returns the prefix that goes to the directory a call's
// arguments name and sets the variables they give, for the commands the
// call runs ("" when they name neither, or the command runs elsewhere).
func commandSetting(args map[string]any) string {
	if len(args) == 0 {
		return ""
	}
	dir, notebookDir := "", ""
	var env map[string]any
	for k, v := range args {
		n := normKey(k)
		switch {
		case mcpElsewhereKeys.Get(n):
			return ""
		case mcpDirKeys.Get(n):
			if s, ok := v.(string); ok && s != "" {
				dir = s
			}
		case mcpEnvKeys.Get(n):
			env, _ = v.(map[string]any)
		case mcpNotebookKeys.Get(n):
			if s, ok := v.(string); ok && strings.HasSuffix(strings.ToLower(s), ".ipynb") {
				notebookDir = path.Dir(s)
			}
		}
	}
	if dir == "" && notebookDir != "." {
		dir = notebookDir
	}
	var b strings.Builder
	if dir != "" {
		b.WriteString("cd " + shellQuote(dir) + " && ")
	}
	if len(env) > 0 {
		keys := make([]string, 0, len(env))
		for k, v := range env {
			if _, ok := v.(string); ok && identWord(k) {
				keys = append(keys, k)
			}
		}
		sort.Strings(keys)
		if len(keys) > 0 {
			pairs := make([]string, len(keys))
			for i, k := range keys {
				pairs[i] = k + "=" + env[k].(string)
			}
			b.WriteString("export " + quoteArgv(pairs) + "; ")
		}
	}
	return b.String()
}

// identWord reports whether s is a shell variable name.
func identWord(s string) bool {
	if s == "" || s[0] >= '0' && s[0] <= '9' {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !(c == '_' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9') {
			return false
		}
	}
	return true
}
