package shell

import (
	"strings"

	"mvdan.cc/sh/v3/syntax"
)

// listingFilters are programs that pass on some of the lines a listing
// prints without making new ones.
var listingFilters = map[string]bool{"head": true, "tail": true, "sort": true, "uniq": true, "grep": true, "shuf": true, "tac": true}

// listingOutput is what a substitution that lists paths prints, as the
// glob that names them: $(ls ~/.ssh/id_*) and $(ls ~/.ssh/id_* | head -1)
// are ~/.ssh/id_* (ls DIR prints bare names, and is no listing of paths), $(find ~/.ssh -name 'id_*') is ~/.ssh/id_*, $(find DIR)
// is DIR/*. The paths a listing prints are those its operands name, so the
// caller judges the word as the files the glob could name. A find that
// runs or deletes something, or a word the walk cannot resolve, is no
// listing.
func (s *state) listingOutput(stmts []*syntax.Stmt) (string, bool) {
	if len(stmts) != 1 || stmts[0].Negated || stmts[0].Background {
		return "", false
	}
	cmd := stmts[0].Cmd
	for {
		b, ok := cmd.(*syntax.BinaryCmd)
		if !ok {
			break
		}
		if b.Op != syntax.Pipe {
			return "", false
		}
		last, ok := b.Y.Cmd.(*syntax.CallExpr)
		if !ok || len(last.Args) == 0 || !listingFilters[last.Args[0].Lit()] {
			return "", false
		}
		cmd = b.X.Cmd
	}
	call, ok := cmd.(*syntax.CallExpr)
	if !ok || len(call.Args) == 0 || len(call.Assigns) > 0 {
		return "", false
	}
	words := make([]string, 0, len(call.Args))
	for _, w := range call.Args {
		v, ok := s.staticWord(w)
		if !ok {
			return "", false
		}
		words = append(words, v)
	}
	var out []string
	switch words[0] {
	case "ls":
		// ls DIR prints DIR's entries by name alone; a glob operand, or
		// any operand under -d, prints the paths themselves.
		dirsToo := false
		for _, w := range words[1:] {
			if strings.HasPrefix(w, "-") && !strings.HasPrefix(w, "--") && strings.Contains(w, "d") || w == "--directory" {
				dirsToo = true
			}
		}
		for _, w := range words[1:] {
			if strings.HasPrefix(w, "-") {
				continue
			}
			if !dirsToo && !strings.ContainsAny(w, "*?[") {
				return "", false
			}
			out = append(out, w)
		}
	case "find":
		var dirs []string
		name := "*"
		i := 1
		for ; i < len(words) && !strings.HasPrefix(words[i], "-") && words[i] != "!" && words[i] != "("; i++ {
			dirs = append(dirs, words[i])
		}
		for ; i < len(words); i++ {
			switch words[i] {
			case "-exec", "-execdir", "-ok", "-okdir", "-delete", "-fprint", "-fprintf", "-fls":
				return "", false
			case "-name", "-iname":
				if i+1 < len(words) && name == "*" {
					name = words[i+1]
				}
			}
		}
		if len(dirs) == 0 {
			dirs = []string{"."}
		}
		for _, d := range dirs {
			out = append(out, strings.TrimSuffix(d, "/")+"/"+name)
		}
	default:
		return "", false
	}
	if len(out) == 0 {
		return "", false
	}
	text := strings.Join(out, " ")
	return text, s.spend(len(text))
}
