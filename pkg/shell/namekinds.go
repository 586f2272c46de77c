package shell

import "rampart.dev/pkg/internal/table"

// Kinds of program names, remembered.
//
// The walk and the effects ask of every command, several times each,
// whether its name is an interpreter's and whether it may read the script
// it runs from its standard input. Each answer is a dozen comparisons,
// suffix cuts and table lookups that depend on the name alone, so they are
// worked out once per name and kept (table.Memo); TestNameKindsMatch holds
// the kept answers to the functions that compute them.

// The bits of a name's kind.
const (
	kindInterpreter uint32 = 1 << iota // isInterpreterName
	kindStdinReader                    // stdinReaderName
)

// nameKinds keeps kindOf's answers.
var nameKinds = table.Memo{Compute: kindOf}

// kindOf works out the kind of a program name.
func kindOf(name string) uint32 {
	var k uint32
	if isInterpreterName(name) {
		k |= kindInterpreter
	}
	if stdinReaderName(name) {
		k |= kindStdinReader
	}
	return k
}

// isInterpreter reports whether name runs a script it is given: a
// download substituted into its arguments is a download run.
func isInterpreter(name string) bool { return nameKinds.Get(name)&kindInterpreter != 0 }

// isInterpreterName is isInterpreter, computed.
func isInterpreterName(name string) bool {
	if isShell(name) || scriptLang(name) != "" || isPwsh(name) {
		return true
	}
	switch name {
	case "source", ".", "eval":
		return true
	}
	return otherInterpreters.Get(unversioned(name)) // tclsh8.6 is tclsh
}

// stdinReaderName reports the names readsStdin looks further at: every
// other program runs no script from its standard input.
func stdinReaderName(name string) bool {
	if isShell(name) || scriptLang(name) != "" || isPwsh(name) || sshNames.Get(name) || otherInterpreters.Get(unversioned(name)) {
		return true
	}
	switch name {
	case "parallel", "source", ".", "cmake", "make", "gmake", "bmake", "newgrp", "expect", "at", "batch", "crontab":
		return true
	}
	return false
}
