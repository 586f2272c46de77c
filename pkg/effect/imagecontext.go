package effect

import (
	"strings"

	"rampart.dev/pkg/internal/table"
)

// An image built from the home directory, or from a directory of
// credentials, holds what is in it: docker build -f /tmp/D ~ sends the
// whole home to the builder, and a Dockerfile's COPY .aws /a (written on
// the line, where nobody sees it) puts the keys in a layer. Pushed, by a
// later push or the build's own --push, the image carries them to a
// registry anyone pulling it reads: the home's archive leaving.

// imageBuilders are the programs whose build verb packs a context
// directory into an image.
var imageBuilders = table.Map[string, bool]{Words: "docker podman nerdctl finch buildah kaniko"}

// homeImageBuilt reports whether a command up to i on the line builds an
// image from the home directory or a credential directory: an operand of
// its build verb (docker build, docker buildx build, podman build,
// buildah bud) that names one.
func (a *analysis) homeImageBuilt(i int) bool {
	cmds := a.res.Commands
	for j := 0; j <= i && j < len(cmds); j++ {
		c := &cmds[j]
		if !imageBuilders.Get(c.Name) || !buildsImage(c.Args) {
			continue
		}
		for _, w := range c.Args {
			if w == "" || strings.HasPrefix(w, "-") || strings.Contains(w, "=") || strings.Contains(w, "://") {
				continue // options, their key=value settings, remote contexts
			}
			if p := a.clean(w, j); p != "" && !hasExpansion(p) && a.sensitiveDir(p) {
				return true
			}
		}
	}
	return false
}

// buildsImage reports whether a builder's words start with a build verb.
func buildsImage(args []string) bool {
	for k, w := range args {
		if strings.HasPrefix(w, "-") {
			continue
		}
		switch w {
		case "build", "bud", "b":
			return true
		case "buildx", "image", "builder":
			return k+1 < len(args) && (args[k+1] == "build" || args[k+1] == "b" || args[k+1] == "bake")
		}
		return false
	}
	return false
}
