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
func (s *state) replaces(c *Command, key string) bool {
	switch c.Name {
	case "cp", "mv", "install", "gcp", "gmv", "ln", "rsync":
		_, ok := s.copiedOnto(c, key)
		return ok
	case "dd":
		for _, a := range c.Args {
			if strings.HasPrefix(a, "of=") && s.keyMatch(key, strings.TrimPrefix(a, "of=")) {
				return true
			}
		}
	}
	return false
}

// copiedOnto reports the operand a copy-like command (cp, mv, install,
// ln, rsync) carries onto the file key: the one source when the target is
// the file itself, or the source of the same name when the target is a
// directory (cp /tmp/s.sh ., cp -t . /tmp/s.sh).
func (s *state) copiedOnto(c *Command, key string) (string, bool) {
	ops, target := copyOperands(c.Args)
	if target == "" {
		if len(ops) < 2 {
			return "", false
		}
		target, ops = ops[len(ops)-1], ops[:len(ops)-1]
	}
	if len(ops) == 1 && s.keyMatch(key, target) {
		return ops[0], true
	}
	for _, op := range ops {
		if s.keyMatch(key, path.Join(target, path.Base(op))) {
			return op, true
		}
	}
	return "", false
}
