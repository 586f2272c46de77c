package effect

import (
	"strings"

	"rampart.dev/pkg/shell"
)

// deployScript returns the name of a project's own script, run by its
// path, whose name ships (scripts/deploy.sh, ./bin/publish-docs,
// tools/redeploy.py), or "": what it deploys nobody here has read, and its
// name says what it is for, as a task runner's target named so does (make
// deploy). Help and dry runs (deploy.sh --dry-run) ship nothing; a script
// named for a release is not one (in most projects it bumps and tags a
// version, a local step, as targetShips has it).
func deployScript(c *shell.Command) string {
	if !strings.Contains(c.Program, "/") || helpOrDryRun(c.Args) {
		return ""
	}
	name := c.Name
	if k := strings.LastIndexByte(name, '.'); k > 0 {
		name = name[:k] // deploy.sh, publish.py
	}
	var pb [8]string
	for _, p := range taskParts(pb[:0], name) {
		if targetShips.Get(p) {
			return c.Name
		}
	}
	return ""
}
