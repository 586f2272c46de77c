package shell

import (
	"path"
	"strings"

	"rampart.dev/pkg/internal/substrs"
	"rampart.dev/pkg/match"
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
	if p.Dir == "" || k == "" || substrs.AnyByte(k, "$`") {
		return k
	}
	if k[0] != '/' && k[0] != '~' && p.Dir != p.Home && k != ".." && !strings.HasPrefix(k, "../") {
		return k // already relative below the working directory
	}
	if k[0] == '~' && p.Home == "" {
		return k
	}
	// ~user, /proc/self/cwd/…, // and /./ resolved as the kernel would
	abs := match.CleanPath(k, p.Dir, p.Home)
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

// oneVariable reports a word that is one variable's expansion alone:
// $NAME or ${NAME}.
func oneVariable(w string) bool {
	if len(w) < 2 || w[0] != '$' {
		return false
	}
	n := w[1:]
	if n[0] == '{' && n[len(n)-1] == '}' {
		n = n[1 : len(n)-1]
	}
	return validName(n)
}

// key is the walk's key for the file a word names: fileKey, taken from
// the directory the line's cd commands moved to, then the line's Place.
// A name holding an expansion the walk could not resolve stays as it is,
// but for one variable alone ("$GITHUB_ENV"), which is taken from there as
// the effects take it.
func (s *state) key(p string) string {
	if s.dir == "" && s.at.Dir != s.at.Home && plainName(p) {
		// a program's name, a word: relative below the working
		// directory, as fileKey and Place.key leave it
		return p
	}
	k := fileKey(p)
	if s.dir != "" && k != "" && k[0] != '/' && k[0] != '~' && (!substrs.AnyByte(k, "$`") || oneVariable(k)) {
		k = fileKey(path.Join(s.dir, k))
	}
	return s.at.key(k)
}

// plainName reports a name that holds none of / $ ~ ` and is not "": a
// file's name in the working directory, whatever the shell's expansions
// (not "..", the directory above).
func plainName(p string) bool {
	if p == "" || p == ".." {
		return false
	}
	for i := 0; i < len(p); i++ {
		switch p[i] {
		case '/', '$', '~', '`':
			return false
		}
	}
	return true
}

// moveDir follows a cd (or pushd, popd) to a directory it names, for
// what runs after it in the same shell (not past a pipeline stage, a
// subshell, a string another shell runs, or a remote host's command): relative names written after it are taken from there (cd sub;
// bash s.sh runs sub/s.sh; pushd sub … popd comes back). cd's -P, -L, -e
// and -- change nothing of where it goes. A cd to a word not known leaves
// the names as they are.
func (s *state) moveDir(f frame, words []string, dyn []bool) {
	if f.inPipe || f.pl != nil && f.pl.stage > 0 || f.remote {
		return // (a string another shell runs gives the line its place back after it: parseString)
	}
	k := 1
	for k < len(words) && (dyn == nil || !dyn[k]) && len(words[k]) > 1 && words[k][0] == '-' && strings.Trim(words[k][1:], "PLe@") == "" {
		k++
	}
	if k < len(words) && words[k] == "--" {
		k++
	}
	words, name := words[k-1:], words[0]
	if dyn != nil {
		dyn = dyn[k-1:]
	}
	if name == "popd" {
		if n := len(s.dirs); n > 0 && len(words) == 1 {
			s.setOldDir()
			s.dir, s.dirs = s.dirs[n-1], s.dirs[:n-1]
		}
		return
	}
	if name == "cd" && len(words) == 2 && words[1] == "-" && (dyn == nil || !dyn[1]) {
		// cd - goes back to where the last cd left (OLDPWD)
		if s.old.set {
			s.dir, s.old.dir = s.old.dir, s.dir
			s.dirLost, s.old.lost = s.old.lost, s.dirLost
			s.oldPwdVar()
		}
		return
	}
	if len(words) == 2 {
		if rest, ok := homeVar(words[1]); ok {
			words, dyn = []string{name, "~" + rest}, nil // cd $HOME/sub
		}
	}
	var to string
	switch {
	case len(words) == 1 && name == "cd":
		to = "~"
	case len(words) == 2 && (dyn == nil || !dyn[1]) && words[1] != "-" && !strings.HasPrefix(words[1], "-") && !strings.HasPrefix(words[1], "+"):
		to = words[1]
	default:
		s.lostDir()
		return
	}
	if rest, ok := strings.CutPrefix(to, "$PWD"); ok && (rest == "" || rest[0] == '/') {
		to = "." + rest // $(pwd)/sub, $(realpath x): from where the line is now
	}
	if substrs.AnyByte(to, "$`*?[") {
		s.lostDir()
		return
	}
	if name == "pushd" {
		s.dirs = append(s.dirs, s.dir)
	}
	s.setOldDir()
	if to == "~" || strings.HasPrefix(to, "~/") || to[0] == '/' {
		s.dirLost = false // a move to a named place: known again
	}
	s.dir = s.dirFor(to)
}

// dirFor is the walk's directory after a move to the directory word to
// (absolute, under the home, or relative to where the walk is).
func (s *state) dirFor(to string) string {
	if to == "~" || strings.HasPrefix(to, "~/") || to[0] == '/' {
		return fileKey(to)
	}
	if d := path.Join(s.dir, to); d != "." {
		return d
	}
	return ""
}

// wrapperDir moves the walk, for the command a wrapper runs, to the
// directory the wrapper gives it: env -C DIR (-CDIR, --chdir DIR,
// --chdir=DIR, -iC DIR) and sudo -D DIR (--chdir). The files that command
// writes, reads and runs by relative names are DIR's (pbpaste >
// /tmp/r.sh; env -C /tmp bash r.sh runs what was written), in a pipeline
// stage too, since the wrapper's child is what moves. upto is the index of
// the command's first word in words. It returns the undo, or nil.
func (s *state) wrapperDir(name string, words []string, dyn []bool, upto int) func() {
	var short byte
	switch name {
	case "env":
		short = 'C'
	case "sudo":
		short = 'D'
	default:
		return nil
	}
	to, at := "", -1
	for i := 1; i < upto && i < len(words) && at < 0; i++ {
		w := words[i]
		switch {
		case w == "--chdir" && i+1 < upto:
			to, at = words[i+1], i+1
		case strings.HasPrefix(w, "--chdir="):
			to, at = w[len("--chdir="):], i
		case len(w) > 1 && w[0] == '-' && w[1] != '-':
			k := strings.IndexByte(w, short)
			if k < 0 || name == "sudo" && k != 1 || strings.ContainsAny(w[1:k], "uS") {
				continue // a letter of another option's value, or env -u NAME's
			}
			if k+1 < len(w) {
				to, at = w[k+1:], i
			} else if i+1 < upto {
				to, at = words[i+1], i+1
			}
		}
	}
	if at < 0 || to == "" || dyn != nil && dyn[at] || substrs.AnyByte(to, "$`*?[") {
		return nil
	}
	old := s.dir
	s.dir = s.dirFor(to)
	return func() { s.dir = old }
}

// homeVar reports a word spelling the home through its variable ($HOME,
// ${HOME}/sub), with the part after it.
func homeVar(w string) (string, bool) {
	w = strings.Trim(w, `"`)
	for _, v := range [...]string{"${HOME}", "$HOME"} {
		if rest, ok := strings.CutPrefix(w, v); ok && (rest == "" || rest[0] == '/') {
			return rest, true
		}
	}
	return "", false
}

// oldPlace is the directory cd - goes back to (OLDPWD): set once the line
// moved, lost when the line left it for a directory nobody knows.
type oldPlace struct {
	dir       string
	set, lost bool
}

// setOldDir remembers where the line is as OLDPWD before a move.
func (s *state) setOldDir() {
	s.old = oldPlace{dir: s.dir, set: true, lost: s.dirLost}
	s.oldPwdVar()
}

// lostDir records a cd to a directory nobody knows: OLDPWD is where the
// line was, and where it is now is not known.
func (s *state) lostDir() {
	s.setOldDir()
	s.dirLost = true
}

// oldPwdVar gives $OLDPWD (and ~-) the directory cd - goes back to,
// absolute, when the line's Place and that directory are known.
func (s *state) oldPwdVar() {
	if s.at.Dir == "" || s.old.lost || !s.old.set {
		s.setVar("OLDPWD", "", false)
		return
	}
	s.setVar("OLDPWD", s.absDir(s.old.dir), true)
}

// absDir is a directory the walk keeps (s.dir's form) as an absolute
// path, from the line's Place.
func (s *state) absDir(dir string) string {
	if dir == "" {
		dir = "."
	}
	return match.CleanPath(dir, s.at.Dir, s.at.Home)
}

// pwdValue is $PWD where the line is now, when it is known: the value
// ${PWD%/*} and the other operations on it take.
func (s *state) pwdValue() (string, bool) {
	if s.at.Dir == "" || s.dirLost {
		return "", false
	}
	return s.absDir(s.dir), true
}
