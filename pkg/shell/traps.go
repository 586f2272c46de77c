package shell

import "strings"

// A trap's command runs when its signal comes, most often at EXIT: after
// the rest of the line. It is walked at the end, where the variables the
// line set after the trap (tmp=$(mktemp)) are known.

// trapDef is a trap command waiting to be walked.
type trapDef struct {
	text string
	f    frame
}

// trapCommand gives the command of "trap [--] CMD SIGNAL...", or "" for
// the forms that list or reset traps (trap -p, trap -l, trap - INT).
func trapCommand(words []string) string {
	i := 1
	if i < len(words) && words[i] == "--" {
		i++
	}
	if i+1 >= len(words) || strings.HasPrefix(words[i], "-") {
		return ""
	}
	return words[i]
}

// deferTrap keeps a trap's command for walkTraps.
func (s *state) deferTrap(words []string, f frame) {
	if cmd := trapCommand(words); cmd != "" && len(s.traps) < MaxCommands {
		s.traps = append(s.traps, trapDef{cmd, s.viaFrame(f, "trap")})
	}
}

// walkTraps walks the traps' commands, as the shell runs them on exit.
func (s *state) walkTraps() {
	for i := 0; i < len(s.traps); i++ {
		t := s.traps[i]
		t.f.pl = nil
		s.parseString(t.text, t.f)
	}
	s.traps = nil
}
