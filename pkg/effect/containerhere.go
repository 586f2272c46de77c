package effect

import (
	"strings"

	"rampart.dev/pkg/catalog"
	"rampart.dev/pkg/internal/table"
	"rampart.dev/pkg/shell"
)

// A command run inside a container of this machine (docker compose exec
// kafka kafka-topics --bootstrap-server localhost:9092 --delete ..., docker
// exec rabbitmq rabbitmqctl purge_queue emails.dev) runs here: "localhost"
// there is the container, one of the services the project's compose file
// starts on this machine, and a server's administration tool that names no
// server acts on the container's own. A container tool pointed at another
// machine (-H/--host, --context, or DOCKER_HOST, DOCKER_CONTEXT,
// CONTAINER_HOST or CONTAINER_CONNECTION set anywhere on the line, or a
// docker context chosen on it) runs it there instead, and any other
// wrapper (ssh, kubectl exec, fly ssh console) runs it on another machine.

// hereContainerTools are the container tools whose exec and run verbs run
// a command in a container of the daemon they talk to.
var hereContainerTools = table.Map[string, bool]{Build: func() map[string]bool {
	return fieldSet("docker podman nerdctl finch docker-compose podman-compose")
}}

// containerRunVerbs are those verbs, as word paths after the program.
var containerRunVerbs = table.Map[string, bool]{Build: func() map[string]bool {
	return fieldSet("exec run compose/exec compose/run container/exec container/run")
}}

// containerRemoteOptions are the options that point a container tool at
// another daemon.
var containerRemoteOptions = table.Map[string, bool]{Build: func() map[string]bool {
	// (--config: a configuration directory whose current context may be
	// another machine's; podman -r is --remote; nerdctl's --address/-a)
	return fieldSet("-H --host --context -c --connection --url --remote -r --config --address -a")
}}

// containerRemoteWords are the variables (and the docker verb) that do
// the same for every container tool of the line.
var containerRemoteWords = []string{"DOCKER_HOST", "DOCKER_CONTEXT", "CONTAINER_HOST", "CONTAINER_CONNECTION", "DOCKER_CONFIG", "CONTAINERD_ADDRESS"}

// viaContainerHere reports whether command i, found behind wrappers, is
// behind container tools (and the wrappers that run what they are given
// on this machine: xargs, env, nice...) only, with at least one container
// tool, on a line that points no container tool elsewhere. A command
// behind no wrapper is not asked about here (false).
func (a *analysis) viaContainerHere(i int) bool {
	c := &a.res.Commands[i]
	container := false
	for _, v := range c.Via {
		switch {
		case hereContainerTools.Get(v):
			container = true
		case !hereWrappers.Get(v):
			return false
		}
	}
	if !container {
		return false
	}
	for k := range a.res.Commands {
		w := &a.res.Commands[k]
		if lineRemoteContainer(w) {
			return false
		}
		if hereContainerTools.Get(w.Name) && len(optionValues(containerGlobalArgs(w.Args), containerRemoteOptions.Get)) > 0 {
			return false
		}
	}
	return true
}

// hereWrappers are the wrappers that run the command they are given on
// this machine, as it is.
var hereWrappers = table.Map[string, bool]{Build: func() map[string]bool {
	return fieldSet("xargs env nice nohup time timeout stdbuf command builtin exec ionice chrt")
}}

// containerGlobalArgs returns a container tool's words before the verb
// that runs a command (docker -H ssh://x compose exec: "-H ssh://x
// compose"): the options of the tool itself, not of the command run.
func containerGlobalArgs(args []string) []string {
	for k, a := range args {
		if a == "exec" || a == "run" {
			return args[:k]
		}
	}
	return args
}

// lineRemoteContainer reports a command that points container tools at
// another daemon for the rest of the line: an assignment or export of one
// of containerRemoteWords, or docker context use.
func lineRemoteContainer(w *shell.Command) bool {
	for _, as := range w.Assigns {
		for _, r := range containerRemoteWords {
			if strings.HasPrefix(as, r+"=") {
				return true
			}
		}
	}
	if w.Name == "export" || w.Name == "declare" || w.Name == "typeset" || w.Name == "env" {
		for _, arg := range w.Args {
			for _, r := range containerRemoteWords {
				if strings.HasPrefix(arg, r+"=") {
					return true
				}
			}
		}
	}
	p := storeOperands(w.Args)
	return hereContainerTools.Get(w.Name) && len(p) >= 2 && p[0] == "context" && p[1] == "use"
}

// containerServerHere reports whether a server's administration tool
// (an entry with verbs that destroy or change what its server holds, not
// a cloud's CLI or a database's client, whose targets are read elsewhere)
// run in a container of this machine names no server but loopback
// addresses, and no production: it acts on the container's own server
// (docker compose exec rabbitmq rabbitmqctl purge_queue emails.dev).
func (a *analysis) containerServerHere(i int, c *shell.Command, cl *catalog.Classified) bool {
	e := cl.Entry
	if e == nil || e.Prop("cloud") != "" || c.Is(storeClientKind) || !a.viaContainerHere(i) || a.productionWord(i) != "" || forwardsOnLine(a.res) {
		return false
	}
	var hosts []string
	for _, w := range cl.Words {
		if w.Option != "" && (w.Role == catalog.URL || serverHostOptions.Get(w.Option) || containerNodeOptions.Get(w.Option)) {
			hosts = append(hosts, w.Text)
		}
		if w.Option == "" && strings.Contains(w.Text, "://") {
			hosts = append(hosts, w.Text)
		}
	}
	for _, h := range hosts {
		if _, host, ok := strings.Cut(h, "@"); ok && !strings.Contains(h, "://") {
			h = host // rabbitmqctl -n rabbit@localhost
		}
		if !allHere([]string{h}) {
			return false
		}
	}
	return true
}

// containerNodeOptions are the options by which an administration tool
// names the node it talks to as NAME@HOST (rabbitmqctl -n rabbit@mq-1).
var containerNodeOptions = table.Map[string, bool]{Build: func() map[string]bool {
	return fieldSet("-n --node")
}}
