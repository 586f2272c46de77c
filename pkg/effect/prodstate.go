package effect

// A command that changes what a machine runs (a process killed, a service
// restarted or stopped, packages installed or upgraded: changesMachineState,
// fleetruns.go), run through a cloud or cluster CLI the line points at
// production (kubectl exec -n prod deploy/api -- sh -c 'kill 1'), changes
// production's machines, not this one: a restart of production, which a
// person confirms. The same command in a dev namespace, or through no such
// CLI, is everyday work. A heap or core dump taken there (prodmemory.go)
// is production's memory, confirmed so too.

// stateChangesInProduction adds destroy:production for each such command.
func (a *analysis) stateChangesInProduction() {
	cmds := a.res.Commands
	for i := range cmds {
		c := &cmds[i]
		if c.Depth == 0 && len(c.Via) == 0 || c.Name == "" {
			continue
		}
		changes, dumps := changesMachineState(c), dumpsMemory(c) // prodmemory.go
		if !changes && !dumps {
			continue
		}
		if d, w := a.productionRunner(i); w != "" {
			what := " run through "
			if !changes {
				what = " dumps a process's memory through "
			}
			a.add(Effect{Kind: Destroy, Cmd: i, Detail: "production", Word: c.Name + what + d.Name + " against " + w})
		}
	}
}
