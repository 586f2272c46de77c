package effect

import "rampart.dev/pkg/shell"

// Quiet commands.
//
// Before a command is classified, the analysis asks a dozen readings
// about it (settings, the program name left unresolved, what the walk
// could not see, its code, a browser's debugging protocol, its
// redirections, yq's loads, Home Assistant's services, a balancer's
// socket, a device's packages and data, syncthing's CLI, a module or
// script run by an interpreter, a browser's cookies). Each looks first
// at the program's name, its assignments, its redirections, what it runs
// behind, or its code, and finds nothing in a plain filter's (plainFilter)
// or reader's (sort, uniq -c, head -20, grep -v test, sed 's/a/b/'),
// which are most stages of a long pipeline: some hundreds of instructions
// a command for nothing.
//
// quiet recognises those commands first, by what every one of those
// readings keys on, and the analysis goes straight to the
// classification. TestQuietCommandsReadNothing runs the readings on every
// such name, and TestPlainFilterSkipsNothing holds the skip to the full
// analysis on every row of the engine's tables (skipPlainFilters turns
// both off).

// quiet reports whether command c is one the readings before the
// classification would find nothing in: a shell.Filter or one of
// plainReaders, named by its bare name, not made from code nor behind a
// wrapper, with no assignment, redirection, unread code or code fact, on
// a line that copied no program (programName would rename it).
func (a *analysis) quiet(c *shell.Command) bool {
	if !skipPlainFilters || c.Synthetic || len(c.Via)+len(c.Assigns)+len(c.Redirects)+len(c.Unknown) > 0 ||
		a.binCopies != nil || c.Name != c.Program || !c.Code.None() {
		return false
	}
	return c.Filter() || c.Is(plainReaderKind) // (plainReaders.Get(c.Name))
}
