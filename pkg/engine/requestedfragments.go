package engine

import (
	"path"
	"strings"
)

// Text put into a run-later file by an edit rather than written whole: sed
// -i's replacement in a makefile's recipe (s#go test ./...#curl … | sh#),
// an a\ line appended to a CI file's script list ("    - make deploy"),
// an editor's Edit of one recipe line. Such a fragment holds no rule, key
// or target of the file's own syntax, only the commands it puts where
// commands are; it is read as those commands.

// recipeFragmentLines returns the lines of a makefile's or justfile's
// fragment that holds no rule, assignment or directive: each line a
// command. A text with any of those is the file's own syntax, read by its
// reader.
func recipeFragmentLines(content string) []string {
	var out []string
	for l := range strings.SplitSeq(content, "\n") {
		t := strings.TrimSpace(l)
		if t == "" || strings.HasPrefix(t, "#") {
			continue
		}
		if makeSyntax(t) {
			return nil
		}
		out = append(out, strings.TrimLeft(t, "@-+ "))
	}
	return out
}

// makeSyntax reports a line of make's or just's own syntax: a rule
// (target: prerequisites, not a URL's scheme), an assignment (=, :=, ?=,
// +=, !=) or a directive.
func makeSyntax(t string) bool {
	first, _, _ := strings.Cut(t, " ")
	switch first {
	case "include", "-include", "sinclude", "ifeq", "ifneq", "ifdef", "ifndef", "else", "endif", "define", "endef", "export", "unexport", "override", "vpath", "set", "alias", "import", "mod":
		return true
	}
	for i := 0; i < len(t); i++ {
		switch c := t[i]; {
		case c == '=':
			return i > 0 && !strings.ContainsAny(t[:i], "'\"|;&<>()") // X = y, X := y; not a command's --opt=v
		case c == ':':
			return !strings.HasPrefix(t[i:], "://") && !strings.ContainsAny(t[:i], "'\"|;&<>=")
		case c == '\'' || c == '"' || c == '|' || c == ';' || c == '&' || c == '<' || c == '>':
			return false // a command's quoting or operators come first
		}
	}
	return false
}

// yamlFragmentLines returns the items of a YAML fragment that holds only a
// list's items or plain scalars, no key: what an edit appends to a CI
// step's script list. A text with a key is a document, read by its keys.
func yamlFragmentLines(src []string) []string {
	var out []string
	for _, l := range src {
		t := strings.TrimSpace(l)
		if t == "" || strings.HasPrefix(t, "#") {
			continue
		}
		item := strings.TrimSpace(strings.TrimPrefix(t, "-"))
		if yamlKeyed(item) {
			return nil
		}
		out = append(out, strings.Trim(item, `"'`))
	}
	return out
}

// yamlKeyed reports a YAML line that starts with a key (name: value, name:).
func yamlKeyed(t string) bool {
	for i := 0; i < len(t); i++ {
		c := t[i]
		if c == ':' {
			return i > 0 && (i == len(t)-1 || t[i+1] == ' ')
		}
		if !(c == '_' || c == '-' || c == '.' || c == '/' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9') {
			return false
		}
	}
	return false
}

// laterRunFile reports a file autoRunLines does not take whose commands
// laterRunLines reads by its format (laterReadingOf: a Dockerfile, a
// Procfile, a compose file, a CI system's YAML, TOML and INI command keys,
// composer.json's scripts, a Debian maintainer script; a build file in a
// language read by its quoted strings, code a build runs): text a command
// line shows it writes there is judged as a Write of that text is.
func laterRunFile(p string) bool {
	base := path.Base(p)
	lower, dir := strings.ToLower(base), path.Base(path.Dir(p))
	if laterReadingOf(p, lower, dir) != readsNone || quotedStringFile(lower) {
		return true // autorunlater.go
	}
	interp, _ := laterInterpreter(lower)
	return interp != ""
}

// dockerfileInstructions are the words that start a Dockerfile's lines.
var dockerfileInstructions = []string{"FROM", "RUN", "CMD", "LABEL", "MAINTAINER", "EXPOSE", "ENV", "ADD", "COPY", "ENTRYPOINT",
	"VOLUME", "USER", "WORKDIR", "ARG", "ONBUILD", "STOPSIGNAL", "HEALTHCHECK", "SHELL"}

// dockerfileFragmentLines returns the lines of a Dockerfile's fragment that
// holds no instruction (sed's replacement inside a RUN): each line a
// command. A text with an instruction is the file's own, read by its RUNs.
func dockerfileFragmentLines(content string) []string {
	var out []string
	for l := range strings.SplitSeq(content, "\n") {
		t := strings.TrimSpace(l)
		if t == "" || strings.HasPrefix(t, "#") {
			continue
		}
		first, _, _ := strings.Cut(t, " ")
		for _, in := range dockerfileInstructions {
			if strings.EqualFold(first, in) {
				return nil
			}
		}
		out = append(out, strings.TrimSuffix(strings.TrimSpace(strings.TrimPrefix(t, "&&")), "\\"))
	}
	return out
}
