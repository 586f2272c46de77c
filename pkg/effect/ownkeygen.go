package effect

import (
	"path"
	"slices"
	"strings"

	"rampart.dev/pkg/match"
	"rampart.dev/pkg/material"
)

// A key generator told to write over one of the user's own keys: "ssh-keygen
// -t ed25519 -N '' -f ~/.ssh/id_ed25519 <<< y" replaces the key every host
// and forge knows the user by with a new one, and the old one is lost.
// ssh-keygen's -f names the file it makes a new key in, which the
// catalogue cannot call a write (the same option names the key it reads
// in its other modes: -y, -l, -p). A new key under a new name in ~/.ssh
// (id_ed25519_work) is everyday work; one written to the names by which
// ssh keeps a person's own keys (id_rsa, id_ed25519...; package material),
// in a home's .ssh directory, is a write of that key (and of its .pub),
// judged as any write to the credential store is.

// ownKeysRewritten adds a write for each ssh-keygen of the line that
// makes a new key in a file named as one of the user's own keys in a
// home's .ssh directory.
func (a *analysis) ownKeysRewritten() {
	cmds := a.res.Commands
	for i := range cmds {
		c := &cmds[i]
		if c.Name != "ssh-keygen" || len(c.Args) == 0 || slices.ContainsFunc(c.Args, sshKeygenModes.Get) || slices.ContainsFunc(c.Args, helpWord) {
			continue
		}
		for _, out := range optionValues(c.Args, func(o string) bool { return o == "-f" }) {
			if out == "" {
				continue
			}
			cwd := a.env.Cwd
			if i < len(a.cwds) && a.cwds[i] != "" {
				cwd = a.cwds[i]
			}
			p := match.CleanPath(out, cwd, a.env.Home) // ~ and $HOME
			if hasExpansion(p) || !material.StoreName(path.Base(p)) || !a.homeSSH(path.Dir(p)) {
				continue
			}
			a.add(Effect{Kind: Write, Cmd: i, Path: p, Detail: "own-key", Word: c.Name + " makes a new key over " + p})
			a.add(Effect{Kind: Write, Cmd: i, Path: p + ".pub", Detail: "own-key", Word: c.Name + " makes a new key over " + p + ".pub"})
		}
	}
}

// homeSSH reports a home's .ssh directory: the user's, root's, or another
// user's under /home or /Users.
func (a *analysis) homeSSH(dir string) bool {
	if h := strings.TrimSuffix(a.env.Home, "/"); h != "" && dir == h+"/.ssh" {
		return true
	}
	if dir == "/root/.ssh" {
		return true
	}
	for _, base := range [...]string{"/home/", "/Users/"} {
		if rest, ok := strings.CutPrefix(dir, base); ok && strings.Count(rest, "/") == 1 && strings.HasSuffix(rest, "/.ssh") {
			return true
		}
	}
	return false
}
