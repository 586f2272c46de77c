package shell

import (
	"strings"

	"mvdan.cc/sh/v3/syntax"
)

// Bash keeps its aliases and its remembered command paths in two
// associative arrays, BASH_ALIASES and BASH_CMDS: an element assigned
// (BASH_ALIASES[gs]='git status', BASH_CMDS[tool]=/opt/bin/tool, or the
// compound BASH_ALIASES+=([gs]='git status')) defines an alias or hashes
// a path exactly as alias gs='git status' and hash -p /opt/bin/tool tool
// do. Each element so assigned is reported as that synthetic alias or
// hash command, so that whatever reads those commands (a guarded
// program's name shadowed) reads the array's spelling too; so is an
// element that read, mapfile or printf -v sets by name.

// tableElemsSet reports the elements of bash's table arrays that read,
// mapfile, readarray and printf -v set by name (printf -v
// 'BASH_ALIASES[gs]' 'git status', read -r 'BASH_CMDS[tool]' <<< /opt/t)
// as the alias or hash command each defines, with the value the walk
// knows it takes, else none: an alias or a hashed path in that name all
// the same. names are the variables the builtin sets (readBuiltin).
func (s *state) tableElemsSet(f frame, names []string) {
	for _, n := range names {
		name, key, ok := strings.Cut(n, "[")
		key, closed := strings.CutSuffix(key, "]")
		if !ok || !closed || bashTableCommand(name) == "" || strings.ContainsAny(key, "$`") {
			continue
		}
		if k := strings.Trim(key, `"'`); k != "" {
			v := s.vars[n]
			val := ""
			if v.known {
				val = v.val
			}
			s.bashTableElem(f, name, unescapeKey(k), val)
		}
	}
}

// bashTableCommand is the builtin an element of bash's table array name
// stands for ("alias" for BASH_ALIASES, "hash" for BASH_CMDS), or "".
func bashTableCommand(name string) string {
	switch name {
	case "BASH_ALIASES":
		return "alias"
	case "BASH_CMDS":
		return "hash"
	}
	return ""
}

// bashTableElem reports the element key=val of bash's table array name
// as the alias or hash command it defines, run in frame f.
func (s *state) bashTableElem(f frame, name, key, val string) {
	if key == "" || f.depth >= MaxDepth {
		return
	}
	g := f
	g.synthetic = true
	switch bashTableCommand(name) {
	case "alias":
		s.parseString("alias "+quoteWord(key+"="+val), g)
	case "hash":
		s.parseString("hash -p "+quoteWord(val)+" "+quoteWord(key), g)
	}
}

// tableKey is the key of an element of bash's table arrays: a literal
// word, one whose expansion is known (BASH_ALIASES[$n]=…), or the text
// the parser read as arithmetic: an associative array's key is a string,
// so BASH_ALIASES[rampart-hook] is the key "rampart-hook", not a
// subtraction.
func (s *state) tableKey(e *expander, x syntax.ArithmExpr) (string, bool) {
	k, ok := s.rawTableKey(e, x)
	return unescapeKey(k), ok && k != ""
}

// rawTableKey is tableKey before quote removal.
func (s *state) rawTableKey(e *expander, x syntax.ArithmExpr) (string, bool) {
	if k, ok := indexKey(x); ok {
		return k, true
	}
	if w, ok := x.(*syntax.Word); ok {
		k, dyn := e.one(w)
		return k, !dyn && k != "" && k != "@" && k != "*"
	}
	k, ok := arithKeyText(e.f.src, x)
	if !ok || !strings.ContainsAny(k, "\\$\"'") {
		return k, ok
	}
	// BASH_ALIASES[rampart\-hook], BASH_ALIASES[$k-hook]: the key is
	// the text expanded as a word is
	w, err := syntax.NewParser().Document(strings.NewReader(k))
	if err != nil {
		return "", false
	}
	v, dyn := e.one(w)
	return v, !dyn && v != ""
}

// unescapeKey drops the backslashes a key's text quotes its characters
// with (rampart\-hook), as the shell's quote removal does.
func unescapeKey(k string) string {
	if !strings.Contains(k, "\\") {
		return k
	}
	var b strings.Builder
	for i := 0; i < len(k); i++ {
		if k[i] == '\\' && i+1 < len(k) {
			i++
		}
		b.WriteByte(k[i])
	}
	return b.String()
}

// arithKeyText is the source text of an index the parser read as
// arithmetic, when it is a name with dashes or dots in it (rampart-hook,
// my.tool), quoted, escaped or with a variable in it (rampart\-hook,
// $k-hook): what bash keys an associative array by, once expanded.
func arithKeyText(src string, x syntax.ArithmExpr) (string, bool) {
	i, j := int(x.Pos().Offset()), int(x.End().Offset())
	if !x.Pos().IsValid() || i < 0 || j > len(src) || i >= j {
		return "", false
	}
	k := src[i:j]
	for _, r := range k {
		if !(strings.ContainsRune("-._\\$\"'{} ", r) || r >= '0' && r <= '9' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z') {
			return "", false // an operator other than '-', a substitution
		}
	}
	return strings.TrimSpace(k), true
}
