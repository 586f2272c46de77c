package effect

import (
	"strings"

	"rampart.dev/pkg/shell"
)

// A checkout or restore of the work tree puts back the committed text of
// every file its pathspec takes, discarding what was not committed there.
// A file or a directory named is work put back (git checkout --
// src/app.ts, git restore -- src/generated/); a pathspec that takes the
// whole tree however it is spelled (., ./, :/, ':(top)', *, ':(glob)**')
// discards every uncommitted change, as git checkout -- . does.
// Unstaging alone (git restore --staged :/) keeps the work tree.

// DiscardsTree reports whether command i of res is a git checkout or git
// restore of the work tree whose pathspec takes the whole tree.
func DiscardsTree(res *shell.Result, i int) bool {
	// (a first test its callers inline: every command of every line asks,
	// and most are not git)
	return res.Commands[i].Name == "git" && discardsTree(res, i)
}

// discardsTree is DiscardsTree past its first test.
func discardsTree(res *shell.Result, i int) bool {
	c := &res.Commands[i]
	if c.Name != "git" {
		return false
	}
	args := c.Args
	k := 0
	for k < len(args) && strings.HasPrefix(args[k], "-") {
		if args[k] == "-C" || args[k] == "-c" {
			k++ // git -C DIR, git -c KEY=VALUE
		}
		k++
	}
	if k >= len(args) || args[k] != "checkout" && args[k] != "restore" {
		return false
	}
	sub, rest := args[k], args[k+1:]
	staged, worktree, dashdash := false, false, false
	for j := 0; j < len(rest); j++ {
		w := rest[j]
		switch {
		case dashdash:
			if treeWidePathspec(w) {
				return sub == "checkout" || !staged || worktree
			}
		case w == "--":
			dashdash = true
		case w == "-S" || w == "--staged":
			staged = true
		case w == "-W" || w == "--worktree":
			worktree = true
		case w == "-s" || w == "--source" || w == "--conflict" || w == "--pathspec-from-file" || sub == "checkout" && (w == "-b" || w == "-B" || w == "--orphan"):
			j++ // the option's value
		case strings.HasPrefix(w, "-"):
		case sub == "restore" || strings.HasPrefix(w, ":") || w == "*" || w == "./":
			// restore's operands are all pathspecs; checkout's before
			// "--" may be a branch, which never begins with ":"
			if treeWidePathspec(w) {
				return sub == "checkout" || !staged || worktree
			}
		}
	}
	return false
}

// treeWidePathspec reports a pathspec that takes the whole tree: the
// working directory at the top (., ./), the top named by magic (:/,
// ':(top)', ':/*'), or every file (*, **, ':(glob)**').
func treeWidePathspec(w string) bool {
	if w != ":/" {
		w = strings.TrimSuffix(w, "/")
	}
	if rest, ok := strings.CutPrefix(w, ":("); ok {
		// :(top), :(top,glob)**, :(glob)**: long magic, then the pattern
		magic, pat, ok := strings.Cut(rest, ")")
		if !ok {
			return false
		}
		if strings.Contains(magic, "top") && (pat == "" || pat == "." || pat == "*" || pat == "**") {
			return true
		}
		w = pat
	} else if rest, ok := strings.CutPrefix(w, ":/"); ok {
		w = rest // :/ is the top; :/x is x there
		if w == "" {
			return true
		}
	}
	switch strings.TrimPrefix(w, "./") {
	case "", ".", "*", "**", "**/*":
		return true
	}
	return false
}
