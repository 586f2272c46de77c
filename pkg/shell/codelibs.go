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
		"perl": {"use lib", "@INC,", "@INC ,", "@INC =", "@INC="},
		"ruby": {"$LOAD_PATH.unshift", "$LOAD_PATH.push", "$LOAD_PATH.prepend", "$LOAD_PATH <<", "$LOAD_PATH<<",
			"$:.unshift", "$:.push", "$: <<", "$:<<"},
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
	}
	for _, d := range dirs {
		if d != "" && !strings.ContainsAny(d, "$`@") {
			s.runFile(path.Join(d, file), lang, f)
		}
	}
}

// perlUses are the modules Perl code loads by name (use Name; require
// Name;), for the directories it added itself: pragmas (lowercase: lib,
// strict) are not files of its.
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
				if name := rest[:n]; n > 0 && upperASCII(name[0]) {
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
