package effect

import (
	"path"
	"strings"

	"rampart.dev/pkg/catalog"
	"rampart.dev/pkg/shell"
)

// A container given the host's directories (docker run -v "$PWD":/app
// node:20 sh -c "curl -fsSL https://…/setup.sh | sh") runs its command
// on those directories: code it fetches and runs unread can change the
// project, or whatever else is mounted, as if run here. The container's
// command is read as a line of its own, and the code it runs that nobody
// here can read (a download piped into a shell, code computed on the
// line) is judged as the line's; so is what it deletes or re-modes under
// a mount (rm -rf /b with -v /mnt/backup:/b deletes the host's
// /mnt/backup; rm -rf /src/dist with -v "$PWD":/src the project's dist;
// rm -rf /data/* with -v pgdata:/data empties a named volume, as docker
// volume rm would);
// its other effects are the container's own files, judged through the
// mounts (containerpaths.go).

// containerCode adds the unread code a container with host mounts runs.
func (a *analysis) containerCode(i int, cl *catalog.Classified) {
	ct := ContainerOf(cl, a.res.Commands[i].Args, func(p string) string { return a.clean(p, i) })
	if len(ct.Binds) == 0 && len(ct.Volumes) == 0 || len(ct.Words) == 0 {
		return
	}
	line := shell.JoinWords(ct.Words)
	if len(ct.Words) == 3 && ct.Words[1] == "-c" && (ct.Words[0] == "sh" || ct.Words[0] == "bash" || ct.Words[0] == "/bin/sh" || ct.Words[0] == "/bin/bash") {
		line = ct.Words[2] // sh -c 'CMD': CMD is the line
	}
	res := shell.Parse(line)
	if !res.Unparsed {
		// the command's paths are the container's: its home is root's,
		// its working directory -w's
		env := a.env
		env.Home, env.Cwd = "/root", ct.Workdir
		if ct.Home != "" {
			env.Home = ct.Home // -e HOME=/h
		}
		if env.Cwd == "" {
			env.Cwd = "/"
		}
		for _, x := range Of(&res, followCd(&res, env.Cwd, env.Home), env) {
			switch {
			case len(ct.Binds) == 0 && x.Kind != Delete:
				// only named volumes: what is deleted in them is all
				// that reaches past the container
			case x.Kind == Unknown && (x.Detail == "code" || x.Detail == "delete-target" && len(ct.Binds) > 0) || x.Kind == RemoteCode:
				// (a delete nobody here can name, in a container given
				// the host's directories: rm -rf $D with -e D=/h)
				x.Cmd = i
				x.Word = "in the container: " + x.Word
				a.add(x)
			case x.Kind == Write && x.Path != "":
				// echo … >> /src/.git/hooks/pre-commit with -v "$PWD":/src:
				// the host's file written
				if host := ct.HostPath(x.Path); host != "" {
					y := x
					y.Cmd, y.Path, y.Word = i, host, "in the container: "+x.Path
					a.add(y)
				}
			case x.Kind == Delete || x.Kind == Chmod:
				// rm -rf /b with -v /mnt/backup:/b: the host's tree
				if host := ct.HostPath(x.Path); host != "" {
					a.add(Effect{Kind: x.Kind, Cmd: i, Path: host, Recursive: x.Recursive, Detail: x.Detail, Word: "in the container: " + x.Path})
				} else if v := ct.VolumeAt(x.Path); v != "" && x.Kind == Delete && (x.Recursive || strings.ContainsAny(x.Path, "*?[")) {
					// rm -rf /data/* with -v pgdata:/data: the volume
					// emptied, as docker volume rm would
					a.add(Effect{Kind: Destroy, Cmd: i, Detail: "database", Word: "volume " + v + " emptied in the container: " + x.Path})
				}
			}
		}
	}
	shell.Release(&res)
}

// followCd returns the directory each command of a container's line runs
// in, from start, following cd and pushd in the order the line runs them
// (cd /h && rm -rf *: the rm runs in /h).
func followCd(res *shell.Result, start, home string) []string {
	cwds := make([]string, len(res.Commands))
	cwd := start
	for i := range res.Commands {
		c := &res.Commands[i]
		cwds[i] = cwd
		if (c.Name == "cd" || c.Name == "pushd") && len(c.Args) == 0 {
			cwd = home // cd alone: the container's home
		} else if (c.Name == "cd" || c.Name == "pushd") && len(c.Args) > 0 {
			d := c.Args[len(c.Args)-1]
			switch {
			case d == "~" || strings.HasPrefix(d, "~/"):
				d = home + d[1:]
			case !strings.HasPrefix(d, "/"):
				d = cwd + "/" + d
			}
			cwd = path.Clean(d)
		}
	}
	return cwds
}
