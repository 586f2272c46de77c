package main

import (
	"fmt"
	"strings"
)

// resolve turns a command line into the binary to run. When the command is
// one rampart answers itself (help, version) or a usage error, done is true
// and code is the exit status.
func resolve(args []string, sys system) (t target, code int, done bool) {
	if len(args) == 0 {
		usage(sys.stderr)
		return target{}, exitUsage, true
	}
	name, rest := args[0], args[1:]
	switch name {
	case "help", "-h", "-help", "--help":
		return help(rest, sys)
	case "version", "-version", "--version":
		return target{}, version(sys), true
	}
	if v, ok := lookupVerb(name); ok && v.sub != nil && len(rest) > 0 && isHelpFlag(rest[0]) {
		return help([]string{name}, sys) // rampart audit --help lists its verbs
	}
	t, err := targetFor(name, rest)
	if err != nil {
		reportUsage(sys, err)
		return target{}, exitUsage, true
	}
	return t, 0, false
}

// usageError is a command line rampart cannot dispatch, with an optional
// suggestion.
type usageError struct {
	msg  string
	hint string
}

func (e *usageError) Error() string { return e.msg }

func reportUsage(sys system, err error) {
	fmt.Fprintf(sys.stderr, "rampart: error: %v\n", err)
	if ue, ok := err.(*usageError); ok && ue.hint != "" {
		fmt.Fprintf(sys.stderr, "rampart: hint: %s\n", ue.hint)
	}
	fmt.Fprintf(sys.stderr, "rampart: hint: rampart help lists the verbs\n")
}

// targetFor maps a verb and its arguments onto the binary that owns it.
func targetFor(name string, rest []string) (target, error) {
	v, ok := lookupVerb(name)
	if !ok {
		if strings.HasPrefix(name, "-") {
			return target{}, &usageError{msg: fmt.Sprintf("unknown flag %q before the verb", name)}
		}
		if !externalName(name) {
			return target{}, &usageError{msg: fmt.Sprintf("unknown verb %q", name), hint: suggestion(name)}
		}
		// Like git: any other verb runs rampart-VERB, if it exists.
		return target{bin: "rampart-" + name, args: rest, external: true, verb: name}, nil
	}
	if v.bin == "" { // help and version are handled before
		return target{}, &usageError{msg: fmt.Sprintf("%s takes no place here", name)}
	}
	args := append(append([]string{}, v.prefix...), rest...)
	if v.sub != nil {
		if len(rest) == 0 {
			return target{}, &usageError{msg: fmt.Sprintf("%s needs one of: %s", name, strings.Join(v.sub, ", "))}
		}
		if !contains(v.sub, rest[0]) {
			msg := fmt.Sprintf("unknown verb %q after %s (want %s)", rest[0], name, strings.Join(v.sub, ", "))
			hint := ""
			if s, d := closest(rest[0], v.sub); s != "" && near(rest[0], d) {
				hint = fmt.Sprintf("did you mean rampart %s %s?", name, s)
			}
			return target{}, &usageError{msg: msg, hint: hint}
		}
	}
	return target{bin: v.bin, args: args, verb: name}, nil
}

// externalName reports whether name may be the suffix of an external
// rampart-NAME command: a plain word, so that a verb can never name a path.
func externalName(name string) bool {
	if name == "" || len(name) > 64 {
		return false
	}
	for i, r := range name {
		switch {
		case r >= 'a' && r <= 'z', r >= '0' && r <= '9':
		case (r == '-' || r == '_' || r == '.') && i > 0:
		default:
			return false
		}
	}
	return true
}

func isHelpFlag(s string) bool {
	switch s {
	case "-h", "-help", "--help":
		return true
	}
	return false
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
