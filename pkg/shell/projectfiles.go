package shell

import (
	"strings"

	"rampart.dev/pkg/internal/table"
)

// cmakeKeywords end the words of a CMake COMMAND argument.
var cmakeKeywords = table.Map[string, bool]{Words: `COMMAND WORKING_DIRECTORY OUTPUT_VARIABLE ERROR_VARIABLE
	RESULT_VARIABLE RESULTS_VARIABLE INPUT_FILE OUTPUT_FILE
	ERROR_FILE TIMEOUT OUTPUT_QUIET ERROR_QUIET COMMAND_ECHO
	OUTPUT_STRIP_TRAILING_WHITESPACE ERROR_STRIP_TRAILING_WHITESPACE ENCODING
	COMMAND_ERROR_IS_FATAL ECHO_OUTPUT_VARIABLE ECHO_ERROR_VARIABLE
	DEPENDS BYPRODUCTS COMMENT VERBATIM USES_TERMINAL
	OUTPUT MAIN_DEPENDENCY IMPLICIT_DEPENDS DEPFILE JOB_POOL
	SOURCES ALL APPEND POST_BUILD PRE_BUILD PRE_LINK TARGET`}

// cmakeCommands gives the command lines of a CMake file: the words after
// each COMMAND keyword (execute_process, add_custom_command,
// add_custom_target) up to the next keyword or the closing parenthesis.
// CMake runs them without a shell; as a command line they mean the same.
// file(REMOVE_RECURSE P…) and file(REMOVE P…) are rm -rf and rm -f of the
// paths.
func cmakeCommands(text string) string {
	var b strings.Builder
	fields := strings.FieldsFunc(text, func(r rune) bool { return r == ' ' || r == '\t' || r == '\n' || r == '\r' })
	for i := 0; i < len(fields); i++ {
		prefix := ""
		switch f := strings.ToLower(fields[i]); {
		case fields[i] == "COMMAND" || strings.HasSuffix(fields[i], "(COMMAND"):
		case (f == "file(remove_recurse" || f == "file(" && i+1 < len(fields) && fields[i+1] == "REMOVE_RECURSE"):
			prefix = "rm -rf "
		case (f == "file(remove" || f == "file(" && i+1 < len(fields) && fields[i+1] == "REMOVE"):
			prefix = "rm -f "
		default:
			continue
		}
		if strings.EqualFold(fields[i], "file(") {
			i++ // the REMOVE word after "file("
		}
		var words []string
		for j := i + 1; j < len(fields); j++ {
			w := fields[j]
			if cmakeKeywords.Get(w) {
				break
			}
			end := strings.HasSuffix(w, ")") && !strings.HasSuffix(w, "\\)") && strings.Count(w, "(") < strings.Count(w, ")")
			w = strings.TrimSuffix(w, ")")
			if w != "" {
				words = append(words, w)
			}
			if end {
				break
			}
		}
		if len(words) > 0 {
			b.WriteString(prefix + strings.Join(words, " ") + "\n")
		}
	}
	return b.String()
}

// keyedValues gives the values of a YAML file's KEY: lines (pre-commit's
// entry:, lefthook's run:), each a command line, quotes removed.
func keyedValues(text, key string) string {
	var b strings.Builder
	for _, l := range strings.Split(text, "\n") {
		t := strings.TrimLeft(strings.TrimSpace(l), "- ")
		if v, ok := strings.CutPrefix(t, key+":"); ok {
			v = strings.TrimSpace(v)
			if len(v) >= 2 && (v[0] == '"' || v[0] == '\'') && v[len(v)-1] == v[0] {
				v = v[1 : len(v)-1]
			}
			if v != "" && v != "|" && v != ">" {
				b.WriteString(v + "\n")
			}
		}
	}
	return b.String()
}

// pkgSetScripts judges the package scripts a command line sets: npm pkg
// set scripts.NAME=CMD (pnpm's and bun's too), composer config
// scripts.NAME CMD. The script runs whenever the runner runs it, as npm
// set-script's does.
func (s *state) pkgSetScripts(name string, words []string, f frame) {
	if name == "composer" {
		// composer config [OPTIONS] scripts.NAME CMD…: the script composer
		// runs for that event or command
		for k := 2; k+1 < len(words) && words[1] == "config"; k++ {
			if strings.HasPrefix(words[k], "scripts.") {
				s.parseString(strings.Join(words[k+1:], " "), s.viaFrame(f, name))
				return
			}
		}
		return
	}
	i := 1
	if name == "bun" && len(words) > 2 && words[1] == "pm" {
		i = 2
	}
	if len(words) < i+3 || words[i] != "pkg" || words[i+1] != "set" {
		return
	}
	for _, w := range words[i+2:] {
		k, v, ok := strings.Cut(w, "=")
		if ok && (strings.HasPrefix(k, "scripts.") || strings.HasPrefix(k, "scripts[")) {
			s.parseString(v, s.viaFrame(f, name))
		}
	}
}

// iniValues gives the values of an INI file's settings (tox.ini's
// commands = CMD), each a command line, with the indented lines that
// continue a value as lines of their own.
func iniValues(text string) string {
	var b strings.Builder
	inValue := false
	for _, l := range strings.Split(text, "\n") {
		t := strings.TrimSpace(l)
		switch {
		case t == "" || t[0] == '#' || t[0] == ';':
			continue
		case t[0] == '[':
			inValue = false
		case l[0] == ' ' || l[0] == '\t':
			if inValue {
				b.WriteString(t + "\n")
			}
		default:
			_, v, ok := strings.Cut(t, "=")
			inValue = ok
			if v = strings.TrimSpace(v); ok && v != "" {
				b.WriteString(v + "\n")
			}
		}
	}
	return b.String()
}
