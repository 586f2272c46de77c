package shell

import (
	"strings"

	"rampart.dev/pkg/catalog"
)

// Some programs read options from an environment variable as well as
// from their command line: tar from TAR_OPTIONS, zip from ZIPOPT, unzip
// from UNZIP and UNZIPOPT, pytest from PYTEST_ADDOPTS. The catalogue names
// them with the property "env-options=VAR,...". A command run with such a
// variable set on the line (TAR_OPTIONS=--to-command=sh tar xf a.tar, or
// export TAR_OPTIONS=... first) is judged with the variable's words among
// its arguments, so every option the catalogue knows keeps its meaning
// whichever channel gives it. "VAR=OPTION" says the variable's whole value
// is that one option's (curl's http_proxy=HOST is --proxy HOST). A program
// whose options must come before its operands or subcommand (git's
// GIT_WORK_TREE is --work-tree, which git reads only before its verb) has
// "env-options-at=front": the words go right after the program's name.

// wrapperAssigns puts the NAME=VALUE words env, sudo or doas give the
// command they run (the first upto words) among the line's variables while
// that command is emitted, as an assignment before it would be: env
// UNZIP='-d ~/.ssh' unzip a.zip is UNZIP=... unzip a.zip. It returns what
// undoes them, nil when it assigned nothing (most wrapped commands: no
// closure is made for them).
func (s *state) wrapperAssigns(name string, words []string, dyn []bool, upto int) func() {
	if name != "env" && name != "sudo" && name != "doas" {
		return nil
	}
	var saved map[string]*variable
	for i := 1; i < len(words); i++ {
		w, known := words[i], dyn == nil || !dyn[i]
		if name == "env" && strings.HasPrefix(w, "-") && !catalog.IsAssignment(w) {
			// env -S 'NODE_OPTIONS=… npm test': the string's assignments,
			// up to its command (which may be the one env runs: upto
			// then stops before the option)
			if split, at, ok := envSplitValue(words, i); ok {
				for _, part := range splitEnvString(split) {
					if !catalog.IsAssignment(part) && !strings.HasPrefix(part, "-") {
						break
					}
					s.wrapperAssign(&saved, part, known && (dyn == nil || !dyn[at]))
				}
				i = at
			}
			continue
		}
		if i >= upto {
			break
		}
		s.wrapperAssign(&saved, w, known)
	}
	if saved == nil {
		return nil
	}
	return func() {
		for k, old := range saved {
			if old == nil {
				delete(s.vars, k)
			} else {
				s.vars[k] = *old
			}
		}
	}
}

// envSplitValue gives the string env's -S (--split-string) option at
// words[i] holds, and the index of the word that holds it.
func envSplitValue(words []string, i int) (string, int, bool) {
	w := words[i]
	switch {
	case w == "-S" || w == "--split-string":
		if i+1 < len(words) {
			return words[i+1], i + 1, true
		}
	case strings.HasPrefix(w, "--split-string="):
		return w[len("--split-string="):], i, true
	case strings.HasPrefix(w, "-S"):
		return w[2:], i, true
	case len(w) > 2 && w[1] != '-':
		// a cluster of switches taking no value before S: env -iS '…'
		for j := 1; j < len(w); j++ {
			switch w[j] {
			case 'i', '0', 'v':
				continue
			case 'S':
				if j == len(w)-1 {
					if i+1 < len(words) {
						return words[i+1], i + 1, true // env -iS 'A=1 cmd'
					}
					return "", i, false
				}
				return w[j+1:], i, true
			}
			break
		}
	}
	return "", i, false
}

// wrapperAssign records one NAME=VALUE word a wrapper gives its command,
// keeping the variable's old value in saved.
func (s *state) wrapperAssign(saved *map[string]*variable, word string, known bool) {
	k, v, ok := strings.Cut(word, "=")
	if !ok || !catalog.IsAssignment(word) {
		return
	}
	if *saved == nil {
		*saved = map[string]*variable{}
		if s.vars == nil {
			s.vars = map[string]variable{}
		}
	}
	if _, done := (*saved)[k]; !done {
		if old, had := s.vars[k]; had {
			(*saved)[k] = &old
		} else {
			(*saved)[k] = nil
		}
	}
	s.vars[k] = variable{val: v, known: known}
}

// envOptionWords returns the command's words with the options its
// environment variables give, and true, when the catalogue says the
// program reads such a variable and the line sets it to a known value.
// The variable's words (split as env -S splits, honouring quotes) go
// before a "--" that ends the options, else at the end: the programs that
// read such variables take options wherever they stand; or, for a program
// marked env-options-at=front, right after its name.
func (s *state) envOptionWords(kinds uint32, name string, words []string, dyn []bool) ([]string, []bool, bool) {
	if len(words) == 0 || name == "" {
		return nil, nil, false
	}
	if kinds&kindEnvOptions == 0 {
		return nil, nil, false // (every command asks: no entry lookup, envOptionsName)
	}
	cat := catalog.Default()
	e, _ := cat.Lookup(name, words[1:])
	if e == nil {
		return nil, nil, false
	}
	vars := e.Prop("env-options")
	if vars == "" {
		return nil, nil, false
	}
	var extra []string
	var edyn []bool
	for _, v := range strings.Split(vars, ",") {
		v, opt, valueOf := strings.Cut(v, "=")
		val, ok := s.vars[v]
		switch {
		case !ok || val.known && strings.TrimSpace(val.val) == "":
		case !val.known:
			// Options nobody can read: the command is judged as one
			// with a word that could not be resolved.
			if valueOf {
				extra, edyn = append(extra, opt), append(edyn, false)
			}
			extra, edyn = append(extra, "$"+v), append(edyn, true)
		case valueOf:
			// http_proxy=HOST curl URL: the value is one option's
			// (curl --proxy HOST URL).
			extra, edyn = append(extra, opt, val.val), append(edyn, false, false)
		default:
			for _, w := range splitEnvString(val.val) {
				extra, edyn = append(extra, w), append(edyn, false)
			}
		}
	}
	if len(extra) == 0 {
		return nil, nil, false
	}
	at := len(words)
	if e.Prop("env-options-at") == "front" {
		at = 1
	}
	for i := 1; i < at; i++ {
		if words[i] == "--" {
			at = i
			break
		}
	}
	out := make([]string, 0, len(words)+len(extra))
	out = append(append(append(out, words[:at]...), extra...), words[at:]...)
	if dyn == nil {
		dyn = make([]bool, len(words))
	}
	od := make([]bool, 0, len(out))
	od = append(append(append(od, dyn[:at]...), edyn...), dyn[at:]...)
	return out, od, true
}
