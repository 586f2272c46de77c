package effect

import (
	"slices"
	"strings"

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
	for j := 0; j < i; j++ {
		o := &cmds[j]
		if o.Name != cmds[i].Name || !buildsImage(o.Args) || !slices.Contains(imageTags(o.Args), img) {
			continue
		}
		if !o.Halts && !shell.GatedOn(a.res, i, j) {
			continue
		}
		if !hasExpansion(img) || len(o.Inputs) > 0 && slices.Equal(o.Inputs, cmds[i].Inputs) {
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
