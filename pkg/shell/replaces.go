package shell

import (
	"path"
	"strings"
)

// replaces reports whether a command puts another file in place of the
// file key, whatever that file holds: a copy, move, install, link or sync
// onto it (cp /tmp/list l.txt, mv -f /tmp/s.sh ., ln -sf x s.sh) or dd
// writing it (dd of=s.sh). The text the line wrote there before is then
// no longer what the file holds; when the copy's text is known, the copy
// records it again itself.
func replaces(c *Command, key string) bool {
	switch c.Name {
	case "cp", "mv", "install", "gcp", "gmv", "ln", "rsync":
	case "dd":
		for _, a := range c.Args {
			if strings.HasPrefix(a, "of=") && keyMatch(key, strings.TrimPrefix(a, "of=")) {
				return true
			}
		}
		return false
	default:
		return false
	}
	ops, target := copyOperands(c.Args)
	if target == "" {
		if len(ops) < 2 {
			return false
		}
		target, ops = ops[len(ops)-1], ops[:len(ops)-1]
	}
	if keyMatch(key, target) {
		return true
	}
	// cp /tmp/s.sh . : a file of the same name copied into the directory
	for _, op := range ops {
		if keyMatch(key, path.Join(target, path.Base(op))) {
			return true
		}
	}
	return false
}
