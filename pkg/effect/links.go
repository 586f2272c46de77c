package effect

import (
	"path"
	"strings"

	"rampart.dev/pkg/shell"
)

// Links made on the line. "ln -s ~/.aws a; cat a/credentials" reads the
// AWS credentials, "ln -sf ~/.bashrc notes.md; echo … >> notes.md" writes
// the start-up file, "ln -s ~ h; rm -rf h/" empties the home directory:
// a path through a symbolic link, a hard link, a bind mount or a copy made
// of links (cp -s, cp -l) is the path it leads to. The engine's Resolve
// does this for links already on disk; these are the ones the line makes.

// maxLinks bounds the links one line is followed through.
const maxLinks = 16

// noteLinks remembers the links command c makes: ln [-s] TARGET LINK, cp
// -s / -l / --link / --symbolic-link SRC DEST, bindfs SRC DIR and mount
// --bind / --rbind / -o bind SRC DIR.
func (a *analysis) noteLinks(i int, c *shell.Command) {
	var ops []string
	linkish, symbolic := false, false
	switch c.Name {
	case "mv", "gmv":
		// mv LINK NEW: the link under its new name.
		if len(a.links) > 0 {
			if o := plainOperands(c.Args); len(o) == 2 {
				if t, ok := a.links[a.cleanRaw(o[0], i)]; ok {
					a.links[a.cleanRaw(o[1], i)] = t
				}
			}
		}
		return
	case "ln", "link":
		linkish = true
		for _, w := range c.Args {
			if w == "-s" || w == "--symbolic" || len(w) > 1 && w[0] == '-' && w[1] != '-' && strings.IndexByte(w, 's') > 0 {
				symbolic = true
			}
		}
	case "cp", "gcp":
		for _, w := range c.Args {
			if w == "-s" || w == "-l" || w == "--link" || w == "--symbolic-link" ||
				len(w) > 1 && w[0] == '-' && w[1] != '-' && strings.ContainsAny(w, "sl") {
				linkish = true
			}
		}
	case "bindfs":
		linkish = true
	case "mount":
		for k, w := range c.Args {
			if w == "--bind" || w == "--rbind" || (w == "-o" && k+1 < len(c.Args) && strings.Contains(c.Args[k+1], "bind")) {
				linkish = true
			}
		}
	}
	if !linkish {
		return
	}
	for k := 0; k < len(c.Args); k++ {
		w := c.Args[k]
		switch {
		case w == "--":
			ops = append(ops, c.Args[k+1:]...)
			k = len(c.Args)
		case w == "-t" || w == "--target-directory" || w == "-S" || w == "--suffix" || w == "-o" && c.Name == "mount" || w == "-o" && c.Name == "bindfs":
			k++
		case strings.HasPrefix(w, "-") && w != "-":
		default:
			ops = append(ops, w)
		}
	}
	if len(ops) != 2 || len(a.links) >= maxLinks {
		return
	}
	target, link := a.clean(ops[0], i), a.clean(ops[1], i)
	if unresolved(target) || unresolved(link) {
		return // "$PWD/a" is resolved by cleaning; "$X/a" is not
	}
	if symbolic && !strings.HasPrefix(ops[0], "/") && !strings.HasPrefix(ops[0], "~") && !strings.HasPrefix(ops[0], "$") {
		// A relative symbolic link leads from the directory it is in.
		dir := path.Dir(strings.TrimSuffix(ops[1], "/"))
		if strings.HasSuffix(ops[1], "/") {
			dir = strings.TrimSuffix(ops[1], "/")
		}
		target = a.clean(path.Join(dir, ops[0]), i)
	}
	if strings.HasSuffix(ops[1], "/") {
		link += "/" + path.Base(target) // ln -s T DIR/: DIR/base(T)
	}
	if link == target || link == "/" {
		return
	}
	if a.links == nil {
		a.links = map[string]string{}
	}
	a.links[link] = target
}

// throughLinks gives the path p leads to through the links the line made.
func (a *analysis) throughLinks(p string) string {
	for n := 0; n < 4 && len(a.links) > 0; n++ {
		changed := false
		for l, t := range a.links {
			if p == l {
				p, changed = t, true
			} else if rest, ok := strings.CutPrefix(p, l); ok && rest[0] == '/' {
				p, changed = path.Clean(t+rest), true
			}
		}
		if !changed {
			break
		}
	}
	return p
}

// isLink reports whether the word names, itself and not through it, a
// link the line made: rm LINK removes the link, rm -r LINK/ what it leads
// to.
func (a *analysis) isLink(w string, i int) bool {
	if len(a.links) == 0 || strings.HasSuffix(w, "/") {
		return false
	}
	links := a.links
	a.links = nil
	p := a.clean(w, i)
	a.links = links
	_, ok := links[p]
	return ok
}

// plainOperands are the words of a command that are not options.
func plainOperands(args []string) []string {
	var out []string
	for k, w := range args {
		if w == "--" {
			return append(out, args[k+1:]...)
		}
		if !strings.HasPrefix(w, "-") {
			out = append(out, w)
		}
	}
	return out
}

// cleanRaw cleans a path without following the line's links.
func (a *analysis) cleanRaw(w string, i int) string {
	links := a.links
	a.links = nil
	p := a.clean(w, i)
	a.links = links
	return p
}

// symlinkTarget is the file ln -s reads when its target operand raw (with
// p, raw cleaned from the working directory) is relative: the target as
// seen from the directory the link is made in (ln -s ../../config/a.yaml
// config/b.yaml reads config/../../config/a.yaml), as the link will lead;
// otherwise p.
func (a *analysis) symlinkTarget(i int, c *shell.Command, raw, p string) string {
	if raw == "" || raw[0] == '/' || raw[0] == '~' || raw[0] == '$' {
		return p
	}
	symbolic := false
	var ops []string
	for k := 0; k < len(c.Args); k++ {
		w := c.Args[k]
		switch {
		case w == "--":
			ops = append(ops, c.Args[k+1:]...)
			k = len(c.Args)
		case w == "-t" || w == "--target-directory" || w == "-S" || w == "--suffix":
			return p // a target directory: the operands are all targets
		case w == "-s" || w == "--symbolic" || len(w) > 1 && w[0] == '-' && w[1] != '-' && strings.IndexByte(w, 's') > 0:
			symbolic = true
		case strings.HasPrefix(w, "-") && w != "-":
		default:
			ops = append(ops, w)
		}
	}
	if !symbolic || len(ops) != 2 || ops[0] != raw || strings.HasSuffix(ops[1], "/") || unresolved(ops[1]) {
		return p
	}
	return a.clean(path.Join(path.Dir(ops[1]), raw), i)
}
