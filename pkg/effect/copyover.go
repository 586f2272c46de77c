package effect

import (
	"path"
	"strings"

	"rampart.dev/pkg/catalog"
)

// A directory copied or moved into another lands below it under its own
// name: cp -r payload/.ssh ~/ writes ~/.ssh, not only ~/. And a source
// spelled to copy its contents (cp -r SRC/. DIR, rsync -a SRC/ DIR) spreads
// files nobody here can see over DIR, as an archive unpacked there does.

// copiesOver reports, for a recursive copy (cp -r, rsync -a) or a move
// into a directory that holds start-up or credential files (home, /etc,
// ~/.config), the directory each source lands as there, and contents
// spread over it.
func (a *analysis) copiesOver(i int, name string, cl *catalog.Classified, f *cmdFacts) {
	srcs, dst := copyEnds(cl)
	if dst == "" || unresolved(dst) || strings.Contains(dst, ":") && name == "rsync" {
		return
	}
	to := a.clean(dst, i)
	if !a.namedCredentialDir(to) {
		// Elsewhere DST may not exist yet, and then it is the copy itself
		// (cp -r .git /tmp/backup makes /tmp/backup): only the home
		// directory, /etc and the like surely exist.
		return
	}
	for _, s := range srcs {
		if unresolved(s) || name == "rsync" && strings.Contains(s, ":") {
			continue
		}
		spread := strings.HasSuffix(s, "/.") || name == "rsync" && strings.HasSuffix(s, "/")
		if spread {
			a.add(Effect{Kind: Unknown, Cmd: i, Detail: "copied-contents", Word: "the contents of " + s + " copied over " + to})
			continue
		}
		base := path.Base(strings.TrimSuffix(s, "/"))
		if base == "." || base == ".." || base == "/" {
			continue
		}
		p := to + "/" + base
		a.add(Effect{Kind: Write, Cmd: i, Path: p, Recursive: true})
		f.writes = append(f.writes, p)
	}
}

// copiedInto adds, for cp, mv or install given a destination that is
// surely a directory (written with a trailing slash, or a Python
// site-packages directory), the file each source lands as there: cp
// evil.pth .venv/lib/python3.12/site-packages/ writes site-packages/evil.pth,
// which Python runs at every start, not only the directory.
func (a *analysis) copiedInto(i int, name string, cl *catalog.Classified, f *cmdFacts) {
	if name != "cp" && name != "mv" && name != "install" && name != "gcp" && name != "gmv" && name != "ginstall" {
		return
	}
	srcs, dst := copyEnds(cl)
	if dst == "" || unresolved(dst) {
		return
	}
	to := a.clean(dst, i)
	if b := path.Base(to); !strings.HasSuffix(dst, "/") && b != "site-packages" && b != "dist-packages" {
		return
	}
	for _, s := range srcs {
		base := path.Base(strings.TrimSuffix(s, "/"))
		if unresolved(s) || base == "." || base == ".." || base == "/" {
			continue
		}
		p := to + "/" + base
		a.add(Effect{Kind: Write, Cmd: i, Path: p})
		f.writes = append(f.writes, p)
	}
}

// copyEnds returns a copy's sources and its destination, as its
// catalogue roles name them.
func copyEnds(cl *catalog.Classified) (srcs []string, dst string) {
	for _, w := range cl.Words {
		switch {
		case w.Role == catalog.Dest || w.Role == catalog.Write && dst == "":
			dst = w.Text
		case w.Option == "" && (w.Role == catalog.Read || w.Role == catalog.Delete):
			srcs = append(srcs, w.Text)
		}
	}
	return srcs, dst
}
