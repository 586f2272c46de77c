package effect

import (
	"strings"

	"rampart.dev/pkg/internal/table"
	"rampart.dev/pkg/shell"
)

// containerEngines are the programs whose image removal is judged here.
var containerEngines = table.Map[string, bool]{Build: func() map[string]bool {
	return map[string]bool{"docker": true, "podman": true, "nerdctl": true, "finch": true}
}}

// removesEveryImage reports a container engine's image removal (docker rmi,
// docker image rm) whose operands are a substitution listing every image
// (docker images -q, -aq, image ls --quiet, no filter and no repository
// named): it removes them all, as docker image prune -a does.
func (a *analysis) removesEveryImage(i int, c *shell.Command) {
	if len(c.Inputs) == 0 || !containerEngines.Get(c.Name) { // most commands take no substitution
		return
	}
	pos := positionals(c.Args)
	if !(len(pos) > 0 && pos[0] == "rmi" || len(pos) > 1 && pos[0] == "image" && (pos[1] == "rm" || pos[1] == "remove")) {
		return
	}
	for _, k := range c.Inputs {
		if k >= 0 && k < len(a.res.Commands) && listsEveryImage(&a.res.Commands[k]) {
			a.add(Effect{Kind: Destroy, Cmd: i, Detail: "remote", Word: c.Name + " " + pos[0] + " of every image " + a.res.Commands[k].Name + " lists"})
			return
		}
	}
}

// listsEveryImage reports docker images -q (or image ls --quiet) with no
// filter and no repository: the IDs of every image.
func listsEveryImage(d *shell.Command) bool {
	if !containerEngines.Get(d.Name) {
		return false
	}
	pos := positionals(d.Args)
	switch {
	case len(pos) == 1 && pos[0] == "images":
	case len(pos) == 2 && pos[0] == "image" && (pos[1] == "ls" || pos[1] == "list"):
	default:
		return false // another verb, or a repository named
	}
	quiet := false
	for _, w := range d.Args {
		switch {
		case w == "--quiet":
			quiet = true
		case w == "-f" || w == "--filter" || strings.HasPrefix(w, "--filter="):
			return false
		case len(w) > 1 && w[0] == '-' && w[1] != '-':
			quiet = quiet || strings.ContainsRune(w, 'q')
		}
	}
	return quiet
}

// removesEveryContainer reports a container engine's container removal
// (docker rm, docker container rm) whose operands are a substitution
// listing every container (docker ps -aq, container ls --quiet, no
// filter): it removes them all, the project's and every other's, with
// what their own layers hold. Containers removed by name, or those a
// filter lists (a label, the project's name), are the caller's own, as
// docker rm NAME is. Any removal on another machine's engine is that
// machine's containers.
func (a *analysis) removesEveryContainer(i int, c *shell.Command) {
	if !containerEngines.Get(c.Name) {
		return
	}
	pos := positionals(engineCommand(c.Args))
	if !(len(pos) > 0 && pos[0] == "rm" || len(pos) > 1 && pos[0] == "container" && (pos[1] == "rm" || pos[1] == "remove")) {
		return
	}
	if remoteEngine(a.res) {
		// docker -H ssh://prod rm, or after docker context use prod:
		// another machine's containers
		a.add(Effect{Kind: Destroy, Cmd: i, Detail: "remote", Word: c.Name + " rm on another machine's engine"})
		return
	}
	for _, k := range c.Inputs {
		if k >= 0 && k < len(a.res.Commands) && listsEveryContainer(&a.res.Commands[k]) {
			a.add(Effect{Kind: Destroy, Cmd: i, Detail: "remote", Word: c.Name + " rm of every container " + a.res.Commands[k].Name + " lists"})
			return
		}
	}
}

// listsEveryContainer reports docker ps -q (or container ls --quiet) with
// no filter: the IDs of every container.
func listsEveryContainer(d *shell.Command) bool {
	if !containerEngines.Get(d.Name) {
		return false
	}
	pos := positionals(d.Args)
	switch {
	case len(pos) == 1 && pos[0] == "ps":
	case len(pos) == 2 && pos[0] == "container" && (pos[1] == "ls" || pos[1] == "list" || pos[1] == "ps"):
	default:
		return false // another verb, or a filter's value
	}
	quiet := false
	for _, w := range d.Args {
		switch {
		case w == "--quiet":
			quiet = true
		case w == "-f" || w == "--filter" || strings.HasPrefix(w, "--filter="):
			return false
		case len(w) > 1 && w[0] == '-' && w[1] != '-':
			quiet = quiet || strings.ContainsRune(w, 'q')
		}
	}
	return quiet
}

// engineValueOptions are a container engine's own options that take a
// value in the next word (docker -H HOST, --context NAME).
var engineValueOptions = table.Map[string, bool]{Build: func() map[string]bool {
	return fieldSet("-H --host -c --context --config -l --log-level --tlscacert --tlscert --tlskey --url --connection --identity")
}}

// engineCommand is args from the engine's subcommand on: its own options
// (docker -H ssh://prod, --context prod) and their values skipped.
func engineCommand(args []string) []string {
	for j := 0; j < len(args); j++ {
		w := args[j]
		if !strings.HasPrefix(w, "-") {
			return args[j:]
		}
		if engineValueOptions.Get(w) {
			j++
		}
	}
	return nil
}

// positionals are the words of args that are not options (a rough cut:
// options' values are not skipped).
func positionals(args []string) []string {
	var out []string
	for _, w := range args {
		if !strings.HasPrefix(w, "-") {
			out = append(out, w)
		}
	}
	return out
}
