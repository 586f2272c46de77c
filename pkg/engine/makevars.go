package engine

import (
	"regexp"
	"strings"

	"rampart.dev/pkg/internal/table"
)

// A makefile's recipe reaches the shell with its variables expanded by
// make: SETUP_URL = https://host/s.sh and curl $(SETUP_URL) | $(SHELL)
// is curl https://host/s.sh | /bin/sh, a download piped to a shell. The
// recipe lines autoRunLines returns are written with the file's own
// plain definitions put in (NAME = value, :=, ::=, ?=, override, export),
// SHELL is make's /bin/sh unless the file sets it, and any other
// reference is left to the environment (make passes it through: $(HOME)
// is the home directory).

// makeDefs returns the plain variable definitions of a makefile's text:
// values with no reference left once the file's other plain values are
// put in ($(shell …) and other functions stay out), and SHELL.
func makeDefs(content string) map[string]string {
	raw := map[string]string{}
	for l := range strings.SplitSeq(content, "\n") {
		if strings.HasPrefix(l, "\t") {
			continue
		}
		m := makeDef.Get().FindStringSubmatch(l)
		if m == nil {
			continue
		}
		v := m[3]
		if i := strings.Index(v, " #"); i >= 0 {
			v = v[:i]
		}
		if m[2] == "?=" {
			if _, ok := raw[m[1]]; ok {
				continue
			}
		}
		raw[m[1]] = strings.TrimSpace(v)
	}
	defs := map[string]string{"SHELL": "/bin/sh"}
	for range 3 { // a value built of others (SH := $(SHELL), U = $(HOST)/i.sh)
		for k, v := range raw {
			if v = makeExpand(v, defs, false); !strings.Contains(v, "$") {
				defs[k] = v
			}
		}
	}
	return defs
}

// makeVars writes a recipe line as the shell receives it from make: a
// reference $(NAME) or ${NAME} to a definition in defs is its value,
// any other is the environment's variable, and $$ is a dollar.
func makeVars(l string, defs map[string]string) string {
	if !strings.Contains(l, "$") {
		return l
	}
	return strings.ReplaceAll(makeExpand(l, defs, true), "$$", "$")
}

// makeExpand puts defs' values in for the references in s; env writes the
// others as the shell's ${NAME}.
func makeExpand(s string, defs map[string]string, env bool) string {
	return makeVarRef.Get().ReplaceAllStringFunc(s, func(r string) string {
		name := r[2 : len(r)-1]
		if v, ok := defs[name]; ok {
			return strings.ReplaceAll(v, "$", "$$")
		}
		if env {
			return "${" + name + "}"
		}
		return r
	})
}

var (
	makeVarRef = table.Once[*regexp.Regexp]{Build: func() *regexp.Regexp {
		return regexp.MustCompile(`\$(?:\([A-Za-z_][A-Za-z0-9_]*\)|\{[A-Za-z_][A-Za-z0-9_]*\})`)
	}}
	makeDef = table.Once[*regexp.Regexp]{Build: func() *regexp.Regexp {
		return regexp.MustCompile(`^\s*(?:(?:override|export)\s+)?([A-Za-z_][A-Za-z0-9_]*)\s*(::?=|:::=|\?=|=)\s*(.*)$`)
	}}
)
