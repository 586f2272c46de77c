// Package effect turns a parsed command line into what it does.
//
// Spellings are endless; effects are few. [Of] takes the simple commands
// package shell found in a line and, through the program catalogue
// (package catalog), reports typed effects: files read, written, deleted or
// re-moded, hosts contacted and whether data is sent, loader-changing
// environment, listeners, data flows from a sensitive source to an outside
// sink, and unknowns: words in a position that carries an effect that
// cannot be resolved (a program name computed at run time, a delete target
// held in a variable, code read from a decoder). Policies match effects
// (package engine), so a new spelling of a known effect needs no new rule.
//
// The package is pure: it sees the line and the environment it is given,
// never the file system.
package effect

import (
	"sync"

	"rampart.dev/pkg/catalog"
	"rampart.dev/pkg/shell"
)

// Kind is what an effect does.
type Kind uint8

// The kinds of effect.
const (
	Read       Kind = iota + 1 // reads a file
	Write                      // creates or changes a file
	Delete                     // removes a file or tree
	Chmod                      // changes a file's mode or owner
	Exec                       // runs a file as a program or script
	Connect                    // contacts a host
	SQL                        // runs SQL
	LoaderEnv                  // sets environment that changes what loads code
	Listen                     // accepts connections
	Flow                       // sends data from a sensitive source to a sink
	Unknown                    // something in a position that carries an effect could not be resolved
	Exhaust                    // starts processes without end (a fork bomb)
	RemoteCode                 // installs or runs code straight from a URL or repository, unpinned
	Destroy                    // destroys resources a cloud or cluster CLI manages
	Tunnel                     // opens a tunnel: a port of this machine reachable from outside, or traffic relayed out
	Privilege                  // starts a container or pod with the host's privileges (privileges.go)
	Admin                      // changes the host's configuration: network, firewall, mounts, accounts, sudoers, kernel modules (admin.go)
	Scan                       // probes other machines' hosts or ports, a network range at a time (scans.go)
	Capture                    // captures the traffic of a network interface that is not the loopback (captures.go)
)

var kindNames = [...]string{Read: "read", Write: "write", Delete: "delete", Chmod: "chmod", Exec: "exec",
	Connect: "connect", SQL: "sql", LoaderEnv: "env", Listen: "listen", Flow: "flow", Unknown: "unknown", Exhaust: "exhaust", RemoteCode: "remote-code", Destroy: "destroy", Tunnel: "tunnel", Privilege: "privilege", Admin: "admin", Scan: "scan", Capture: "capture"}

// String is the kind's name, which is also the tool name policies match it
// by (read, write, delete, flow, unknown, env...).
func (k Kind) String() string {
	if int(k) < len(kindNames) {
		return kindNames[k]
	}
	return "?"
}

// Effect is one thing a command line does.
type Effect struct {
	Kind      Kind
	Cmd       int    // index of the command in the parse result; -1 for the line
	Path      string // cleaned path (Read, Write, Delete, Chmod, Exec)
	Recursive bool   // Delete, Chmod: the whole tree
	Target    string // Connect: URL or host as written; SQL: the text; Env: NAME=VALUE
	Upload    bool   // Connect: data is sent
	Detail    string // Unknown: what could not be resolved; Flow: "SOURCE->SINK"; Env: the variable; Connect: "lookup" when the host is only looked up or probed, "get" when code GETs it with nothing but its URL
	Word      string // Unknown, Flow: the word or command involved
}

// Descriptor is the text policies' effect_matches globs see:
// "delete:recursive", "unknown:program", "flow:secret->network",
// "env:LD_PRELOAD", "connect:upload".
func (e Effect) Descriptor() string {
	switch e.Kind {
	case Delete, Chmod:
		if e.Kind == Chmod && e.Detail == "world-writable" {
			return "chmod:world-writable" // chmod -R 777 DIR (modes.go)
		}
		if e.Recursive {
			return e.Kind.String() + ":recursive"
		}
		return e.Kind.String() + ":file"
	case Connect:
		if e.Upload {
			return "connect:upload"
		}
		if e.Detail == "lookup" {
			return "connect:lookup" // dig, ping, nc -z: the host is looked up or probed, nothing fetched
		}
		return "connect:download"
	case Unknown, Flow, LoaderEnv, Exhaust, RemoteCode, Destroy, Tunnel, Privilege:
		return e.Kind.String() + ":" + e.Detail
	case Listen:
		if e.Detail != "" {
			return "listen:" + e.Detail // listen:every-interface
		}
	}
	return e.Kind.String()
}

// String describes the effect for explanations.
func (e Effect) String() string {
	d := e.Descriptor()
	switch {
	case e.Path != "":
		return d + " " + e.Path
	case e.Target != "":
		return d + " " + e.Target
	case e.Word != "":
		return d + " " + e.Word
	}
	return d
}

// Env is what the analysis knows of the machine.
type Env struct {
	Home string
	Cwd  string
	// Sensitive reports whether reading the cleaned path exposes
	// credentials; the engine answers from the policy's read rules.
	Sensitive func(path string) bool
	// Protected reports whether writing the cleaned path, or deleting it
	// with what it holds, is stopped: the engine answers from the policy's
	// write and delete rules. Asked only of paths the analysis half knows
	// (named in code, or with a prefix computed at run time).
	Protected func(path string) bool

	// inContainer counts the containers' commands being read inside one
	// another (containerenv.go), which stops at one.
	inContainer int
}

// Of reports the effects of a parsed line. cwds gives each command's
// working directory (after the cd commands before it).
func Of(res *shell.Result, cwds []string, env Env) []Effect { return AppendOf(nil, res, cwds, env) }

// AppendOf is Of with the effects appended to dst, for a caller that keeps
// an array for them from line to line.
func AppendOf(dst []Effect, res *shell.Result, cwds []string, env Env) []Effect {
	sc := scratches.Get().(*scratch)
	a := analysis{res: res, env: env, cwds: append(sc.cwds[:0], cwds...), cat: catalog.Default(), wordBuf: sc.words, out: dst}
	a.taint = sc.taint[:0]
	a.per = sc.per[:0]
	if cap(a.per) < len(res.Commands) {
		a.per = make([]cmdFacts, 0, len(res.Commands))
	}
	a.per = a.per[:len(res.Commands)]
	start := len(dst)
	a.run()
	a.secretSearches()                // secretsearch.go
	a.homeTreeDeletes(start)          // dirops.go
	a.appStoreDeletes(start)          // appstores.go
	a.sourceDeletes(start)            // sourcedeletes.go
	a.runsInProduction(start)         // production.go
	a.shellsInProduction()            // prodshells.go
	a.stateChangesInProduction()      // prodstate.go
	a.unreadCodeRuns()                // unreadcode.go
	a.productionChanges(start)        // production.go
	a.sqlFileAgainstProduction(start) // prodsqlfile.go
	a.disposableStores(start)         // disposable.go
	a.testStacks(start)               // teststack.go
	a.sqlShellEscapes()
	a.sqlFiles() // sqlfiles.go
	a.pathShadows()
	a.dotenvNamesOnly(start) // dotenvnames.go
	sc.keep(&a)
	scratches.Put(sc)
	return a.out
}

// scratch is what one call of Of uses and returns nothing of: the facts
// per command, the working directories, the classified words. Calls take
// one from scratches and put it back, so a busy process reuses a few.
type scratch struct {
	per   []cmdFacts
	cwds  []string
	words []catalog.Word
	taint []string
}

var scratches = sync.Pool{New: func() any { return new(scratch) }}

// maxScratch bounds the commands a kept scratch has room for.
const maxScratch = 256

// keep takes a's arrays back, emptied so that they hold on to nothing.
func (sc *scratch) keep(a *analysis) {
	for k := range a.per {
		a.per[k].reset()
	}
	clear(a.cwds)
	// Only the words this analysis wrote: the array is as long as the
	// longest command a pooled scratch ever met (up to 4*maxScratch
	// words), and clearing all of it cost every later short line that.
	clear(a.wordBuf[:min(a.wordsUsed, cap(a.wordBuf))])
	clear(a.taint)
	sc.per, sc.cwds, sc.words, sc.taint = a.per[:0], a.cwds[:0], a.wordBuf[:0], a.taint[:0]
	if cap(sc.per) > maxScratch || cap(sc.words) > 4*maxScratch || cap(sc.taint) > 2*maxScratch {
		*sc = scratch{}
	}
}
