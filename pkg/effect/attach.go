package effect

import (
	"strconv"
	"strings"

	"rampart.dev/pkg/catalog"
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
	if spec == "" {
		return
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
		if strings.ContainsRune(pid, '/') {
			continue // a program's path (gdb PROGRAM CORE), not a process id
		}
		a.add(Effect{Kind: Read, Cmd: i, Path: "/proc/" + pid + "/mem"})
	}
}
