package shell

import (
	"strings"

	"rampart.dev/pkg/internal/table"
)

// findNarrows reports whether a find test with this argument picks some
// files rather than all of them: a name pattern or regular expression with
// a literal character in it (outside brackets), a -path pattern with one
// beyond the home directory it starts in, an inode, a file to compare
// with, or the size of an empty file. Attribute tests (-mtime, -user,
// -perm, -newer...) are no narrowing at all: "find ~ -mtime -36500
// -delete" removes everything.
func findNarrows(test, arg string) bool {
	switch test {
	case "-inum", "-samefile":
		return true
	case "-size":
		return arg == "0" || arg == "0c" || arg == "-1" || arg == "-1c" || arg == "0k"
	case "-regex", "-iregex":
		return regexLiteral(arg)
	case "-path", "-ipath", "-wholename", "-iwholename":
		// '/home/dev/*' and '~/*' name the tree they start in.
		rest := arg
		for _, p := range []string{"/home/", "/Users/", "/root/"} {
			if strings.HasPrefix(rest, p) {
				rest = rest[len(p):]
				if k := strings.IndexByte(rest, '/'); k >= 0 {
					rest = rest[k:]
				} else {
					rest = ""
				}
			}
		}
		rest = strings.TrimPrefix(strings.TrimPrefix(rest, "~"), ".")
		return globLiteral(rest)
	}
	return globLiteral(arg)
}

// globLiteral reports whether a glob pattern has a character that must
// match itself, outside brackets ('*.pyc' has, '?*' and '[!.]*' have not).
func globLiteral(p string) bool {
	for i := 0; i < len(p); i++ {
		switch c := p[i]; c {
		case '*', '?', '/':
		case '[':
			k := strings.IndexByte(p[i+1:], ']')
			if k < 0 {
				return true
			}
			i += k + 1
		case '\\':
			return true
		default:
			return true
		}
	}
	return false
}

// regexLiteral reports whether a regular expression has a literal
// character outside brackets ('.*\.pyc' has, '.+' and '.*' have not).
func regexLiteral(p string) bool {
	for i := 0; i < len(p); i++ {
		switch c := p[i]; c {
		case '.', '*', '+', '?', '^', '$', '(', ')', '|', '/', '{', '}':
		case '[':
			k := strings.IndexByte(p[i+1:], ']')
			if k < 0 {
				return true
			}
			i += k + 1
		case '\\':
			return i+1 < len(p)
		default:
			if c >= '0' && c <= '9' && i > 0 && p[i-1] == '{' {
				continue
			}
			return true
		}
	}
	return false
}

// fdValueOptions are fd's options that take the next word as their value.
var fdValueOptions = table.Map[string, bool]{Words: `-e --extension -t --type -E --exclude
	-d --max-depth --min-depth --exact-depth -S --size
	--changed-within --changed-before --newer --older -o
	--owner -j --threads --base-directory --search-path
	-c --color --format --path-separator --max-results
	--batch-size --ignore-file`}

// fdExec reports the commands fd runs on what it finds (-x/--exec CMD,
// -X/--exec-batch CMD, each up to ";"): with a pattern that matches every
// name and no extension, on the search paths themselves and what is below
// them, as find -exec is; else as written.
func (s *state) fdExec(f frame, words []string) {
	g := s.viaFrame(f, progName(words[0]))
	var pos []string
	narrowed, byExt := false, false
	var cmds [][]string
	for i := 1; i < len(words); i++ {
		w := words[i]
		switch {
		case w == "-x" || w == "--exec" || w == "-X" || w == "--exec-batch":
			j := i + 1
			for j < len(words) && words[j] != ";" {
				j++
			}
			if j > i+1 {
				cmds = append(cmds, words[i+1:j])
			}
			i = j
		case w == "-e" || w == "--extension" || strings.HasPrefix(w, "--extension="):
			narrowed, byExt = true, true
			if !strings.Contains(w, "=") {
				i++
			}
		case fdValueOptions.Get(w):
			i++
		case strings.HasPrefix(w, "-"):
		default:
			pos = append(pos, w)
		}
	}
	name := ""
	if len(pos) > 0 {
		narrowed = narrowed || regexLiteral(pos[0])
		// '^\.ssh$': a name, which fd matches anywhere below the paths.
		if n := strings.ReplaceAll(strings.TrimSuffix(strings.TrimPrefix(pos[0], "^"), "$"), `\.`, "."); n != "" && !strings.ContainsAny(n, `\^$*+?()[]{}|`) {
			name = n
		}
		pos = pos[1:]
	}
	if len(pos) == 0 {
		pos = []string{"."}
	}
	for _, cmd := range cmds {
		s.emitWords(g, cmd, nil, nil, false)
		if narrowed {
			if name != "" && !byExt {
				withName := cmd
				if !contains(cmd, "{}") {
					withName = append(cmd[:len(cmd):len(cmd)], "{}")
				}
				s.findExec(g, withName, namedUnder(pos, name))
			}
			continue
		}
		for _, paths := range [][]string{pos, namedUnder(pos, "*")} {
			withPaths := cmd
			if !contains(cmd, "{}") {
				withPaths = append(cmd[:len(cmd):len(cmd)], "{}")
			}
			s.findExec(g, withPaths, paths)
		}
	}
}
