package shell

import (
	"path"
	"strings"

	"rampart.dev/pkg/internal/table"
)

// Include directories code gives itself. Perl's `use lib "/tmp/lib"` (and
// `unshift @INC, DIR`, `push @INC, DIR`) and Ruby's
// `$LOAD_PATH.unshift "/tmp/lib"` (`$:`, `<<`, push, prepend) put a
// directory where the code's own module loads look, as -I and PERL5LIB
// or RUBYLIB do on the command line (envpreloads.go): `use Hook;` or
// `require "hook"` after them may load /tmp/lib/Hook.pm or
// /tmp/lib/hook.rb, each run as the file it is. Without such a
// directory a module named by its package name is the installation's.

// codeLibMarkers are, per language, the words after which code names a
// directory it adds to its module path.
var codeLibMarkers = table.Map[string, []string]{Build: func() map[string][]string {
	return map[string][]string{
		"perl": {"use lib", "@INC,", "@INC ,", "@INC =", "@INC=", "lib->import"},
		"ruby": {"$LOAD_PATH.unshift", "$LOAD_PATH.push", "$LOAD_PATH.prepend", "$LOAD_PATH <<", "$LOAD_PATH<<",
			"$:.unshift", "$:.push", "$: <<", "$:<<",
			// insert(0, DIR) and concat([DIR]) put it there as well
			"$LOAD_PATH.insert", "$LOAD_PATH.concat", "$:.insert", "$:.concat"},
		// Python's sys.path and Node's module.paths, which import and
		// require search as Perl's @INC
		"python": {"sys.path.insert", "sys.path.append", "sys.path.extend", "sys.path[0:0]", "sys.path +="},
		"node":   {"module.paths.unshift", "module.paths.push", "module.paths.splice"},
	}
}}

// codeLibs returns the directories code adds to its module path (literal
// strings after a marker, to the statement's end), or nil.
func codeLibs(lang, code string) []string {
	var dirs []string
	for _, m := range codeLibMarkers.Get(lang) {
		for at := strings.Index(code, m); at >= 0; {
			rest := code[at+len(m):]
			if end := strings.IndexAny(rest, ";\n"); end >= 0 {
				rest = rest[:end]
			}
			dirs = append(dirs, stringLiterals(rest)...)
			next := strings.Index(code[at+len(m):], m)
			if next < 0 {
				break
			}
			at += len(m) + next
		}
	}
	return dirs
}

// stringLiterals are the words of a Perl qw(…) list in text, and its
// quoted strings.
func stringLiterals(text string) []string {
	var out []string
	if i := strings.Index(text, "qw("); i >= 0 {
		if j := strings.IndexByte(text[i:], ')'); j > 0 {
			out = append(out, strings.Fields(text[i+3:i+j])...)
		}
	}
	return append(out, QuotedLiterals(text)...)
}

// runsFromLibs runs, as lang, each file a module name may be in the
// directories code added to its module path: Perl's Name::Sub in
// DIR/Name/Sub.pm, Ruby's "name" in DIR/name.rb.
func (s *state) runsFromLibs(lang, name string, dirs []string, f frame) {
	file := name
	switch lang {
	case "perl":
		file = strings.ReplaceAll(name, "::", "/")
		if !strings.HasSuffix(file, ".pm") && !strings.HasSuffix(file, ".pl") {
			file += ".pm"
		}
	case "ruby":
		if !strings.HasSuffix(file, ".rb") {
			file += ".rb"
		}
	case "python":
		file = strings.ReplaceAll(name, ".", "/") + ".py"
	case "node", "js":
		if path.Ext(file) == "" {
			file += ".js"
		}
	}
	for _, d := range dirs {
		if d != "" && !strings.ContainsAny(d, "$`@") {
			s.runFile(path.Join(d, file), lang, f)
		}
	}
}

// perlUses are the modules Perl code loads by name (use Name; require
// Name;), for the directories it added itself: the pragmas Perl has
// loaded before any such directory is added (lib, strict) are not files
// of its, while a lower-case name of another module (use hook;) is looked
// for there as any other.
func perlUses(code string) []string {
	var out []string
	for _, kw := range [...]string{"use ", "require "} {
		for at := strings.Index(code, kw); at >= 0; {
			if at == 0 || !isIdent(code[at-1]) {
				rest := code[at+len(kw):]
				n := 0
				for n < len(rest) && (isIdent(rest[n]) || rest[n] == ':') {
					n++
				}
				if name := rest[:n]; n > 0 && (upperASCII(name[0]) || !perlPragmas.Get(name)) {
					out = append(out, name)
				}
			}
			next := strings.Index(code[at+len(kw):], kw)
			if next < 0 {
				break
			}
			at += len(kw) + next
		}
	}
	return out
}

// perlPragmas are Perl's own pragmas, loaded from its installation.
var perlPragmas = table.Map[string, bool]{Words: "lib strict warnings utf8 vars constant parent base feature integer bytes overload " +
	"open locale bigint bignum bigrat diagnostics experimental fields if less sort subs threads version"}

// pythonImports are the modules Python code imports by name (import a.b,
// from a.b import c), for the directories it added to sys.path itself.
func pythonImports(code string) []string {
	var out []string
	for _, kw := range [...]string{"import ", "from "} {
		for at := strings.Index(code, kw); at >= 0; {
			if at == 0 || !isIdent(code[at-1]) && code[at-1] != '.' {
				rest := strings.TrimLeft(code[at+len(kw):], " ")
				n := 0
				for n < len(rest) && (isIdent(rest[n]) || rest[n] == '.') {
					n++
				}
				if n > 0 && rest[0] != '.' {
					out = append(out, rest[:n])
				}
			}
			next := strings.Index(code[at+len(kw):], kw)
			if next < 0 {
				break
			}
			at += len(kw) + next
		}
	}
	return out
}
