package effect

import (
	"strconv"
	"strings"

	"rampart.dev/pkg/catalog"
	"rampart.dev/pkg/internal/table"
)

// attaches reports a debugger or tracer attached to a running process (the
// catalogue's "attaches" property: the options whose value is a process
// id, "*" for the operands, or an operand's position, which names a process
// when it is a number: gdb -p PID, gdb PROGRAM PID, gdb -ex 'attach PID',
// gcore PID):
// it reads that process's memory, where an agent keeps the keys it holds
// (ssh-agent, a password manager, a cloud CLI's cache), as a read of
// /proc/PID/mem.
func (a *analysis) attaches(i int, e *catalog.Entry, cl *catalog.Classified) {
	if e == nil {
		return
	}
	spec := e.Prop("attaches")
	if spec == "" || tracesNoData(e, cl) {
		return
	}
	c := &a.res.Commands[i]
	if n := a.holderPiped(c); n != "" {
		// pgrep ssh-agent | xargs gcore -o F: the ids xargs adds (or puts
		// in place of -I's {}) are the secret holder's (holdermemory.go)
		a.add(Effect{Kind: Read, Cmd: i, Path: secretMemory(n)})
		return
	}
	var dbgCmds []string // the debugger's own commands (-ex, -o)
	for _, w := range cl.Words {
		if w.Role == catalog.Shell {
			dbgCmds = append(dbgCmds, w.Text)
		}
	}
	pos := 0
	for _, w := range cl.Words {
		if w.Option == "" && w.Role != catalog.Shell {
			pos++
		}
		if w.Text == "" {
			continue
		}
		if w.Option == "" && w.Role != catalog.Shell && !cl.Mark("args") && inWordList(spec, strconv.Itoa(pos)) {
			// (gdb --args PROG ARGS...: the words after are the program's)
			// gdb PROGRAM PID: a second operand all digits is a process
			if _, err := strconv.Atoi(w.Text); err == nil {
				a.add(Effect{Kind: Read, Cmd: i, Path: "/proc/" + w.Text + "/mem"})
			} else if a.foundProcess(c) && (strings.HasPrefix(w.Text, "$") || strings.HasPrefix(w.Text, "`")) && (!a.ownProcess(c, w.Text) || printsEnviron(dbgCmds)) {
				// gdbserver :1 --attach $(pgrep ssh-agent): a process
				// finder's id in the operand's place
				a.add(Effect{Kind: Read, Cmd: i, Path: a.memoryOf(c, "$PID")})
			}
			continue
		}
		pid := strings.TrimSpace(w.Text)
		if w.Role == catalog.Shell {
			// the debugger's own command: gdb -ex 'attach PID'
			f := strings.Fields(pid)
			if len(f) != 2 || f[0] != "attach" {
				continue
			}
			pid = f[1]
		} else if w.Option == "" && spec != "*" || w.Option != "" && !inWordList(spec, w.Option) {
			continue
		}
		if a.ownProcess(c, pid) && !printsEnviron(dbgCmds) {
			continue // the developer's own program (ownprocess.go)
		}
		if strings.ContainsRune(pid, '/') && !strings.ContainsAny(pid, "$`") {
			continue // a program's path (gdb PROGRAM CORE), not a process id
		}
		if strings.ContainsRune(pid, '/') {
			// a computed id whose text holds a path (pgrep -f
			// /usr/bin/ssh-agent) is still one process: one segment
			pid = "$PID"
		}
		a.add(Effect{Kind: Read, Cmd: i, Path: a.memoryOf(c, pid)})
	}
}

// tracesNoData reports a tracer told to follow only calls that carry no
// data of the process's (the catalogue's "trace-filter" names the option:
// strace -e trace=network, -e process): what it prints then is which calls
// were made, not what was read or written. With no filter it follows them
// all; a read= or write= qualifier dumps those calls' data whole.
func tracesNoData(e *catalog.Entry, cl *catalog.Classified) bool {
	opts := e.Prop("trace-filter")
	if opts == "" {
		return false
	}
	filtered := false
	for _, w := range cl.Words {
		if w.Option == "" || !inWordList(opts, w.Option) {
			continue
		}
		q, set, ok := strings.Cut(w.Text, "=")
		if !ok {
			q, set = "trace", w.Text // -e open,close is -e trace=open,close
		}
		switch strings.TrimPrefix(q, "q") {
		case "read", "write", "qread", "qwrite":
			return false // -e read=3: every read of fd 3 dumped
		case "trace", "t":
		default:
			continue // signal=, abbrev=, verbose=, status=: what is shown of each call
		}
		filtered = true
		for c := range strings.SplitSeq(set, ",") {
			if strings.HasPrefix(c, "!") || dataCalls.Get(strings.TrimPrefix(strings.TrimPrefix(c, "%"), "?")) {
				return false // all but some, or calls whose buffers it prints
			}
		}
	}
	return filtered
}

// dataCalls are the system calls (and strace's classes) whose arguments
// carry what a process reads and writes.
var dataCalls = table.Map[string, bool]{Words: "all desc read write readv writev pread64 pwrite64 preadv pwritev preadv2 pwritev2 recvfrom recvmsg recvmmsg sendto sendmsg sendmmsg process_vm_readv"}
