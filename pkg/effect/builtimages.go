package effect

import (
	"slices"
	"strings"

	"rampart.dev/pkg/internal/table"
	"rampart.dev/pkg/shell"
)

// An image the script built itself: docker build -t app:dev-$SHA . then
// docker run "app:dev-$SHA" runs what the project's Dockerfile made, not
// a publisher's image from a registry. The same program must build and
// run it (podman keeps its images apart from docker's, and would pull the
// name from a registry). The build must be one the run
// depends on: if it fails, the run pulls the name from a registry, so the
// build must end the script when it fails (set -e, || exit:
// Command.Halts) or be a command the run runs only after (&&). A tag the
// walk could not resolve (a variable fed by git rev-parse) is the same
// image only when the run's word is fed by the same commands as the
// build's (Command.Inputs): a variable reassigned from another
// substitution between them names another image.

// builtOnLine reports whether command i, which runs the image img, runs
// after a command of the line built and tagged that image (see above).
func (a *analysis) builtOnLine(i int, img string) bool {
	cmds := a.res.Commands
	if img == "" || i >= len(cmds) || shell.DebugTrap(a.res) {
		return false
	}
	if pullsAlways(cmds[i].Args) || otherEngine(a.res) {
		return false // docker run --pull=always, docker -H ssh://… run: the registry's image, or another engine's
	}
	for j := 0; j < i; j++ {
		o := &cmds[j]
		if o.Name != cmds[i].Name || !buildsImage(o.Args) || !slices.Contains(imageTags(o.Args), img) || !keepsImage(o.Args) {
			continue
		}
		if !o.Halts && !shell.GatedOn(a.res, i, j) {
			continue
		}
		if replacedBetween(cmds, j, i) {
			return false // docker pull, tag, rmi or load between: the name may be another image now
		}
		if !hasExpansion(img) || len(o.Inputs) > 0 && slices.Equal(o.Inputs, cmds[i].Inputs) {
			return true
		}
	}
	return false
}

// pullsAlways reports a run told to pull its image first (--pull=always,
// --pull always): what runs is the registry's image of that name.
func pullsAlways(args []string) bool {
	for k, w := range args {
		if w == "--pull=always" || w == "--pull" && k+1 < len(args) && args[k+1] == "always" {
			return true
		}
	}
	return false
}

// otherEngine reports a line that points the image CLIs at another engine
// than this machine's default (-H, --host, --context, DOCKER_HOST,
// DOCKER_CONTEXT, CONTAINER_HOST): a build there and a run here, or the
// reverse, are not one image.
func otherEngine(res *shell.Result) bool {
	for k := range res.Commands {
		o := &res.Commands[k]
		for _, w := range append(o.Assigns[:len(o.Assigns):len(o.Assigns)], o.Args...) {
			if strings.HasPrefix(w, "DOCKER_HOST=") || strings.HasPrefix(w, "DOCKER_CONTEXT=") || strings.HasPrefix(w, "CONTAINER_HOST=") {
				return true
			}
		}
		if o.Name != "docker" && o.Name != "podman" && o.Name != "nerdctl" {
			continue
		}
		for _, w := range o.Args {
			if !strings.HasPrefix(w, "-") {
				break // the verb: options after it are its own
			}
			if w == "-H" || w == "--host" || w == "--context" || w == "-c" || w == "--url" || w == "--connection" ||
				strings.HasPrefix(w, "--host=") || strings.HasPrefix(w, "--context=") || strings.HasPrefix(w, "--url=") || strings.HasPrefix(w, "--connection=") || strings.HasPrefix(w, "-H") {
				return true
			}
		}
	}
	return false
}

// keepsImage reports a build that leaves its image in the engine's store
// under its tags: not one whose result is exported elsewhere (-o DIR,
// --output type=local…) without --load, nor one built from a context
// fetched from the network (a git URL, an https tarball), which is
// someone else's code.
func keepsImage(args []string) bool {
	output, load := false, false
	for k, w := range args {
		switch {
		case w == "--load" || strings.HasPrefix(w, "--output=type=docker") || w == "--output" && k+1 < len(args) && strings.HasPrefix(args[k+1], "type=docker"):
			load = true
		case w == "-o" || w == "--output" || strings.HasPrefix(w, "--output=") || strings.HasPrefix(w, "-o") && len(w) > 2 && w[2] != '-':
			output = true
		case !strings.HasPrefix(w, "-") && (strings.Contains(w, "://") || strings.HasPrefix(w, "git@")):
			if k == 0 || !strings.HasPrefix(args[k-1], "-") {
				return false // docker build https://github.com/x/y.git
			}
		}
	}
	return load || !output
}

// imageReplacers are the image CLIs' verbs that put another image under a
// name or take it away: pull, tag, rmi, load, import.
var imageReplacers = table.Map[string, bool]{Words: "pull tag rmi load import rm"}

// replacedBetween reports a command of the same program between commands
// j and i that pulls, tags, removes or loads images (docker pull X, docker
// image tag Y X, docker rmi X, docker compose pull).
func replacedBetween(cmds []shell.Command, j, i int) bool {
	for k := j + 1; k < i; k++ {
		o := &cmds[k]
		if o.Name != cmds[i].Name {
			continue
		}
		pos := positionals(o.Args)
		if len(pos) > 0 && (pos[0] == "image" || pos[0] == "compose") {
			pos = pos[1:] // docker image pull, docker compose pull: the services' images
		}
		if len(pos) > 0 && imageReplacers.Get(pos[0]) && (pos[0] != "rm" || len(positionals(o.Args)) > 0 && positionals(o.Args)[0] == "image") {
			return true
		}
	}
	return false
}

// imageTags gives the names a build command tags its image with: -t NAME,
// --tag NAME, --tag=NAME, -tNAME.
func imageTags(args []string) []string {
	var out []string
	for k, w := range args {
		switch {
		case w == "--":
			return out
		case (w == "-t" || w == "--tag") && k+1 < len(args):
			out = append(out, args[k+1])
		case strings.HasPrefix(w, "--tag="):
			out = append(out, w[len("--tag="):])
		case len(w) > 2 && strings.HasPrefix(w, "-t") && w[2] != '-':
			out = append(out, w[2:])
		}
	}
	return out
}
