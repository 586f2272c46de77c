package shell

import (
	"strings"

	"rampart.dev/pkg/catalog"
	"rampart.dev/pkg/internal/table"
)

// Options named for a command to run hold a command line whatever the
// program: a task runner's exec target (nx run tools:exec
// --command="…"), a tool's hooks (--post-hook='…', --on-success "…"),
// a watcher's action (--exec "…"). A value with a blank or a shell
// operator in it is walked as a guessed command line, as a word holding
// one given to a program the catalogue does not know is (embedded, which
// reads an attached --any-option='…' value the same way); a value that
// is a path (--post-hook=./s.sh) runs that file; an option the catalogue
// gives a role (a shell command, SQL, code, a file) is read as that role
// says.

// commandOptionName reports a long option's name that says its value is a
// command: one of its words (split at -, _ and camelCase humps) is command,
// cmd, exec, execute, shell, hook, script or run, or such a word behind pre
// or post (precmd, posthook), or it is an on-EVENT option (on-success,
// onSuccess, onfailure), or a before- or after-EVENT one (after-success,
// preStart).
func commandOptionName(n string) bool {
	parts := optionWords(n)
	for i, part := range parts {
		if commandWords.Get(part) {
			return true
		}
		for _, pre := range [...]string{"pre", "post", "on"} {
			if rest, ok := strings.CutPrefix(part, pre); ok && commandWords.Get(rest) {
				return true
			}
		}
		if rest, ok := strings.CutPrefix(part, "on"); ok && i == 0 && (rest == "" && len(parts) > 1 || optionEvents.Get(rest)) {
			return true
		}
		if (part == "before" || part == "after" || part == "pre" || part == "post") && i+1 < len(parts) && optionEvents.Get(parts[i+1]) {
			return true
		}
	}
	return false
}

// commandWords are the words of an option name that say a command.
var commandWords = table.Map[string, bool]{Words: `command commands cmd exec execute
	shell hook hooks script run callback healthcheck`}

// optionEvents are the events an on-EVENT or after-EVENT option runs its
// command at.
var optionEvents = table.Map[string, bool]{Words: `success failure fail error exit
	start stop change complete done finish save`}

// optionWords splits an option name into its lower-case words at -, _ and
// the humps of camelCase (runCommand: run, command).
func optionWords(n string) []string {
	var out []string
	for part := range strings.FieldsFuncSeq(n, func(r rune) bool { return r == '-' || r == '_' || r == '.' }) {
		from := 0
		for i := 1; i < len(part); i++ {
			if part[i] >= 'A' && part[i] <= 'Z' && part[i-1] >= 'a' && part[i-1] <= 'z' {
				out = append(out, strings.ToLower(part[from:i]))
				from = i
			}
		}
		out = append(out, strings.ToLower(part[from:]))
	}
	return out
}

// commandLine reports a value that reads as a command line rather than a
// word: it holds a blank (also $IFS, which splits into one) or a shell
// operator.
func commandLine(v string) bool {
	return strings.ContainsAny(v, " \t;|&") || strings.Contains(v, "$IFS") || strings.Contains(v, "${IFS}")
}

// scriptPath reports a value that names a file to run by its path
// (--post-hook=./s.sh): a command option given one runs that file.
func scriptPath(v string) bool {
	if v == "" || strings.ContainsAny(v, " \t") {
		return false
	}
	return v[0] == '/' || strings.HasPrefix(v, "./") || strings.HasPrefix(v, "../") || strings.HasPrefix(v, "~/")
}

// hasCommandOption reports whether a command's words may hold a command
// option's command line, cheaply: a long option with such a value attached,
// or a long option before such a word.
func hasCommandOption(words []string) bool {
	for k := 1; k < len(words); k++ {
		if w := words[k]; len(w) > 2 && w[0] == '-' && w[1] == '-' {
			if commandLine(w) || k+1 < len(words) && (commandLine(words[k+1]) || scriptPath(words[k+1])) {
				return true
			}
			if _, v, ok := strings.Cut(w, "="); ok && scriptPath(v) {
				return true
			}
		}
	}
	return false
}

// writtenScript reports a value naming a file an earlier command of the
// line wrote (pbpaste > h.sh; tool --hook=h.sh, curl -o hooks/x.sh …;
// tool --on-success hooks/x.sh): a command option given it runs that
// file, however its path is spelled, as it runs ./h.sh.
func (s *state) writtenScript(v string) bool {
	if v == "" || v[0] == '-' || strings.ContainsAny(v, " \t$`=:") {
		return false
	}
	if s.knownText(v) || s.opaque.has(s.key(v)) {
		return true
	}
	if _, ok := s.writtenBefore(len(s.out), v); ok {
		return true
	}
	// a download or copy (curl -so h.sh URL), which writtenBefore leaves
	// to the engine's reading of downloads run
	key := s.key(v)
	for k := range s.out {
		c := &s.out[k]
		if !copiers.Get(c.Name) {
			continue
		}
		for _, w := range catalog.Default().Classify(c.Name, c.Args).Words {
			if (w.Role == catalog.Write || w.Role == catalog.Dest) && s.keyMatch(key, w.Text) {
				return true
			}
		}
	}
	return false
}

// namesWrittenScript reports whether a command option of words is given a
// file the line wrote (writtenScript), attached or in the next word.
func (s *state) namesWrittenScript(words []string) bool {
	if len(s.files) == 0 && len(s.opaque) == 0 && len(s.out) < 2 {
		return false // nothing written before this command
	}
	for k := 1; k < len(words); k++ {
		w := words[k]
		if len(w) < 3 || w[0] != '-' || w[1] != '-' {
			continue
		}
		opt, v, eq := strings.Cut(w[2:], "=")
		if !eq && k+1 < len(words) {
			v = words[k+1]
		}
		if commandOptionName(opt) && s.writtenScript(v) {
			return true
		}
	}
	return false
}

// commandOptions walks the command lines a command's command options hold.
// For a program the catalogue does not know, a value in the next word is
// embedded's already.
func (s *state) commandOptions(f frame, name string, words []string, dyn []bool) {
	if f.depth >= MaxDepth || !hasCommandOption(words) && !s.namesWrittenScript(words) {
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
			if k+1 >= len(words) || dyn != nil && dyn[k+1] || !known && !scriptPath(words[k+1]) && !s.writtenScript(words[k+1]) {
				continue // (embedded walked an unknown program's command lines)
			}
			val, at = words[k+1], k
		}
		if read != nil && read[at] || !commandOptionName(opt) {
			continue
		}
		if !commandLine(val) && !scriptPath(val) {
			if !s.writtenScript(val) {
				continue
			}
			if !strings.Contains(val, "/") {
				val = "./" + val // the file, not a program found on the PATH
			}
		}
		if !made {
			g = s.viaFrame(f, name)
			g.synthetic, g.guessed = true, true
			made = true
		}
		s.parseString(val, g)
	}
}

// mavenExec walks what Maven's exec plugin runs: its exec.executable
// property's program with its exec.args, set as -D properties on the line
// (mvn exec:exec -Dexec.executable=sh -Dexec.args='-c "…"').
func (s *state) mavenExec(f frame, name string, words []string) {
	if name != "mvn" && name != "mvnw" || !mavenExecNamed(words) {
		return
	}
	prog, args := "", ""
	for k := 1; k < len(words); k++ {
		w := words[k]
		if w == "-D" && k+1 < len(words) {
			k++
			w = "-D" + words[k]
		}
		if v, ok := strings.CutPrefix(w, "-Dexec.executable="); ok {
			prog = v
		} else if v, ok := strings.CutPrefix(w, "-Dexec.args="); ok {
			args = v
		}
	}
	if prog == "" || f.depth >= MaxDepth {
		return
	}
	g := s.viaFrame(f, name)
	g.synthetic = true
	s.parseString(quoteWord(prog)+" "+args, g)
}

// mavenExecNamed reports a Maven line that names the exec plugin's program.
func mavenExecNamed(words []string) bool {
	for _, w := range words[1:] {
		if strings.Contains(w, "exec.executable=") {
			return true
		}
	}
	return false
}

// plainWordsMaven reports a Maven line whose exec plugin runs a program it
// names: such a line is walked, not passed as plain.
func plainWordsMaven(name string, words []string) bool {
	return (name == "mvn" || name == "mvnw") && mavenExecNamed(words)
}

// npmRunEnv gives the command "npm run env -- CMD" hands npm's built-in
// env script (env CMD); a package's own env script would get the same
// words. ok is false for other lines.
func npmRunEnv(name string, words []string) ([]string, bool) {
	if name != "npm" || len(words) < 4 || words[1] != "run" && words[1] != "run-script" && words[1] != "rum" && words[1] != "urn" || words[2] != "env" {
		return nil, false
	}
	rest := words[3:]
	if rest[0] == "--" {
		rest = rest[1:]
	}
	return rest, len(rest) > 0
}

// composerScripts reports "composer config … scripts.NAME …", which sets a
// script composer runs (projectfiles.go).
func composerScripts(name string, words []string) bool {
	if name != "composer" || len(words) < 3 || words[1] != "config" {
		return false
	}
	for _, w := range words[2:] {
		if strings.HasPrefix(w, "scripts.") {
			return true
		}
	}
	return false
}
