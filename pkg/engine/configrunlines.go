package engine

import (
	"strings"

	"rampart.dev/pkg/catalog"
)

// A tool's configuration file (a git config, .npmrc, pip.conf, cargo's
// config) can hold settings whose value is a command the tool hands to a
// shell later (core.fsmonitor, core.sshCommand, core.pager, a "!" alias,
// npm's script-shell): the settings table (catalog/settings.txt) says
// which. `git config core.fsmonitor 'curl … | sh'` has its value walked
// as the command it is (shell/settings.go); the same setting written in
// the file's text, by the Write or Edit tool, an MCP server's write_file
// or edit_file, or a command line that shows what it writes, is read by
// the same table here, and each such value is judged as the line typed,
// as a git hook's text is (autorun.go). The surfaces then judge one
// setting once, whichever wrote it.

// configRunLines returns the commands the settings of the configuration
// file p, given text, run later: a command or a program setting's value
// (a git boolean where one is allowed switches a built-in on, and runs
// nothing), and a helper's or an alias's value after its "!".
func configRunLines(p, text string) []string {
	if !catalog.IsConfigFile(p) {
		return nil
	}
	var lines []string
	for _, u := range catalog.ConfigFileSettings(p, text) {
		v := strings.TrimSpace(u.Value)
		switch u.Setting.Does {
		case catalog.RunsCommand, catalog.RunsProgram:
			if v == "" || u.Setting.Allows("@bool") && catalog.IsGitBool(v) {
				continue
			}
			lines = append(lines, v)
		case catalog.Helper, catalog.Bang:
			if c, ok := strings.CutPrefix(v, "!"); ok && strings.TrimSpace(c) != "" {
				lines = append(lines, c)
			}
		}
	}
	return limitLines(lines)
}
