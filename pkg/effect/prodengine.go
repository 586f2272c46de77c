package effect

import (
	"strings"

	"rampart.dev/pkg/internal/table"
	"rampart.dev/pkg/shell"
)

// What runs on production's container engine: a container engine pointed
// at another machine's (docker context use prod, DOCKER_HOST=ssh://prod-web-1,
// docker --context prod) whose name says production, told to start, stop,
// replace or update what runs there (docker compose up -d, docker run,
// docker service update). That is a deploy to production, as helm upgrade
// in a production namespace is. Reading there (docker ps, logs, inspect)
// is not; removing is judged in listed.go.

// engineChangeVerbs are a container engine's (and compose's) verbs that
// change what runs on it.
var engineChangeVerbs = table.Map[string, bool]{Words: "up down restart stop start kill run create update pause unpause scale deploy rollback"}

// engineChangesProduction adds destroy:production for a container engine's
// command that changes what runs on an engine named for production.
func (a *analysis) engineChangesProduction(i int, c *shell.Command) {
	if !c.Is(engineWrapperKind) {
		return
	}
	pos := positionals(engineCommand(c.Args))
	if len(pos) == 0 {
		return
	}
	verb := pos[0]
	if (verb == "compose" || verb == "service" || verb == "stack" || verb == "container") && len(pos) > 1 {
		verb = pos[1] // docker compose up, docker service update, docker stack deploy
	}
	if !engineChangeVerbs.Get(verb) {
		return
	}
	if w := productionEngine(a.res); w != "" {
		a.add(Effect{Kind: Destroy, Cmd: i, Detail: "production", Word: c.Name + " " + verb + " on " + w + "'s engine"})
	}
}

// productionEngine returns the word naming production by which a line
// points its container engine at another machine's (a context, a host, an
// engine variable's value), or "".
func productionEngine(res *shell.Result) string {
	if !remoteEngine(res) {
		return ""
	}
	for k := range res.Commands {
		o := &res.Commands[k]
		for _, w := range o.Assigns {
			name, val, _ := strings.Cut(w, "=")
			if strings.HasPrefix(strings.ToUpper(name), "DOCKER_") || strings.HasPrefix(strings.ToUpper(name), "CONTAINER") {
				if namesProduction(val) {
					return val
				}
			}
		}
		if !o.Is(engineWrapperKind) {
			continue
		}
		if pos := positionals(o.Args); len(pos) >= 3 && pos[0] == "context" && pos[1] == "use" && namesProduction(pos[2]) {
			return pos[2]
		}
		for j, w := range o.Args {
			if !strings.HasPrefix(w, "-") {
				break // the engine's own options come before its subcommand
			}
			opt, val, hasVal := strings.Cut(w, "=")
			switch opt {
			case "-H", "--host", "--context", "-c", "--url", "--connection":
				if !hasVal && j+1 < len(o.Args) {
					val = o.Args[j+1]
				}
				if namesProduction(val) {
					return val
				}
			}
		}
	}
	return ""
}
