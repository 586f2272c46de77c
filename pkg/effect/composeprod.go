package effect

import (
	"path"
	"strings"

	"rampart.dev/pkg/catalog"
	"rampart.dev/pkg/shell"
)

// A compose project named for production brought up (docker compose -f
// compose.prod.yml up -d, docker compose -p prod restart): what production
// runs is started or replaced from this machine's files, a deploy as the
// project's own deploy task would be. Its file or project name says which;
// a staging or dev file, and looks (ps, logs, config), pass.

// composeStarts are the compose verbs that start or replace services.
var composeStarts = [...]string{"up", "start", "restart", "create", "run", "scale", "watch"}

// composesProduction adds destroy:production for a compose verb that
// starts services of a project whose file or name says production.
func (a *analysis) composesProduction(i int, c *shell.Command, cl *catalog.Classified) {
	e := cl.Entry
	if e == nil || !strings.Contains(e.Name, " compose ") && !strings.HasPrefix(e.Name, "docker-compose ") && !strings.HasPrefix(e.Name, "podman-compose ") {
		return
	}
	verb := e.Name[strings.LastIndexByte(e.Name, ' ')+1:]
	starts := false
	for _, v := range composeStarts {
		starts = starts || verb == v
	}
	if !starts || helpOrDryRunOf(cl, c.Args) {
		return
	}
	for _, w := range cl.Words {
		var name string
		switch w.Option {
		case "-f", "--file":
			name = path.Base(w.Text)
		case "-p", "--project-name":
			name = w.Text
		default:
			continue
		}
		if namesProduction(name) && !namesStaging(strings.ToLower(name)) {
			a.add(Effect{Kind: Destroy, Cmd: i, Detail: "production", Word: c.Name + " compose " + verb + " of " + w.Text})
			return
		}
	}
}
