package engine

import (
	"strings"

	"rampart.dev/pkg/internal/table"
	"rampart.dev/pkg/shell"
)

// Settings given to an agent CLI on its command line (claude --settings
// JSON, or --settings FILE of a file the same line wrote) are the agent's
// settings for that run: a key helper, a hook or a status line in them is
// a command the agent runs, as it is when written to .claude/settings.json.
// They are read as that file's content is (agentsettings.go), without the
// hook Rampart's setup keeps in the user's own file (the user's settings
// still apply beside them): the commands they run are judged as the
// command lines they are, and running any asks.

// settingsCLIs are the agent CLIs that take settings on their command line.
var settingsCLIs = table.Map[string, bool]{Words: "claude claude-code"}

// cliSettingsWhat names the settings given on an agent's command line. A
// narrow permission entry in them (Bash(npm test)) is that run's own
// grant, as --allowedTools is, and no check turned down for later runs;
// an allow-all entry still is.
const cliSettingsWhat = "settings given on the agent's command line"

// cliSettings is the kind of settings given on an agent's command line.
var cliSettings = agentFile{what: cliSettingsWhat, format: 'j'}

// judgeCLISettings judges the settings each agent CLI of the line is given
// with --settings.
func (ev *evaluation) judgeCLISettings(res *shell.Result) {
	for i := range res.Commands {
		c := &res.Commands[i]
		if !strings.HasPrefix(c.Name, "claude") || !settingsCLIs.Get(c.Name) {
			continue // (a cheap test first: this runs for every command)
		}
		for k, w := range c.Args {
			val, ok := strings.CutPrefix(w, "--settings=")
			if !ok {
				if w != "--settings" || k+1 >= len(c.Args) {
					continue
				}
				val = c.Args[k+1]
			}
			text, where := strings.TrimSpace(val), "(settings on "+c.Name+"'s command line)"
			if !strings.HasPrefix(text, "{") {
				t, ok := res.Files[strings.TrimPrefix(text, "./")]
				if !ok {
					continue // a file the line did not write: read where it is
				}
				text, where = t, val
			}
			if ev.judgeAgentSettingsAs(&cliSettings, where, text); ev.denied() {
				return
			}
		}
	}
}
