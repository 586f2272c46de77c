package effect

import "rampart.dev/pkg/shell"

// Kinds of program names asked of every command.
//
// Each reading below asks of every command of a line whether its name is
// in a table (a cluster CLI, a raw socket client, a container engine...),
// and nearly every answer is no. The tables are registered with the
// shell's own kinds of names (shell.NewNameKind): a name's kinds are
// worked out once, kept, and carried by the commands the walk makes, so a
// reading asks with a bit test (shell.Command.Is) where it looked the name
// up. TestNameKindsAgree holds each to its table.
var (
	rawClientKind       = shell.NewNameKind(rawClients.Get)
	sshEnvClientKind    = shell.NewNameKind(sshEnvClients.Get)
	containerEngineKind = shell.NewNameKind(containerEngines.Get)
	clusterCLIKind      = shell.NewNameKind(clusterCLIs.Get)
	selectorKind        = shell.NewNameKind(selectors.Get)
	engineWrapperKind   = shell.NewNameKind(engineWrappers.Get)
	listerKind          = shell.NewNameKind(listers.Get)
	cwdListerKind       = shell.NewNameKind(cwdLister.Get)
	condaManagerKind    = shell.NewNameKind(condaManagers.Get)
	storeClientKind     = shell.NewNameKind(storeClients.Get)
	localTargetKind     = shell.NewNameKind(localTargetName)
	testStackKind       = shell.NewNameKind(testStackEngines.Get)
	plainReaderKind     = shell.NewNameKind(plainReaders.Get)
)

// StoreClientCommand is StoreClient of c's name.
func StoreClientCommand(c *shell.Command) bool { return c.Is(storeClientKind) }
