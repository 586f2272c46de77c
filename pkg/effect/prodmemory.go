package effect

import (
	"path"
	"strings"

	"rampart.dev/pkg/catalog"
	"rampart.dev/pkg/shell"
)

// Production's memory taken: a heap or core dump of a process that runs
// in production (kubectl exec -n production deploy/orders -- jcmd 1
// GC.heap_dump F, docker -H ssh://prod-web-1 exec api jmap -dump:…), and
// such a dump copied out of production's pods or containers (kubectl cp
// production/orders-0:/tmp/heap.hprof .). A heap holds what the service
// holds: its customers' data, its sessions and its secrets. A person
// confirms it, as a change to production is confirmed; the same dump of a
// pod in a local cluster, or of the developer's own program, is everyday
// work, and so is a thread dump or a histogram (jcmd Thread.print).

// dumpsMemory reports a command that writes a running process's memory
// out: jcmd's GC.heap_dump, jmap -dump, jhsdb jmap --binaryheap, gcore.
func dumpsMemory(c *shell.Command) bool {
	switch c.Name {
	case "gcore":
		return true
	case "jcmd":
		return hasArg(c.Args, "GC.heap_dump")
	case "jmap", "jhsdb":
		for _, w := range c.Args {
			if strings.HasPrefix(w, "-dump") || w == "--binaryheap" {
				return true
			}
		}
	}
	return false
}

// memoryDumpFile reports a path whose name says it holds a process's
// memory: a JVM heap dump (.hprof), a core (core, core.N, NAME.core), a
// minidump (.dmp, .mdmp), a V8 heap snapshot.
func memoryDumpFile(p string) bool {
	b := strings.ToLower(path.Base(p))
	for _, ext := range []string{".hprof", ".core", ".dmp", ".mdmp", ".heapsnapshot"} {
		if strings.HasSuffix(b, ext) {
			return true
		}
	}
	return b == "core" || strings.HasPrefix(b, "core.")
}

// memoryCopiedOut adds destroy:production for a copy (kubectl cp, docker
// cp) whose source, a pod's or a container's path, is a memory dump, when
// the line points the command at production.
func (a *analysis) memoryCopiedOut(i int, c *shell.Command, cl *catalog.Classified) {
	if cl.Entry == nil || !strings.HasSuffix(cl.Entry.Name, " cp") {
		return
	}
	src := ""
	for _, w := range cl.Words {
		if w.Option == "" {
			if _, p, ok := strings.Cut(w.Text, ":"); ok && src == "" && memoryDumpFile(p) {
				src = w.Text
			}
		}
	}
	if src == "" {
		return
	}
	w := a.productionWord(i)
	if w == "" && c.Is(engineWrapperKind) {
		w = productionEngine(a.res)
	}
	if w == "" && cl.Entry.Prop("cloud") != "" && a.pointsAtProduction(i, c) {
		w = "production"
	}
	if w != "" {
		a.add(Effect{Kind: Destroy, Cmd: i, Detail: "production", Word: c.Name + " copies a memory dump out of " + w + ": " + src})
	}
}
