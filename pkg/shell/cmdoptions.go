package shell

import (
	"strings"

	"rampart.dev/pkg/catalog"
)

// Options named for a command to run hold a command line whatever the
// program: a task runner's exec target (nx run tools:exec
// --command="…"), a tool's hooks (--post-hook='…', --on-success "…"),
// a watcher's action (--exec "…"). A value with a blank or a shell
// operator in it is walked as a guessed command line, as a word holding
// one given to a program the catalogue does not know is (embedded); an
// option the catalogue gives a role (a shell command, SQL, code, a file)
// is read as that role says.

// commandOptionName reports a long option's name that says its value is a
// command: one of its words is command, cmd, exec, execute, shell, hook,
// script or run, or it is an on-EVENT option.
func commandOptionName(n string) bool {
	first := true
	for part := range strings.FieldsFuncSeq(strings.ToLower(n), func(r rune) bool { return r == '-' || r == '_' }) {
		switch part {
		case "command", "commands", "cmd", "exec", "execute", "shell", "hook", "hooks", "script", "run":
			return true
		case "on":
			if first && len(n) > 3 {
				return true
			}
		}
		first = false
	}
	return false
}

// commandLine reports a value that reads as a command line rather than a
// word: it holds a blank or a shell operator.
func commandLine(v string) bool { return strings.ContainsAny(v, " \t;|&") }

// hasCommandOption reports whether a command's words may hold a command
// option's command line, cheaply: a long option with such a value attached,
// or a long option before such a word.
func hasCommandOption(words []string) bool {
	for k := 1; k < len(words); k++ {
		if w := words[k]; len(w) > 2 && w[0] == '-' && w[1] == '-' {
			if commandLine(w) || k+1 < len(words) && commandLine(words[k+1]) {
				return true
			}
		}
	}
	return false
}

// commandOptions walks the command lines a command's command options hold.
// For a program the catalogue does not know, a value in the next word is
// embedded's already.
func (s *state) commandOptions(f frame, name string, words []string, dyn []bool) {
	if f.depth >= MaxDepth || !hasCommandOption(words) {
		return
	}
	cat := catalog.Default()
	known := cat.Known(name)
	var read []bool // arguments the catalogue gives a role: its reading holds (trino --execute SQL)
	if known {
		read = make([]bool, len(words)-1)
		for _, w := range cat.Classify(name, words[1:]).Words {
			if w.Role != catalog.None && w.Role != catalog.Data && w.Index >= 0 && w.Index < len(read) {
				read[w.Index] = true
			}
		}
	}
	var g frame
	made := false
	for k := 1; k < len(words); k++ {
		w := words[k]
		if len(w) < 3 || w[0] != '-' || w[1] != '-' || dyn != nil && dyn[k] {
			continue
		}
		opt, val, eq := strings.Cut(w[2:], "=")
		at := k - 1 // the value's index among the arguments
		if !eq {
			if !known || k+1 >= len(words) || dyn != nil && dyn[k+1] {
				continue
			}
			val, at = words[k+1], k
		}
		if !commandLine(val) || read != nil && read[at] || !commandOptionName(opt) {
			continue
		}
		if !made {
			g = s.viaFrame(f, name)
			g.synthetic, g.guessed = true, true
			made = true
		}
		s.parseString(val, g)
	}
}
