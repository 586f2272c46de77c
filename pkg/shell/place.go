package shell

import (
	"path"
	"strings"
)

// Place is where a line runs: its working directory and the home
// directory, both absolute. Given to ParseIn, it lets the walk know that
// /home/dev/project/s.sh, ~/project/s.sh, ../project/s.sh and s.sh are one
// file when the line runs in /home/dev/project: a file written under one
// spelling and run under another runs what was written. The zero Place
// knows neither, and spellings are told apart as written.
type Place struct {
	Dir  string // the working directory the line starts in
	Home string // the user's home directory
}

// key turns a file key (fileKey's normal form) into the one spelling the
// walk keeps for its file: relative below the working directory (unless
// that is the home itself), "~/…" elsewhere below the home, absolute
// otherwise. Keys holding unexpanded parameters are kept as they are.
func (p Place) key(k string) string {
	if p.Dir == "" || k == "" || strings.ContainsAny(k, "$`") {
		return k
	}
	var abs string
	switch {
	case strings.HasPrefix(k, "~/"):
		if p.Home == "" {
			return k
		}
		abs = p.Home + k[1:]
	case k[0] == '/':
		abs = k
	case p.Dir != p.Home && k != ".." && !strings.HasPrefix(k, "../"):
		return k // already relative below the working directory
	default:
		abs = path.Join(p.Dir, k)
	}
	if p.Dir != p.Home {
		if rest, ok := below(abs, p.Dir); ok {
			return rest
		}
	}
	if p.Home != "" {
		if rest, ok := below(abs, p.Home); ok {
			if rest == "." {
				return "~"
			}
			return "~/" + rest
		}
	}
	return abs
}

// below reports the part of abs under the directory dir, "." for dir
// itself.
func below(abs, dir string) (string, bool) {
	if abs == dir {
		return ".", true
	}
	if dir == "/" {
		return abs[1:], abs != "/"
	}
	if len(abs) > len(dir) && abs[len(dir)] == '/' && strings.HasPrefix(abs, dir) {
		return abs[len(dir)+1:], true
	}
	return "", false
}

// key is the walk's key for the file a word names (fileKey, then the
// line's Place).
func (s *state) key(p string) string { return s.at.key(fileKey(p)) }
