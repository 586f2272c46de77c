package shell

import (
	"path"
	"strings"

	"rampart.dev/pkg/catalog"
	"rampart.dev/pkg/internal/table"
)

// Files an earlier command may have written. The walk follows the text of
// files the line writes with echo, printf, here-documents and copies of
// those (fileflow.go); other programs write files too, with text it does
// not see: an interpreter one-liner (open('t.sh','w').write(…)), a
// program's own write commands (sed w, awk print > "t.sh", ed and ex w,
// vim -c 'w t.sh'), an output option (sort -o, openssl -out, uniq IN OUT,
// split's prefix). A file run later on the line (sh t.sh, . ./x.sh, a
// script run by path, python importing a module, make reading a makefile)
// that such a command names is code nobody can see.

// copiers carry a file that already exists: what they write is that file's
// text, no less known than the original's.
var copiers = table.Map[string, bool]{Words: `cp gcp mv gmv ln link
	install rsync git tar unzip curl wget`}

// writtenBefore reports whether a command before index i may have written
// the file name with text the walk does not know, and which one.
func (s *state) writtenBefore(i int, name string) (string, bool) {
	if name == "" || strings.ContainsAny(name, "$`") {
		return "", false
	}
	key, base := s.key(name), path.Base(name)
	by := ""
	for k := 0; k < i && k < len(s.out); k++ {
		if i < len(s.out) && sameBuilt(&s.out[k], &s.out[i]) {
			continue // the command xargs builds, read twice: one process, not an earlier writer
		}
		if holds(s.out, k, i) {
			continue // hyperfine 'go run ./cmd/bench': the string names what it runs, writing nothing
		}
		if w, ok := s.writes(k, key, base); ok {
			by = w
		} else if s.removes(&s.out[k], key) {
			by = "" // rm FILE: what ran later is not what was written
		}
	}
	return by, by != ""
}

// holds reports whether command i was read from a string of command k's
// (hyperfine 'CMD', nodemon --exec CMD): it is deeper, and so is every
// command between them.
func holds(out []Command, k, i int) bool {
	if i >= len(out) || out[i].Depth <= out[k].Depth || out[k].Synthetic || out[i].Synthetic {
		return false // interpreter code's own commands (IO.popen("sh")) are read apart
	}
	for j := k + 1; j < i; j++ {
		if out[j].Depth <= out[k].Depth {
			return false
		}
	}
	return true
}

// sameBuilt reports whether w and r are two readings of one command a
// wrapper builds from its input (xargs node --check, and xargs node --check
// FILES when the files are known): the same program behind the same
// wrappers in the same pipeline stage, r's words beginning with w's.
func sameBuilt(w, r *Command) bool {
	if w.Name != r.Name || w.Pipeline != r.Pipeline || w.Stage != r.Stage || len(w.Via) == 0 ||
		len(w.Via) != len(r.Via) || w.Via[len(w.Via)-1] != "xargs" || len(w.Args) > len(r.Args) {
		return false
	}
	for k, v := range w.Via {
		if r.Via[k] != v {
			return false
		}
	}
	for k, a := range w.Args {
		if r.Args[k] != a {
			return false
		}
	}
	return true
}

// keyMatch reports whether the file p is the file key names, or one of
// the files it names when key is a pattern (xargs node tests/*.js, built
// from find's list, runs the tests/a.js curl wrote).
func (s *state) keyMatch(key, p string) bool {
	k := s.key(p)
	if k == key {
		return true
	}
	if strings.ContainsAny(key, "*?[") {
		ok, _ := path.Match(key, k)
		return ok
	}
	return false
}

// removes reports whether c deletes the file key.
func (s *state) removes(c *Command, key string) bool {
	switch c.Name {
	case "rm", "unlink", "shred":
		for _, op := range operands(c.Args) {
			if s.key(op) == key {
				return true
			}
		}
	}
	return false
}

// writes reports whether the command at index k may write the file key
// (base is its last element) with text the walk does not know.
func (s *state) writes(k int, key, base string) (string, bool) {
	cat := catalog.Default()
	c := &s.out[k]
	if c.Name == "cp" || c.Name == "mv" || c.Name == "install" || c.Name == "gcp" || c.Name == "gmv" {
		// A copy of a file an earlier command wrote (mv h.txt helper.py).
		if from, ok := s.copiedOnto(c, key); ok {
			return s.writtenBefore(k, from)
		}
	}
	if c.Name == "" || copiers.Get(c.Name) {
		return "", false
	}
	if c.Synthetic && (c.Name == "tee" || c.Name == "cp") {
		// Written by interpreter code (open(…, 'w'), File.write).
		for _, a := range c.Args {
			if s.keyMatch(key, a) {
				return c.Name, true
			}
		}
	}
	cl := cat.Classify(c.Name, c.Args)
	for _, w := range cl.Words {
		switch w.Role {
		case catalog.Write, catalog.Dest:
			if s.keyMatch(key, w.Text) || cl.Entry.Has("prefix-out") && strings.HasPrefix(key, s.key(w.Text)) && w.Text != "-" {
				return c.Name, true
			}
		case catalog.Code, catalog.Shell:
			if mentions(w.Text, base) {
				return c.Name, true
			}
		}
	}
	if n := len(c.Args); cl.Entry.Has("prefix-out") && n > 1 && strings.HasPrefix(key, s.key(c.Args[n-1])) {
		return c.Name, true // split F PREFIX
	}
	if c.Name == "uniq" {
		// uniq IN OUT writes OUT.
		if ops := operands(c.Args); len(ops) == 2 && s.keyMatch(key, ops[1]) {
			return c.Name, true
		}
	}
	if code, ok, stdin := InterpreterCode(c); ok && mentions(code, base) {
		return c.Name, true
	} else if ok {
		// python3 -c CODE FILE: the code is handed the file (sys.argv).
		for _, a := range c.Args {
			if a != code && s.keyMatch(key, a) {
				return c.Name, true
			}
		}
	} else if stdin || cl.Entry.Has("code-lang") || c.Name == "sed" || c.Name == "gsed" {
		for _, t := range c.Stdin {
			if mentions(t, base) {
				return c.Name, true
			}
		}
	}
	return "", false
}

// mentions reports whether text names the file base as a whole token.
func mentions(text, base string) bool {
	for at := 0; at < len(text); {
		k := strings.Index(text[at:], base)
		if k < 0 {
			return false
		}
		k += at
		end := k + len(base)
		at = end
		if (k == 0 || !nameChar(text[k-1])) && (end == len(text) || !nameChar(text[end])) {
			return true
		}
	}
	return false
}

func nameChar(c byte) bool {
	return c == '_' || c == '-' || c == '.' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
}

// scriptExts are the endings of files run as scripts by path (./t.sh).
var scriptExts = []string{".sh", ".bash", ".zsh", ".py", ".pl", ".rb", ".js", ".mjs", ".cjs", ".ts", ".php", ".lua"}

func scriptName(name string) bool {
	for _, x := range scriptExts {
		if strings.HasSuffix(name, x) {
			return true
		}
	}
	return false
}

// runsWritten marks the command at index i as running unknown code when
// an earlier command may have written the file it runs.
func (s *state) runsWritten(i int, name string) {
	if s.opaque.has(s.key(name)) {
		return // runsOpaque says so already
	}
	if _, known := s.files[s.key(name)]; known {
		return
	}
	if by, ok := s.writtenBefore(i, name); ok {
		s.markUnknown(i, "runs "+name+", which "+by+" may have written on the line")
	}
}

// writtenExt reports whether a command before index i may have written a
// file ending in one of exts (a module a program may load by name), other
// than the script operand it runs, which is judged by itself.
func (s *state) writtenExt(i int, exts []string, operand string) (by, ext string, ok bool) {
	cat := catalog.Default()
	for k := 0; k < i && k < len(s.out); k++ {
		c := &s.out[k]
		if c.Name == "" || copiers.Get(c.Name) {
			continue
		}
		if c.Name == "cp" || c.Name == "mv" || c.Name == "gcp" || c.Name == "gmv" {
			if ops, _ := copyOperands(c.Args); len(ops) == 2 {
				for _, x := range exts {
					if strings.HasSuffix(ops[1], x) && s.key(ops[1]) != s.key(operand) {
						if by, ok := s.writtenBefore(k, ops[0]); ok {
							return by, x, true
						}
					}
				}
			}
		}
		var texts []string
		if c.Synthetic && c.Name == "tee" {
			texts = append(texts, c.Args...)
		}
		cl := cat.Classify(c.Name, c.Args)
		for _, w := range cl.Words {
			if w.Role == catalog.Write || w.Role == catalog.Code || w.Role == catalog.Shell {
				texts = append(texts, w.Text)
			}
		}
		if code, isCode, stdin := InterpreterCode(c); isCode {
			texts = append(texts, code)
		} else if stdin || cl.Entry.Has("code-lang") {
			texts = append(texts, c.Stdin...)
		}
		for _, t := range texts {
			for _, x := range exts {
				if n := tokenEnding(t, x); n != "" && s.key(n) != s.key(operand) && !s.knownText(n) {
					return c.Name, x, true
				}
			}
		}
	}
	return "", "", false
}

// tokenEnding finds a file name in text that ends in ext.
func tokenEnding(text, ext string) string {
	for at := 0; at < len(text); {
		k := strings.Index(text[at:], ext)
		if k < 0 {
			return ""
		}
		k += at
		end := k + len(ext)
		at = end
		if end < len(text) && nameChar(text[end]) && text[end] != '.' {
			continue
		}
		b := k
		for b > 0 && (nameChar(text[b-1]) || text[b-1] == '/') {
			b--
		}
		if b < k {
			return text[b:end]
		}
	}
	return ""
}

func (s *state) knownText(name string) bool {
	_, ok := s.files[s.key(name)]
	return ok
}
