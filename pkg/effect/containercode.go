package effect

import (
	"rampart.dev/pkg/catalog"
	"rampart.dev/pkg/shell"
)

// A container given the host's directories (docker run -v "$PWD":/app
// node:20 sh -c "curl -fsSL https://…/setup.sh | sh") runs its command
// on those directories: code it fetches and runs unread can change the
// project, or whatever else is mounted, as if run here. The container's
// command is read as a line of its own, and the code it runs that nobody
// here can read (a download piped into a shell, code computed on the
// line) is judged as the line's; its other effects are the container's
// own files, judged through the mounts (containerpaths.go).

// containerCode adds the unread code a container with host mounts runs.
func (a *analysis) containerCode(i int, cl *catalog.Classified) {
	ct := ContainerOf(cl, a.res.Commands[i].Args, func(p string) string { return a.clean(p, i) })
	if len(ct.Binds) == 0 || len(ct.Words) == 0 {
		return
	}
	line := shell.JoinWords(ct.Words)
	if len(ct.Words) == 3 && ct.Words[1] == "-c" && (ct.Words[0] == "sh" || ct.Words[0] == "bash" || ct.Words[0] == "/bin/sh" || ct.Words[0] == "/bin/bash") {
		line = ct.Words[2] // sh -c 'CMD': CMD is the line
	}
	res := shell.Parse(line)
	if !res.Unparsed {
		for _, x := range Of(&res, nil, a.env) {
			if x.Kind == Unknown && x.Detail == "code" || x.Kind == RemoteCode {
				x.Cmd = i
				x.Word = "in the container: " + x.Word
				a.add(x)
			}
		}
	}
	shell.Release(&res)
}
