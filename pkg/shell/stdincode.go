package shell

import (
	"slices"
	"strings"

	"rampart.dev/pkg/catalog"
	"rampart.dev/pkg/internal/table"
)

// A framework console reads the code it runs from its standard input or
// from a script file it is handed: wp shell, rails console, manage.py
// shell, artisan tinker, drush php:cli read their input; wp eval-file F,
// rails runner F, drush php:script F, artisan tinker F a file. The
// catalogue marks such an entry "stdin-code=LANG" (php, ruby, python...),
// and the code is then judged as the interpreter's would be: its input
// as "python3 -"'s is, its file as "python3 F"'s.

// consoleOf gives the words of the console a command line runs, its
// name first, and the name: the words themselves, or, for an interpreter
// running a project's script (python manage.py shell, php artisan tinker,
// ruby bin/rails console), the words from the script on. ok is false
// when the catalogue marks no entry of the program stdin-code.
func consoleOf(name string, words []string) (string, []string, bool) {
	if scriptLang(name) == "python" {
		if mod, rest, ok := catalog.PythonModule(words[1:]); ok && mod != "" {
			// python -m django shell, python -m flask shell: the
			// module's own command line
			if n, ok := catalog.Default().ModuleEntry(mod); ok {
				mod = n // python3 -m pickle: the entry python-pickle
			}
			name, words = mod, append([]string{mod}, rest...)
		}
	}
	if scriptLang(name) != "" {
		op := scriptOperand(words)
		if op == "" {
			return "", nil, false
		}
		k := slices.Index(words, op)
		if k <= 0 {
			return "", nil, false
		}
		name, words = progName(op), words[k:]
	}
	if len(words) < 2 || !catalog.Default().SummaryOf(name).MayHave("stdin-code") {
		return "", nil, false
	}
	return name, words, true
}

// consoleCode classifies a console's words: the language of its code
// (the entry's stdin-code, one a scanner reads), and the word that names
// its code or script file ("" when none does); file is true when the
// catalogue says that word is a file it runs.
func consoleCode(name string, words []string) (lang, operand string, file, ok bool) {
	cl := catalog.Default().Classify(name, words[1:])
	if cl.Entry == nil {
		return "", "", false, false
	}
	if lang = cl.Entry.Prop("stdin-code"); lang == "opaque" {
		lang = name // iex: a language no scanner reads, named for its program as tclsh's is
	} else if langs.Get()[lang] == nil {
		return "", "", false, false
	}
	for _, w := range cl.Words {
		if w.Role == catalog.Code || w.Role == catalog.Exec {
			return lang, w.Text, w.Role == catalog.Exec, true
		}
	}
	return lang, "", false, true
}

// consoleReadsStdin reports whether a console reads the code it runs from
// its standard input, and in what language: it does when it is handed no
// code and no script (echo CODE | wp shell, python manage.py shell <
// s.py), or "-" or /dev/stdin for one (wp eval-file -, rails runner -).
func consoleReadsStdin(name string, words []string) (string, bool) {
	name, words, ok := consoleOf(name, words)
	if !ok {
		return "", false
	}
	lang, op, _, ok := consoleCode(name, words)
	if !ok {
		return "", false
	}
	return lang, op == "" || fromDescriptor(op)
}

// consoleScript gives the script file a console runs and its language:
// the word the catalogue says it runs (wp eval-file F, artisan tinker F),
// or a code word that names a file rather than holding code (rails
// runner /tmp/p.rb runs the file when it exists).
func consoleScript(name string, words []string) (lang, file string) {
	name, words, ok := consoleOf(name, words)
	if !ok {
		return "", ""
	}
	lang, op, runs, ok := consoleCode(name, words)
	if !ok || op == "" || fromDescriptor(op) || !runs && !codePath(lang, op) {
		return "", ""
	}
	return lang, op
}

// codeExts gives the file name ending of a scanned language's scripts.
var codeExts = table.Map[string, string]{Build: func() map[string]string {
	return map[string]string{"php": ".php", "ruby": ".rb", "python": ".py", "node": ".js", "perl": ".pl", "lua": ".lua"}
}}

// codePath reports whether a code word names a file of lang rather than
// holding code: one word, no call or statement punctuation, and a
// directory in it or the language's ending (/tmp/p.rb, script/fix.rb;
// not User.count).
func codePath(lang, w string) bool {
	if w == "" || strings.ContainsAny(w, " \t\n()'\";{}=$`<>|&,") {
		return false
	}
	return strings.Contains(w, "/") || codeExts.Get(lang) != "" && strings.HasSuffix(w, codeExts.Get(lang))
}

// ConsoleStdin gives the language a console that is no interpreter (wp
// shell, rails console, drush php) reads the code on its standard input
// in, or "": "… | wp shell" runs its input as "… | php" would.
func ConsoleStdin(c *Command) string {
	if k := c.kindsOf(); k&kindInterpreter != 0 || k&kindStdinReader == 0 {
		return ""
	}
	var buf [16]string
	words := append(append(buf[:0], c.Program), c.Args...)
	if lang, ok := consoleReadsStdin(c.Name, words); ok {
		return lang
	}
	return ""
}
