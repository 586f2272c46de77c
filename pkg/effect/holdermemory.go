package effect

import (
	"path"
	"slices"
	"strings"

	"rampart.dev/pkg/internal/table"
	"rampart.dev/pkg/shell"
)

// The memory of a process that holds secrets (ssh-agent, gpg-agent, a
// browser, a password manager, sshd: secretHolders, ownprocess.go) holds
// the keys, tokens and passwords themselves. Reading it by name is a
// credential read, whatever the tool: a debugger attached to the process a
// finder names (gcore $(pidof ssh-agent), gdb -p $(pgrep -x keepassxc)),
// or the core systemd kept of it written out (coredumpctl dump ssh-agent
// -o F, coredumpctl debug COMM=firefox). Its path is secretMemory's, which
// the profile's credential rules deny as they deny LSASS's memory; another
// process's memory whose name says nothing stays /proc/PID/mem (attach.go).

// secretMemory is the path the memory of the secret holder name is read
// as.
func secretMemory(name string) string { return "/proc/secret-holder/" + name + "/mem" }

// heldSecretName returns the secret holder a process finder (pgrep,
// pidof) names by its pattern (pidof ssh-agent, pgrep -f chrome, pgrep -x
// /usr/bin/gpg-agent), or "".
func heldSecretName(p *shell.Command) string {
	if p.Name != "pgrep" && p.Name != "pidof" {
		return ""
	}
	for _, w := range p.Args {
		if strings.HasPrefix(w, "-") {
			continue
		}
		if n := secretHolderOf(strings.ToLower(path.Base(strings.Trim(w, "^$ ")))); n != "" {
			return n
		}
	}
	return ""
}

// holderFound returns the secret holder whose id a finder computes for
// command c, or "".
func (a *analysis) holderFound(c *shell.Command) string {
	for _, j := range c.Inputs {
		if j >= 0 && j < len(a.res.Commands) {
			if n := heldSecretName(&a.res.Commands[j]); n != "" {
				return n
			}
		}
	}
	return a.holderPiped(c)
}

// holderPiped returns the secret holder whose ids a finder earlier in the
// pipeline prints for command c when xargs or parallel runs it (pgrep
// ssh-agent | xargs gcore -o F, pidof gpg-agent | head -1 | xargs -I{}
// gdb -p {}), or "".
func (a *analysis) holderPiped(c *shell.Command) string {
	if !slices.Contains(c.Via, "xargs") && !slices.Contains(c.Via, "parallel") {
		return ""
	}
	for stage := c.Stage - 1; stage >= 0; stage-- {
		p := stageAt(a.res.Commands, c.Pipeline, stage, c.Depth)
		if p == nil {
			break
		}
		if n := heldSecretName(p); n != "" {
			return n
		}
	}
	return ""
}

// coredumpReads are coredumpctl's verbs that hand a kept core's memory
// over: written out, or opened in a debugger.
var coredumpReads = table.Map[string, bool]{Words: "dump debug gdb"}

// coredumpValueOptions are coredumpctl's options that take the next word.
var coredumpValueOptions = table.Map[string, bool]{Words: "-o --output -F --field -D --directory --debugger -A --debugger-arguments -S --since -U --until --file --root --image -n"}

// coredumpOfHolder adds a read of the secret holder's memory for
// coredumpctl handing over a core that a match names as one's (a name, a
// path, COMM= or EXE=).
func (a *analysis) coredumpOfHolder(i int, c *shell.Command) {
	if c.Name != "coredumpctl" {
		return
	}
	verb := false
	for k := 0; k < len(c.Args); k++ {
		w := c.Args[k]
		if strings.HasPrefix(w, "-") {
			if coredumpValueOptions.Get(w) {
				k++
			}
			continue
		}
		if !verb {
			if !coredumpReads.Get(w) {
				return
			}
			verb = true
			continue
		}
		for _, f := range []string{"_COMM=", "COMM=", "_EXE=", "EXE="} {
			w = strings.TrimPrefix(w, f)
		}
		if n := secretHolderOf(strings.ToLower(path.Base(w))); n != "" {
			a.add(Effect{Kind: Read, Cmd: i, Path: secretMemory(n)})
		}
	}
}

// memoryOf is the path command c reads as the memory of process pid: a
// secret holder's when a finder names one (holdermemory.go), else
// /proc/PID/mem.
func (a *analysis) memoryOf(c *shell.Command, pid string) string {
	if n := a.holderFound(c); n != "" {
		return secretMemory(n)
	}
	return "/proc/" + pid + "/mem"
}
