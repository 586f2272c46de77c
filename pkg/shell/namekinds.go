package shell

import (
	"strings"
	"sync/atomic"

	"rampart.dev/pkg/catalog"
	"rampart.dev/pkg/internal/table"
)

// Kinds of program names, remembered.
//
// The walk and the effects ask of every command, several times each,
// whether its name is an interpreter's, whether it may read the script it
// runs from its standard input, and whether the walk's reading of what it
// runs (runs) can find anything in it. Each answer is a dozen comparisons,
// suffix cuts and table lookups that depend on the name alone, so they are
// worked out once per name and kept (table.Memo); TestNameKindsMatch holds
// the kept answers to the functions that compute them.

// The bits of a name's kind.
const (
	kindInterpreter   uint32 = 1 << iota // isInterpreterName
	kindStdinReader                      // stdinReaderName
	kindRunsNothing                      // runsNothingName
	kindShellOrInterp                    // shellOrInterpName
	kindFilter                           // Filter
	kindWrapsByName                      // wrapsByName
	kindEnvOptions                       // envOptionsName
	kindScriptLang                       // scriptLang(name) != ""
	// kindKnown marks a Command's kinds as worked out (Command.kinds): a
	// Command made elsewhere (a test's literal) has none, and asks the memo.
	kindKnown uint32 = 1 << 31
)

// nameKinds keeps kindOf's answers.
var nameKinds = table.Memo{Compute: kindOf}

// A NameKind is a kind of program name another package asks about of
// every command ("is it a cluster CLI?", "a database client?"), each a
// table lookup of the command's name: registered with NewNameKind, it is
// worked out with the walk's own kinds, once per name, and a command
// answers it with a bit test (Command.Is).
type NameKind uint32

// firstNameKind is the bit of the first NameKind: those below are the
// walk's own.
const firstNameKind = 8

var (
	nameKindTests []func(name string) bool // the NameKinds' tests, by bit from firstNameKind
	kindsWorked   atomic.Bool              // kindOf has run: no kind may be registered now
)

// NewNameKind registers the kind of name is reports and returns its bit.
// Call it in a package-level variable's declaration: a kind registered
// after a name's kinds were worked out would be missing from theirs, so
// that panics, as do more kinds than the bits hold. is must depend on the
// name alone.
func NewNameKind(is func(name string) bool) NameKind {
	b := firstNameKind + len(nameKindTests)
	if kindsWorked.Load() || b >= 31 {
		panic("shell.NewNameKind: registered after a name's kinds were worked out, or one kind too many")
	}
	nameKindTests = append(nameKindTests, is)
	return NameKind(1) << b
}

// Is reports whether c's name is of kind k.
func (c *Command) Is(k NameKind) bool { return c.kindsOf()&uint32(k) != 0 }

// IsNot reports whether c's name is known not to be of kind k: c carries
// its kinds (the walk made it) and k is not among them. It asks no memo,
// so a caller's first test stays small enough to inline; false tells
// nothing (ask Is).
func (c *Command) IsNot(k NameKind) bool { return c.kinds&(kindKnown|uint32(k)) == kindKnown }

// ownNameKinds are the walk's own kinds and the tests that work them out.
var ownNameKinds = [...]struct {
	bit uint32
	is  func(name string) bool
}{
	{kindInterpreter, isInterpreterName},
	{kindStdinReader, stdinReaderName},
	{kindRunsNothing, runsNothingName},
	{kindShellOrInterp, shellOrInterpName},
	{kindFilter, Filter},
	{kindWrapsByName, wrapsByName},
	{kindEnvOptions, envOptionsName},
	{kindScriptLang, func(name string) bool { return scriptLang(name) != "" }},
}

// kindOf works out the kind of a program name.
func kindOf(name string) uint32 {
	kindsWorked.Store(true)
	var k uint32
	for b, is := range nameKindTests {
		if is(name) {
			k |= 1 << (firstNameKind + b)
		}
	}
	for _, o := range ownNameKinds {
		if o.is(name) {
			k |= o.bit
		}
	}
	return k
}

// The name tests below are here, beside kindOf, which asks each of them
// of every name it has not seen (through ownNameKinds' function values, so
// none is inlined): a process runs code a page fault per 64 KiB window of
// it, and these, each a few lines in a file of its own topic, cost one
// window each.

// Filter reports whether a program, by its base name, is a filter: it
// reads its input and prints a transformation of it, and runs nothing.
func Filter(name string) bool { return filters.Get(name) }

// envOptionsName reports a program whose entry, or one of its
// subcommands', names environment variables that hold options: the
// names envOptionWords looks further at.
func envOptionsName(name string) bool {
	return catalog.Default().SummaryOf(name).MayHave("env-options")
}

// isLoader reports whether a program's base name is a dynamic loader:
// glibc's ld-linux*.so.N and ld.so, ld64.so.N, and musl's ld-musl-ARCH.so.1.
func isLoader(name string) bool {
	switch {
	case name == "ld.so":
		return true
	case strings.HasPrefix(name, "ld-linux") && strings.Contains(name, ".so"):
		return true
	case strings.HasPrefix(name, "ld-musl-") && strings.Contains(name, ".so"):
		return true
	case strings.HasPrefix(name, "ld64.so."):
		return true
	}
	return false
}

// isPwsh reports whether a program is PowerShell.
func isPwsh(name string) bool {
	// In any case, with or without .exe: compared byte by byte, folding
	// ASCII letters only, where strings.ToLower twice walked the name on
	// every command. No other rune lower-cases to a byte of these names.
	if n := len(name) - len(".exe"); n > 0 && foldEqual(name[n:], ".exe") {
		name = name[:n]
	}
	return foldEqual(name, "pwsh") || foldEqual(name, "powershell") || foldEqual(name, "pwsh-preview")
}

// kindsOf returns the kinds of c's name: those the walk worked out when it
// made c, or the memo's.
func (c *Command) kindsOf() uint32 {
	if c.kinds&kindKnown != 0 {
		return c.kinds
	}
	return nameKinds.Get(c.Name)
}

// ShellOrInterpreter reports whether name is a shell's or an
// interpreter's: a program whose input or arguments may be code it runs.
// Every command asks several times; the answers are kept per name
// (nameKinds), and a command the walk made carries its own (Command
// method of the same name).
func ShellOrInterpreter(name string) bool { return nameKinds.Get(name)&kindShellOrInterp != 0 }

// Filter is Filter of c's name.
func (c *Command) Filter() bool { return c.kindsOf()&kindFilter != 0 }

// ShellOrInterpreter is ShellOrInterpreter of c's name.
func (c *Command) ShellOrInterpreter() bool { return c.kindsOf()&kindShellOrInterp != 0 }

var shellsAndInterps = table.Map[string, bool]{Words: `sh bash zsh dash ksh mksh ash fish
	csh tcsh python python2 python3 perl ruby
	node php lua irb pwsh busybox`}

// shellOrInterpName is ShellOrInterpreter, computed.
func shellOrInterpName(name string) bool {
	if shellsAndInterps.Get(name) {
		return true
	}
	if name != "source" && name != "." && name != "eval" && isInterpreterName(name) {
		// Rscript, luajit, python3.13t, python3.12-dbg, tclsh
		return true
	}
	// python3.12, pypy3, nodejs, php8.2: the name and a version (not
	// nodectl or rubocop, other programs)
	for _, p := range []string{"python", "pypy", "perl", "ruby", "node", "php", "lua"} {
		if rest, ok := strings.CutPrefix(name, p); ok && (rest == "js" || strings.Trim(rest, "0123456789.") == "") {
			return true
		}
	}
	return false
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
	if isShell(name) || scriptLang(name) != "" || isPwsh(name) || isCmdExe(name) || sshNames.Get(name) || otherInterpreters.Get(unversioned(name)) || shellLike.Get(name) {
		return true
	}
	switch name {
	case "parallel", "source", ".", "cmake", "make", "gmake", "bmake", "newgrp", "expect", "at", "batch", "crontab", "script",
		"machinectl", "distrobox", "toolbox", "bwrap", "wsl", "wsl.exe":
		return true
	}
	// container runs, and wrappers whose command is a shell string
	// (runselsewhere.go)
	// consoles the catalogue marks stdin-code (stdincode.go)
	return containerRunner(name) || catalog.Default().IsWrapper(name) || catalog.Default().SummaryOf(name).MayHave("stdin-code")
}

// runsNothingName reports a program in which runs finds nothing unless the
// line wrote a file it could take for a script or a module: a filter, or
// a plain program (no wrapper, shell, interpreter or loader) that none of
// runs' readings names (recipe runners, npm's pkg set, ansible's modules,
// vim's ex commands, module loaders, PowerShell and cmd.exe spellings, and
// every program runs has a case of its own for).
// TestFiltersRunNothing holds the walk that skips runs for them to the full
// walk on every exec row of the engine's tables.
func runsNothingName(name string) bool {
	if Filter(name) {
		return true
	}
	if !plain(name) || isShell(name) || sshNames.Get(name) || vimNames.Get(name) || isPwsh(name) || isCmdExe(name) || pwshCmdlet(name) {
		return false
	}
	if _, ok := recipeRunners.Lookup(name); ok {
		return false
	}
	if _, ok := moduleLangs.Get()[unversioned(name)]; ok {
		return false
	}
	if otherInterpreters.Get(unversioned(name)) || scriptRunnerNames.Get(name) {
		return false // tclsh s.tcl runs s.tcl, go run s.go s.go (runners.go)
	}
	if sum := catalog.Default().SummaryOf(name); sum.MayHave("code-lang") || sum.MayHave("stdin-code") {
		return false // wp eval CODE: code in a language (catalogCode); wp eval-file F (stdincode.go)
	}
	switch name {
	case "set", "shift", "alias", "hash", "source", ".", "eval", "su", "runuser", "mosh", "watch", "flock", "find", "fd", "fdfind",
		"sed", "gsed", "gdb", "lldb", "trap", "tmux", "screen", "parallel", "rsync", "salt", "salt-ssh", "salt-call", "tar", "git",
		"scp", "sftp", "crontab", "at", "batch", "make", "gmake", "bmake", "npm", "pnpm", "bun", "ansible", "gnuplot", "java", "go":
		return false
	}
	return true
}
