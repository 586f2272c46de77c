package shell

import (
	"strings"

	"mvdan.cc/sh/v3/syntax"

	"rampart.dev/pkg/internal/table"
)

// listingFilters are programs that pass on some of the lines a listing
// prints without making new ones.
var listingFilters = table.Map[string, bool]{Words: "head tail sort uniq grep shuf tac"}

// listingFilter reports whether a command keeps whole lines of what it is
// given: a filter of listingFilters, or cut -f on its default tab (du -a's
// "SIZE<TAB>PATH" lines); cut -d/ or -c makes pieces of paths, which name
// other files.
// isNumberWord reports whether w is all digits (a count, not a pattern).
func isNumberWord(w string) bool {
	return w != "" && strings.Trim(w, "0123456789") == ""
}

func listingFilter(args []*syntax.Word) bool {
	name := args[0].Lit()
	if listingFilters.Get(name) {
		return true
	}
	if name != "cut" {
		return false
	}
	fields := false
	for _, a := range args[1:] {
		w := a.Lit()
		switch {
		case strings.HasPrefix(w, "-f") || strings.HasPrefix(w, "--fields"):
			fields = true
		case strings.HasPrefix(w, "-") && w != "-s" && w != "--only-delimited":
			return false
		}
	}
	return fields
}

// listingOutput is what a substitution that lists paths prints, as the
// glob that names them: $(ls ~/.ssh/id_*) and $(ls ~/.ssh/id_* | head -1)
// are ~/.ssh/id_* (ls DIR prints bare names, and is no listing of
// paths); $(find ~ -name 'id_*') is ~/**/id_* ("/**/" is any depth, none
// too, unless -maxdepth stops it), $(find DIR) is DIR/**/*. The paths a listing prints are those its operands name, so the
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
		if !ok || len(last.Args) == 0 || !listingFilter(last.Args) {
			return "", false
		}
		cmd = b.X.Cmd
	}
	call, ok := cmd.(*syntax.CallExpr)
	if !ok || len(call.Args) == 0 || len(call.Assigns) > 0 {
		return "", false
	}
	prog := call.Args[0].Lit()
	switch prog {
	case "ls", "find", "du", "locate", "plocate", "mlocate", "mdfind":
	default:
		return "", false
	}
	// word gives an argument's value: the literal itself when it is one
	// (no copy), else the static value.
	word := func(w *syntax.Word) (string, bool) {
		if l := w.Lit(); l != "" && !strings.ContainsAny(l, "\\~") {
			return l, true
		}
		return s.staticWord(w)
	}
	var out []string
	one := ""
	add := func(p string) {
		if one == "" && out == nil {
			one = p
			return
		}
		if out == nil {
			out = append(out, one)
		}
		out = append(out, p)
	}
	args := call.Args[1:]
	switch prog {
	case "ls":
		// ls DIR prints DIR's entries by name alone; a glob operand, or
		// any operand under -d, prints the paths themselves.
		dirsToo := false
		for _, a := range args {
			if w := a.Lit(); strings.HasPrefix(w, "-") && !strings.HasPrefix(w, "--") && strings.Contains(w, "d") || w == "--directory" {
				dirsToo = true
			}
		}
		for _, a := range args {
			w, ok := word(a)
			if !ok {
				return "", false
			}
			if strings.HasPrefix(w, "-") {
				continue
			}
			if !dirsToo && !strings.ContainsAny(w, "*?[") {
				return "", false
			}
			add(w)
		}
	case "du":
		// du DIR prints "SIZE<TAB>PATH" for DIR's directories, and with
		// -a its files too: at any depth.
		n := 0
		for _, a := range args {
			w, ok := word(a)
			if !ok {
				return "", false
			}
			if strings.HasPrefix(w, "-") {
				continue
			}
			add(strings.TrimSuffix(w, "/") + "/**/*")
			n++
		}
		if n == 0 {
			add("./**/*")
		}
	case "locate", "plocate", "mlocate", "mdfind":
		words := make([]string, 0, len(args))
		for _, a := range args {
			w, ok := word(a)
			if !ok {
				return "", false
			}
			words = append(words, w)
		}
		paths, ok := indexSearchOutput(prog, words)
		if !ok {
			return "", false
		}
		for _, p := range paths {
			add(p)
		}
	case "find":
		var dirs, names []string
		i := 0
		// find's own options come before the starting points: -H, -L,
		// -P, -D DEBUGOPTS, -O LEVEL
		for ; i < len(args); i++ {
			w := args[i].Lit()
			if w == "-D" {
				i++
			} else if w != "-H" && w != "-L" && w != "-P" && !strings.HasPrefix(w, "-O") {
				break
			}
		}
		for ; i < len(args); i++ {
			w, ok := word(args[i])
			if !ok {
				return "", false
			}
			if strings.HasPrefix(w, "-") || w == "!" || w == "(" {
				break
			}
			dirs = append(dirs, w)
		}
		deep := true  // find descends unless -maxdepth stops it at 0 or 1
		self := false // -maxdepth 0: the starting points themselves
		for ; i < len(args); i++ {
			switch op := args[i].Lit(); op {
			case "-exec", "-execdir", "-ok", "-okdir", "-delete", "-fprint", "-fprintf", "-fls":
				return "", false
			case "-name", "-iname", "-maxdepth":
				if i+1 >= len(args) {
					return "", false
				}
				v, ok := word(args[i+1])
				if !ok {
					return "", false
				}
				i++
				switch op {
				case "-maxdepth":
					deep = v != "0" && v != "1"
					self = v == "0"
				case "-iname":
					// the well-known files' names are lower case
					names = append(names, strings.ToLower(v))
				default:
					names = append(names, v)
				}
			}
		}
		if len(dirs) == 0 {
			dirs = []string{"."}
		}
		if len(names) == 0 {
			// Several name tests, whether joined by -o or all to hold,
			// print no name outside the union of theirs.
			names = []string{"*"}
		}
		if deep && len(names) > 1 && !strings.ContainsAny(strings.Join(names, ""), "{},") {
			// one word even when quoted: ~/**/{*.pem,credentials}
			names = []string{"{" + strings.Join(names, ",") + "}"}
		}
		for _, start := range dirs {
			d := strings.TrimSuffix(start, "/") // "/" is "" before "/…"
			for _, n := range names {
				// -name tests the last part of a path, at any depth
				// ("/**/" is zero or more directories) unless -maxdepth
				// stops it
				switch {
				case self:
					add(start)
				case deep:
					add(d + "/**/" + n)
				default:
					add(d + "/" + n)
				}
			}
		}
	}
	if one == "" {
		return "", false
	}
	if out == nil {
		return one, s.spend(len(one))
	}
	text := strings.Join(out, " ")
	return text, s.spend(len(text))
}

// indexSearchOutput is what a search of the file index prints, as globs of
// the paths it may name: locate PATTERN prints every indexed path holding
// PATTERN (or, with glob characters, matching it whole); mdfind -name NAME
// every path whose name holds NAME, under each -onlyin DIR or anywhere. A
// regex, another database, a metadata query (mdfind "kMDItem… == …") or a
// count is no listing read here.
func indexSearchOutput(prog string, args []string) ([]string, bool) {
	var out []string
	if prog == "mdfind" {
		var dirs, names []string
		for k := 0; k < len(args); k++ {
			switch w := args[k]; w {
			case "-name", "-onlyin":
				if k+1 >= len(args) {
					return nil, false
				}
				k++
				if w == "-name" {
					names = append(names, args[k])
				} else {
					dirs = append(dirs, strings.TrimSuffix(args[k], "/"))
				}
			case "-0", "-live", "-literal", "-interpret", "-reprint":
			default:
				return nil, false // -count, -s, -attr, a query
			}
		}
		if len(names) == 0 {
			return nil, false
		}
		if len(dirs) == 0 {
			dirs = []string{""}
		}
		for _, d := range dirs {
			for _, n := range names {
				out = append(out, d+"/**/*"+n+"*")
			}
		}
		return out, true
	}
	fold := false
	for _, w := range args {
		switch {
		case w == "-r" || w == "--regexp" || w == "--regex" || w == "-d" || w == "--database":
			return nil, false
		case w == "-i" || w == "--ignore-case":
			fold = true
		case w == "-n" || w == "-l" || w == "--limit":
			// its count is the next word, a number: no pattern
		case strings.HasPrefix(w, "-"):
		default:
			if isNumberWord(w) {
				continue
			}
			if fold {
				w = strings.ToLower(w)
			}
			if strings.ContainsAny(w, "*?[") {
				out = append(out, "/**/"+strings.TrimLeft(w, "/"))
			} else {
				out = append(out, "/**/*"+w+"*")
			}
		}
	}
	return out, len(out) > 0
}
