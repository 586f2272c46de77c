package effect

import "rampart.dev/pkg/shell"

// picksSecretsToSend reports whether command i is a filter in the middle
// of a pipeline that picks the lines naming a secret (grep -i password,
// awk '/token/') out of the stage before it, and a later stage of the same
// pipeline sends what it is given over the network: whatever produced the
// lines, those it keeps are secrets leaving the machine.
func (a *analysis) picksSecretsToSend(cmds []shell.Command, i int) bool {
	c, f := &cmds[i], &a.per[i]
	if c.Stage == 0 || len(f.reads) > 0 || len(f.writes) > 0 {
		return false
	}
	for j := i + 1; j < len(cmds); j++ {
		if cmds[j].Pipeline == c.Pipeline && cmds[j].Stage > c.Stage && a.per[j].sink == "network" {
			// (the reading of the filter's words asked only here: most
			// pipelines send nothing)
			return picksSecrets(c)
		}
	}
	return false
}
