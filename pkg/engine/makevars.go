package engine

import (
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
// put in ($(shell …) and other functions stay out), a value whose only
// references are the environment's with those written as the shell's
// (H := $(HOME) is ${HOME}), a define … endef block's lines, a target's
// own variables (setup: URL = …) as the file's, CURDIR (the directory make
// runs in) and SHELL.
func makeDefs(content string) map[string]string {
	raw := map[string]string{}
	lines := strings.Split(content, "\n")
	for n := 0; n < len(lines); n++ {
		l := lines[n]
		if strings.HasPrefix(l, "\t") {
			continue
		}
		if name, ok := strings.CutPrefix(strings.TrimSpace(l), "define "); ok {
			// define NAME … endef: the lines between are the value
			var body []string
			for n++; n < len(lines) && strings.TrimSpace(lines[n]) != "endef"; n++ {
				body = append(body, lines[n])
			}
			name = strings.TrimSpace(strings.TrimRight(strings.TrimSpace(name), ":=!?+"))
			raw[name] = strings.Join(body, "\n")
			continue
		}
		m := makeDef.Get().FindStringSubmatch(l)
		if m == nil {
			if target, rest, ok := strings.Cut(l, ":"); ok && !strings.ContainsAny(target, "=$") && !strings.HasPrefix(rest, "=") {
				m = makeDef.Get().FindStringSubmatch(rest) // setup: URL = …, a target's own variable
			}
		}
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
	defs := map[string]string{"SHELL": "/bin/sh", "CURDIR": "."}
	for range 3 { // a value built of others (SH := $(SHELL), U = $(HOST)/i.sh)
		for k, v := range raw {
			if v = makeExpand(v, defs, false); !strings.Contains(v, "$") {
				defs[k] = v
			}
		}
	}
	for k, v := range raw {
		if _, ok := defs[k]; ok {
			continue
		}
		// references left are the environment's (H := $(HOME)): the
		// shell's ${HOME}; a function ($(shell …), $(wildcard …)) is not
		if v = makeExpand(v, defs, true); !strings.Contains(v, "$(") {
			defs[k] = v
		}
	}
	return defs
}

// recipePrefix gives the character that starts a makefile's recipe lines:
// a tab, or the first character of .RECIPEPREFIX's value.
func recipePrefix(content string) string {
	for l := range strings.SplitSeq(content, "\n") {
		if rest, ok := strings.CutPrefix(strings.TrimSpace(l), ".RECIPEPREFIX"); ok {
			rest = strings.TrimSpace(strings.TrimLeft(strings.TrimSpace(rest), ":="))
			if rest != "" {
				return rest[:1]
			}
		}
	}
	return "\t"
}

// ruleRecipe gives the recipe a rule line carries after a semicolon
// (setup: ; curl … | sh), or "".
func ruleRecipe(l string) string {
	colon := strings.IndexByte(l, ':')
	semi := strings.IndexByte(l, ';')
	if colon <= 0 || semi < colon || strings.ContainsAny(l[:colon], "=$\t") || strings.HasPrefix(l[colon:], ":=") {
		return ""
	}
	return strings.TrimSpace(l[semi+1:])
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
		if r == "$$" {
			return r // the shell's dollar, written twice
		}
		name := r[1:] // $X: a one-letter name
		if len(r) > 2 {
			name = r[2 : len(r)-1]
		}
		if v, ok := defs[name]; ok {
			return strings.ReplaceAll(v, "$", "$$")
		}
		if len(r) == 2 {
			return r // $HOME in a recipe: left as the shell's, as written
		}
		if env {
			return "${" + name + "}"
		}
		return r
	})
}

var (
	makeVarRef = table.Regexp{Expr: `\$\$|\$(?:\([A-Za-z_][A-Za-z0-9_]*\)|\{[A-Za-z_][A-Za-z0-9_]*\}|[A-Za-z_])`}
	makeDef    = table.Regexp{Expr: `^\s*(?:(?:override|export)\s+)?([A-Za-z_][A-Za-z0-9_]*)\s*(::?=|:::=|\?=|=)\s*(.*)$`}
)
