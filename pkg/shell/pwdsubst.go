package shell

import (
	"strings"

	"mvdan.cc/sh/v3/syntax"

	"rampart.dev/pkg/internal/table"
)

// A substitution that prints the working directory: $(pwd), and
// $(cd DIR && pwd) or $(cd DIR; pwd), which print DIR resolved from it;
// and one that prints a directory known from the home or the working
// directory ($(python3 -m site --user-site), $(git rev-parse --git-dir)).
// Its value is "$PWD" (or "$PWD/DIR", or DIR when absolute), which the
// caller resolves with the call's working directory, so a path built on
// it (rm -rf "$(cd ../.. && pwd)/dev") is judged as the path it names.

// pwdOutput returns what statements that print a working directory
// print, as "$PWD" with the directories the cd commands before pwd name
// (cd ..; cd .. && pwd).
func (s *state) pwdOutput(stmts []*syntax.Stmt) (string, bool) {
	var buf [maxPwdSeq]*syntax.Stmt // (flatAnd stops past maxPwdSeq-1)
	seq := buf[:0]
	for _, st := range stmts {
		var ok bool
		if seq, ok = flatAnd(st, seq); !ok {
			return "", false
		}
	}
	if len(seq) == 1 {
		if dir, ok := knownDirOutput(s, seq[0]); ok {
			return dir, true
		}
	}
	if len(seq) == 0 || !isPwd(s, seq[len(seq)-1]) {
		return "", false
	}
	at := "$PWD"
	for _, st := range seq[:len(seq)-1] {
		dir, ok := cdDir(s, st)
		if !ok {
			return "", false
		}
		if strings.HasPrefix(dir, "/") {
			at = dir
		} else {
			at += "/" + dir
		}
	}
	return at, true
}

// maxPwdSeq bounds the statements pwdOutput reads: past it, it reads none.
const maxPwdSeq = 9

// flatAnd appends to seq the statements of st joined by && (a plain
// statement is itself), and reports false for a statement negated, in the
// background or redirected, another list, or seq past maxPwdSeq-1.
func flatAnd(st *syntax.Stmt, seq []*syntax.Stmt) ([]*syntax.Stmt, bool) {
	if st.Negated || st.Background || len(st.Redirs) > 0 || len(seq) > maxPwdSeq-1 {
		return seq, false
	}
	if b, ok := st.Cmd.(*syntax.BinaryCmd); ok {
		if b.Op != syntax.AndStmt {
			return seq, false
		}
		seq, ok = flatAnd(b.X, seq)
		if !ok {
			return seq, false
		}
		return flatAnd(b.Y, seq)
	}
	return append(seq, st), true
}

// isPwd reports a statement that is pwd alone (or with -L or -P).
func isPwd(s *state, st *syntax.Stmt) bool {
	call, ok := st.Cmd.(*syntax.CallExpr)
	if !ok || len(call.Assigns) > 0 || len(call.Args) == 0 || len(st.Redirs) > 0 {
		return false
	}
	name, ok := s.staticWord(call.Args[0])
	if !ok || name != "pwd" {
		return false
	}
	for _, w := range call.Args[1:] {
		if v, ok := s.staticWord(w); !ok || v != "-P" && v != "-L" {
			return false
		}
	}
	return true
}

// cdDir returns the directory a statement that is cd DIR moves to, as
// written (not cd alone, cd -, or a word not known).
func cdDir(s *state, st *syntax.Stmt) (string, bool) {
	call, ok := st.Cmd.(*syntax.CallExpr)
	if !ok || len(call.Assigns) > 0 || len(call.Args) != 2 || len(st.Redirs) > 0 {
		return "", false
	}
	name, ok := s.staticWord(call.Args[0])
	if !ok || name != "cd" {
		return "", false
	}
	dir, ok := s.staticWord(call.Args[1])
	if !ok || dir == "" || dir == "-" || strings.HasPrefix(dir, "~") || strings.ContainsAny(dir, "$`") {
		return "", false
	}
	return dir, true
}

// knownDirs are commands that print a directory whose place is known
// from the home or the working directory: Python's user site (where
// usercustomize.py and .pth files load into every interpreter), git's
// directory (its hooks run), the repository's top (taken as the
// working directory, where an agent works) and gpg-agent's sockets.
var knownDirs = []struct {
	args []string // the words after the program, as written
	dir  string
}{
	{[]string{"-m", "site", "--user-site"}, "$HOME/.local/lib/python3*/site-packages"},
	{[]string{"-m", "site", "--user-base"}, "$HOME/.local"},
	{[]string{"rev-parse", "--git-dir"}, "$PWD/.git"},
	{[]string{"rev-parse", "--absolute-git-dir"}, "$PWD/.git"},
	{[]string{"rev-parse", "--git-common-dir"}, "$PWD/.git"},
	{[]string{"rev-parse", "--show-toplevel"}, "$PWD"},
	// gpg-agent's sockets, where gpgconf says they are (with the default
	// GNUPGHOME, in the runtime directory wellKnownEnv takes): whoever
	// connects signs as the user
	{[]string{"--list-dirs", "agent-ssh-socket"}, "/run/user/1000/gnupg/S.gpg-agent.ssh"},
	{[]string{"--list-dirs", "agent-socket"}, "/run/user/1000/gnupg/S.gpg-agent"},
	{[]string{"--list-dirs", "agent-extra-socket"}, "/run/user/1000/gnupg/S.gpg-agent.extra"},
	{[]string{"--list-dirs", "agent-browser-socket"}, "/run/user/1000/gnupg/S.gpg-agent.browser"},
}

// knownDirOutput returns the directory a statement of knownDirs prints.
func knownDirOutput(s *state, st *syntax.Stmt) (string, bool) {
	call, ok := st.Cmd.(*syntax.CallExpr)
	if !ok || len(call.Assigns) > 0 || len(call.Args) < 2 || len(st.Redirs) > 0 {
		return "", false
	}
	words, ok := s.staticWords(call.Args)
	if !ok {
		return "", false
	}
	prog := words[0]
	if k := strings.LastIndexByte(prog, '/'); k >= 0 {
		prog = prog[k+1:]
	}
	if strings.HasPrefix(prog, "python") && len(words) == 3 && words[1] == "-c" {
		return pythonDirOutput(words[2])
	}
	for _, d := range knownDirs {
		if len(words)-1 != len(d.args) {
			continue
		}
		switch d.args[0] {
		case "-m":
			if !strings.HasPrefix(prog, "python") {
				continue
			}
		case "rev-parse":
			if prog != "git" {
				continue
			}
		case "--list-dirs":
			if prog != "gpgconf" {
				continue
			}
		}
		same := true
		for k, a := range d.args {
			same = same && words[k+1] == a
		}
		if same {
			return d.dir, true
		}
	}
	return "", false
}

// pythonSiteDirs are what Python code prints of its site module, by the
// expression printed (spaces removed): the same directories as python -m
// site prints.
var pythonSiteDirs = table.Map[string, string]{Build: func() map[string]string {
	return map[string]string{
		"site.getusersitepackages()": "$HOME/.local/lib/python3*/site-packages",
		"site.USER_SITE":             "$HOME/.local/lib/python3*/site-packages",
		"site.getuserbase()":         "$HOME/.local",
		"site.USER_BASE":             "$HOME/.local",
	}
}}

// pythonDirOutput returns the directory that python -c CODE prints when
// the code is imports and one print of a site directory
// (import site; print(site.getusersitepackages())).
func pythonDirOutput(code string) (string, bool) {
	code = strings.Join(strings.Fields(code), "")
	code = strings.TrimRight(code, ";")
	stmts := strings.Split(code, ";")
	last := stmts[len(stmts)-1]
	for _, st := range stmts[:len(stmts)-1] {
		if !strings.HasPrefix(st, "import") && !strings.HasPrefix(st, "from") {
			return "", false
		}
	}
	inner, ok := strings.CutPrefix(last, "print(")
	if !ok || !strings.HasSuffix(inner, ")") {
		return "", false
	}
	dir, ok := pythonSiteDirs.Lookup(inner[:len(inner)-1])
	return dir, ok
}
