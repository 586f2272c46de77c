package effect

import "rampart.dev/pkg/shell"

// destroysIn reports whether line, run in /home/dev/project with the home
// /home/dev, has a Destroy effect.
func destroysIn(line string) bool {
	const project, home = "/home/dev/project", "/home/dev"
	res := shell.ParseIn(line, shell.Place{Dir: project, Home: home})
	cwds := make([]string, len(res.Commands))
	for i := range cwds {
		cwds[i] = project
	}
	for _, e := range Of(&res, cwds, Env{Home: home, Cwd: project}) {
		if e.Kind == Destroy {
			return true
		}
	}
	return false
}
