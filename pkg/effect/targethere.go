package effect

import "rampart.dev/pkg/shell"

// One reading of "this cloud or cluster CLI's change lands on this
// machine", for every effect that asks it (destroys, production changes,
// shared changes, sessions and tunnels into production): a cluster here,
// by the context or kubeconfig the command names or the line switched to
// (localcluster.go, switchedcontext.go), or an endpoint here, by the
// options, variables and connection strings the program reads
// (localtarget.go, targetsettings.go, with the environment the line gives
// it: targetenv.go).

// targetHere reports whether command i (c) of the line, a cloud or cluster
// CLI's, changes only what a cluster or an emulator of this machine holds.
// An emulator's wrapper (awslocal) or an alias-addressed store client (mc)
// whose endpoint is implied must also name no production on the line
// (awslocal s3 rb s3://acme-prod-data may be a person's mistake about where
// it points).
func (a *analysis) targetHere(i int, c *shell.Command) bool {
	if a.localCluster(c) {
		return true
	}
	if !endpointHere(a.res, i) {
		return false
	}
	return !emulatorCLIs.Get(c.Name) && !aliasStoreClients.Get(c.Name) || a.productionWord(i) == ""
}
