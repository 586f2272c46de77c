package effect

import (
	"rampart.dev/pkg/catalog"
	"rampart.dev/pkg/shell"
)

// An AI agent's CLI run with its approvals and sandbox switched off
// (claude --dangerously-skip-permissions, codex
// --dangerously-bypass-approvals-and-sandbox, gemini --yolo) runs whatever
// its model decides, unseen by anyone: code nobody has read, as
// remote-code:unsupervised. The catalogue marks the options that do so
// ("unsupervised"); the same CLI asking before it acts is everyday work.

// unsupervisedAgent adds remote-code:unsupervised for a command whose
// options carry the unsupervised mark.
func (a *analysis) unsupervisedAgent(i int, c *shell.Command, cl *catalog.Classified) {
	if len(cl.Marks) == 0 || !cl.Mark("unsupervised") {
		return
	}
	a.add(Effect{Kind: RemoteCode, Cmd: i, Detail: "unsupervised", Word: c.Name + " with its approvals and sandbox off"})
}
