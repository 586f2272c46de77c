package shell

import (
	"strings"

	"rampart.dev/pkg/internal/table"
)

// Code in a language nobody here reads call by call often spells what it
// runs in plain sight all the same: a command line in one string (shell
// "rm -rf ~", os:cmd("…"), "…".execute(), Sys.command "…") or a program
// and its arguments as a list of strings (exec.Command("rm", "-rf", P),
// ProcessBuilder("sh", "-c", …), &.{ "sh", "-c", … }, [| "curl"; … |]).
// LiteralCommands finds those command lines; the effects of opaque code
// (effect/opaqueliterals.go) and the source languages' reading
// (sourcelangs.go) judge each whose program is known as the command it
// is.

// opaqueHomes are the opaque languages' spellings of the home directory
// (Elixir's System.get_env("HOME"), the JVM's user.home, Erlang's
// os:getenv, Clojure's and the Lisps' getenv, Raku's %*ENV), read as the
// literal "~" they name, so that "rm -rf " <> System.get_env("HOME") is
// the command it joins to.
var opaqueHomes = table.Once[*strings.Replacer]{Build: func() *strings.Replacer {
	var pairs []string
	for _, e := range []string{`System.get_env("HOME")`, `System.user_home()`, `System.user_home!()`, `System.user_home!`, `System.user_home`, `System.getenv("HOME")`,
		`System.getProperty("user.home")`, `os:getenv("HOME")`, `(System/getenv "HOME")`, `(getenv "HOME")`,
		`(sb-ext:posix-getenv "HOME")`, `(user-homedir-pathname)`, `%*ENV<HOME>`, `%*ENV{'HOME'}`, `$*HOME`, `%ENV<HOME>`, `Path.home`} {
		pairs = append(pairs, e, `"~"`)
		if strings.Contains(e, `"HOME"`) {
			pairs = append(pairs, strings.ReplaceAll(e, `"HOME"`, `'HOME'`), `"~"`) // System.getenv('HOME')
		}
	}
	return strings.NewReplacer(pairs...)
}}

// concatGap reports whether the text between two literals joins them
// into one string: a concatenation operator of some language (+, <>, ++,
// .., ~, &, ., OCaml's ^) or a Lisp's string-append and concat.
func concatGap(s string) bool {
	switch strings.TrimSpace(s) {
	case "+", "<>", "++", "..", "~", "&", ".", "||", "^":
		return true
	}
	return false
}

// LiteralCommands returns the command lines code spells in its string
// literals: each literal holding a space, each run of literals joined by
// a concatenation operator as one, and each run of two or more literals
// separated only by commas, brackets and list words, joined by blanks.
func LiteralCommands(code string) []string {
	if strings.Contains(code, "HOME") || strings.Contains(code, "home") {
		// envhomes.go: System.env.HOME, Sys.getenv "HOME", env::var("HOME").unwrap()
		code = opaqueHomes.Get().Replace(envHomes(code))
	}
	code = bindLiteralNames(code) // literalnames.go: def home = "~"; ["rm", "-rf", home]
	if strings.Contains(code, "HOME") {
		// k = "HO" + "ME"; getenv(k): the name put in place spells the lookup
		code = bindLiteralNames(opaqueHomes.Get().Replace(envHomes(code)))
	}
	var out []string
	var run []string
	gap := 0
	flush := func() {
		if len(run) >= 2 {
			out = append(out, JoinWords(run))
			if f, ok := fillFormat(run); ok {
				out = append(out, f) // literalformats.go: Sprintf("rm -rf %s", "/home/dev")
			}
		}
		run = run[:0]
	}
	for i := 0; i < len(code); {
		q := code[i]
		if q != '"' && q != '\'' && q != '`' {
			i++
			continue
		}
		j := i + 1
		var b strings.Builder
		for j < len(code) && code[j] != q {
			if code[j] == '\\' && j+1 < len(code) {
				j++
			}
			b.WriteByte(code[j])
			j++
		}
		if j >= len(code) {
			break
		}
		lit := b.String()
		if len(run) > 0 && concatGap(code[gap:i]) {
			// "rm -rf " <> "~": one string
			lit = run[len(run)-1] + lit
			run = run[:len(run)-1]
		} else if !listGap(code[gap:i]) {
			flush()
		}
		run = append(run, lit)
		if strings.Contains(strings.TrimSpace(lit), " ") {
			out = append(out, lit)
		}
		if boundName(code[:i]) != "" && statementEnds(code[j+1:]) {
			flush() // home = "~" on a line of its own: no item of a list after it
		}
		i, gap = j+1, j+1
	}
	flush()
	return append(out, bracketLiterals(code)...)
}

// bracketClose gives the closing delimiter of an opening one; ok is false
// for a byte that opens none.
func bracketClose(open byte) (closing byte, ok bool) {
	switch open {
	case '(':
		return ')', true
	case '[':
		return ']', true
	case '{':
		return '}', true
	case '<':
		return '>', true
	case '/', '|', '"', '\'':
		return open, true
	}
	return 0, false
}

// bracketLiterals returns the strings and word lists code writes with
// delimiters of its choosing that hold a blank: Raku's and Perl's q{…},
// Q[…], qq(…), qw<…> and qx{…}, Raku's «…» and run <…>, and Elixir's
// sigils ~s(…), ~S|…|, ~c"…", ~w[…].
func bracketLiterals(code string) []string {
	var out []string
	for i := 0; i+1 < len(code); i++ {
		start := -1
		switch {
		case strings.HasPrefix(code[i:], "«"):
			if end := strings.Index(code[i+2:], "»"); end >= 0 {
				out = appendSpaced(out, code[i+2:i+2+end])
			}
			continue
		case code[i] == '~' && strings.IndexByte("sScCwW", code[i+1]) >= 0 && i+2 < len(code):
			start = i + 2
		case (code[i] == 'q' || code[i] == 'Q') && (i == 0 || !literalWordByte(code[i-1])):
			start = i + 1
			for start < len(code) && strings.IndexByte("qwx", code[start]) >= 0 && start < i+3 {
				start++
			}
		case code[i] == '<' && strings.HasSuffix(strings.TrimRight(code[:i], " "), "run"):
			start = i
		default:
			continue
		}
		if start >= len(code) {
			continue
		}
		closing, ok := bracketClose(code[start])
		if !ok {
			continue
		}
		if end := strings.IndexByte(code[start+1:], closing); end >= 0 {
			out = appendSpaced(out, code[start+1:start+1+end])
			i = start + end
		}
	}
	return out
}

func appendSpaced(out []string, lit string) []string {
	if strings.Contains(strings.TrimSpace(lit), " ") {
		return append(out, strings.TrimSpace(lit))
	}
	return out
}

func literalWordByte(b byte) bool {
	return b == '_' || b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z' || b >= '0' && b <= '9'
}

// listGap reports whether the text between two literals only separates
// items of one list: commas, brackets, blanks, and the words languages
// build lists with.
func listGap(s string) bool {
	s = strings.NewReplacer("new String[]", "", "String[]", "", "list", "", "List.of", "", "Arrays.asList", "",
		"new[]", "", "vector", "", "array", "", "qw", "", ".args", "", ".arg", "").Replace(s)
	// (Rust's .arg("-rf").arg(…) chains a list; &"…" borrows a literal;
	// C#'s $"…" and @"…" mark one, new[] { … } lists)
	return strings.Trim(s, " \t\n,[](){}&$@") == ""
}

// QuotedLiterals returns the strings s quotes ('x', "x", `x`), in order,
// as they are written (no escape read).
func QuotedLiterals(s string) []string {
	var out []string
	for i := 0; i < len(s); i++ {
		q := s[i]
		if q != '\'' && q != '"' && q != '`' {
			continue
		}
		e := strings.IndexByte(s[i+1:], q)
		if e < 0 {
			break
		}
		out = append(out, s[i+1:i+1+e])
		i += e + 1
	}
	return out
}
