package effect

import (
	"strings"

	"rampart.dev/pkg/internal/table"
	"rampart.dev/pkg/shell"
)

// containerEngines are the programs whose image removal is judged here.
var containerEngines = table.Map[string, bool]{Words: "docker podman nerdctl finch"}

// removesEveryImage reports a container engine's image removal (docker rmi,
// docker image rm) whose operands are a substitution listing every image
// (docker images -q, -aq, image ls --quiet, no filter and no repository
// named): it removes them all, as docker image prune -a does.
func (a *analysis) removesEveryImage(i int, c *shell.Command) {
	if len(c.Inputs) == 0 || !c.Is(containerEngineKind) { // most commands take no substitution
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
	if !d.Is(containerEngineKind) {
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
// (docker rm, docker container rm) whose operands are not the caller's own:
// a substitution or an earlier pipeline stage (xargs) that is not a
// listing narrowed by a label, a name or an image (docker ps -aq lists
// every container, -f status=running every running one, $(cat ids) what
// nobody here reads), or a word the line cannot read (a loop's variable).
// Those remove every container, the project's and every other's, with what
// their own layers hold. Containers removed by name, or those a filter of
// the caller's own lists, are docker rm NAME's. Any removal on another
// machine's engine is that machine's containers.
func (a *analysis) removesEveryContainer(i int, c *shell.Command) {
	if !c.Is(containerEngineKind) {
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
		if k >= 0 && k < len(a.res.Commands) && !ownContainers(&a.res.Commands[k]) {
			a.add(Effect{Kind: Destroy, Cmd: i, Detail: "remote", Word: c.Name + " rm of the containers " + a.res.Commands[k].Name + " lists, not only the caller's own"})
			return
		}
	}
	for _, v := range c.Via {
		if v == "xargs" {
			// docker ps -aq | xargs docker rm -f: what an earlier stage
			// prints, which must be a listing of the caller's own
			for k := range a.res.Commands {
				o := &a.res.Commands[k]
				if o.Pipeline == c.Pipeline && o.Stage < c.Stage && o.Depth == c.Depth && !ownContainers(o) {
					a.add(Effect{Kind: Destroy, Cmd: i, Detail: "remote", Word: c.Name + " rm of the containers " + o.Name + " prints, not only the caller's own"})
					return
				}
			}
		}
	}
	for _, w := range pos[1:] {
		if namesProduction(w) {
			// docker rm -f prod-postgres: a container named for production
			// holds what production does, whichever engine runs it
			a.add(Effect{Kind: Destroy, Cmd: i, Detail: "remote", Word: c.Name + " rm of " + w + ", named for production"})
			return
		}
	}
	if len(c.Inputs) == 0 {
		for _, w := range pos[1:] {
			if strings.ContainsAny(w, "$`") {
				// for c in $(docker ps -aq); do docker rm -f $c: a name
				// the line cannot read
				a.add(Effect{Kind: Destroy, Cmd: i, Detail: "remote", Word: c.Name + " rm of containers named by " + w})
				return
			}
		}
	}
}

// ownFilters are the filters of a container listing that pick the
// caller's own containers (a label, a name, an image, a network) rather
// than a state every container may be in (status, health, before).
var ownFilters = table.Map[string, bool]{Words: "label name ancestor id network volume publish expose"}

// ownContainers reports a container listing (docker ps -q) narrowed by a
// filter to the caller's own containers.
func ownContainers(d *shell.Command) bool {
	if !d.Is(containerEngineKind) {
		return false
	}
	pos := positionals(engineCommand(d.Args))
	if !(len(pos) >= 1 && pos[0] == "ps" || len(pos) >= 2 && pos[0] == "container" && (pos[1] == "ls" || pos[1] == "list" || pos[1] == "ps")) {
		return false
	}
	own := false
	for j, w := range d.Args {
		f := ""
		switch {
		case w == "-f" || w == "--filter":
			if j+1 < len(d.Args) {
				f = d.Args[j+1]
			}
		case strings.HasPrefix(w, "--filter="):
			f = strings.TrimPrefix(w, "--filter=")
		default:
			continue
		}
		key, val, _ := strings.Cut(strings.Trim(f, `"'`), "=")
		if !ownFilters.Get(strings.ToLower(key)) {
			return false // status=running: every container in that state
		}
		if !namingValue(val) {
			return false // name=., name=/, name=^, ancestor=: a pattern every name matches
		}
		own = true
	}
	return own
}

// engineValueOptions are a container engine's own options that take a
// value in the next word (docker -H HOST, --context NAME, nerdctl -n
// k8s.io, --address SOCKET).
var engineValueOptions = table.Map[string, bool]{Words: "-H --host -c --context --config -l --log-level --tlscacert --tlscert --tlskey --url --connection --identity -n --namespace -a --address"}

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

// namingValue reports a filter's value that names something: a letter or
// a digit in it, and no pattern that matches any name (name=. matches
// every container's, as names are matched as patterns).
func namingValue(v string) bool {
	v = strings.TrimSpace(v)
	if strings.Trim(v, "^$.*+?/|()[]{}\\") == "" {
		return false
	}
	return !strings.Contains(v, ".*") && !strings.Contains(v, ".+")
}
