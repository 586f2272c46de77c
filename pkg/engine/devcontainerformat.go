package engine

import (
	"strings"

	"rampart.dev/pkg/internal/table"
)

// A dev container's settings (.devcontainer/devcontainer.json, or one of
// several under .devcontainer/NAME/) say what image the project's
// container is made from, what the editor installs in it and which
// commands run when it is created, started or attached: those commands
// are judged as the command lines they are (autorun.go). What else the
// file can do is give the container the host: its directories mounted,
// the engine's socket, privileges, the host's network, a feature (code
// run as root in the container) from a stranger's registry, a port opened
// on every interface, a build from a Dockerfile nobody here sees. A file
// that does none of these, and whose commands run no script of the
// project by path (what a script holds is not on the line), is settings
// read whole: devcontainerInert says so and the profile lets the write
// through (write:content-judged), as it does an editor's settings.

// devcontainerInertKeys are the keys whose values give the container
// nothing of the host: names, the image, the editor's customisations,
// users, ports forwarded to this machine's loopback by the editor, the
// environment, and the lifecycle commands (judged as command lines).
var devcontainerInertKeys = table.Map[string, bool]{Words: `name image customizations remoteUser containerUser updateRemoteUserUID
forwardPorts portsAttributes otherPortsAttributes remoteEnv containerEnv workspaceFolder shutdownAction overrideCommand
waitFor userEnvProbe hostRequirements features
onCreateCommand updateContentCommand postCreateCommand postStartCommand postAttachCommand`}

// devcontainerCommandKeys are the keys whose values are commands.
var devcontainerCommandKeys = table.Map[string, bool]{Words: "onCreateCommand updateContentCommand postCreateCommand postStartCommand postAttachCommand"}

// devcontainerFeatureSources are the registries of the dev containers
// project's own features.
var devcontainerFeatureSources = []string{"ghcr.io/devcontainers/features/", "ghcr.io/devcontainers-contrib/features/", "ghcr.io/devcontainers-extra/features/"}

// devcontainerInert reports dev container settings that give the
// container nothing of the host and run no script of the project.
func devcontainerInert(content string) bool {
	m, ok := jsonFragment(content)
	if !ok || len(m) == 0 {
		return false
	}
	for k, v := range m {
		if !devcontainerInertKeys.Get(k) {
			return false
		}
		switch {
		case k == "features":
			f, ok := v.(map[string]any)
			if !ok {
				return false
			}
			for id := range f {
				if !officialFeature(id) {
					return false
				}
			}
		case devcontainerCommandKeys.Get(k):
			for _, l := range appendCommand(nil, v) {
				if runsProjectFile(l) {
					return false
				}
			}
		}
	}
	return true
}

// officialFeature reports a feature of the dev containers project's own
// registries.
func officialFeature(id string) bool {
	for _, p := range devcontainerFeatureSources {
		if strings.HasPrefix(id, p) {
			return true
		}
	}
	return false
}

// runsProjectFile reports a command line with a word that names a file by
// path (bash scripts/bootstrap.sh, ./setup, tools/x.py): what it runs is
// the file's text, which the line does not show.
func runsProjectFile(l string) bool {
	for _, w := range strings.Fields(l) {
		w = strings.Trim(w, `"'`)
		if strings.HasPrefix(w, "-") || strings.Contains(w, "://") || strings.Contains(w, "@") {
			continue
		}
		if strings.Contains(w, "/") || strings.HasSuffix(w, ".sh") || strings.HasSuffix(w, ".py") || strings.HasSuffix(w, ".js") {
			return true
		}
	}
	return false
}
