package shell

import (
	"slices"
	"strings"
)

// Every language reads the home directory out of its environment in its
// own words (System.getenv("HOME"), Sys.getenv "HOME", getEnv "HOME",
// env::var("HOME").unwrap(), os:getenv("HOME"), (System/getenv "HOME"),
// Environment.GetEnvironmentVariable("HOME"), ENV.fetch("HOME"),
// process.env.HOME, System.env.HOME), and no list of spellings keeps up
// with them. What they share is the shape: a lookup whose name says it is
// the environment's (its words hold "env"), given the literal name HOME
// (or USERPROFILE), as a call's argument, an index or a member. envHomes
// reads each such lookup as the literal '~', as homeExprs reads the
// spellings it lists, with what a language appends to take the value out
// of an option or a result (.unwrap(), .expect("…"), !!, ?, .orEmpty()).

// envHomeNames are the variables that hold the home directory, each with
// the word the name of its lookup holds: the environment's, or the JVM's
// properties' (System.getProperty("user.home"), sys.props("user.home"),
// System.properties["user.home"], (System/getProperty "user.home")).
var envHomeNames = [...][2]string{{"HOME", "env"}, {"USERPROFILE", "env"}, {"user.home", "prop"}}

// envHomes returns code with each environment lookup of the home
// directory replaced by the literal '~'; code itself when there is none.
func envHomes(code string) string {
	if !strings.Contains(code, "HOME") && !strings.Contains(code, "USERPROFILE") && !strings.Contains(code, "user.home") {
		return code
	}
	aliases := envAliases(code) // envaliases.go: val e = System.getenv(); e["HOME"]
	var b strings.Builder
	done := 0
	for i := 0; i < len(code); i++ {
		start, end, ok := envHomeAt(code, i, aliases)
		if !ok {
			continue
		}
		b.WriteString(code[done:start])
		b.WriteString(`'~'`)
		done, i = end, end-1
	}
	if done == 0 {
		return code
	}
	b.WriteString(code[done:])
	return b.String()
}

// envHomeAt reads a lookup of the home directory whose name (HOME, in
// quotes or as a member) starts at code[i]: start and end span the whole
// lookup, from the environment's name to the last suffix.
func envHomeAt(code string, i int, aliases []string) (start, end int, ok bool) {
	for _, nw := range envHomeNames {
		name, word := nw[0], nw[1]
		q := code[i]
		switch {
		case (q == '"' || q == '\'' || q == '`') && strings.HasPrefix(code[i+1:], name+string(q)):
			// getenv("HOME"), ENV['HOME'], Sys.getenv "HOME", os.Getenv(`HOME`)
			end = i + len(name) + 2
			open := strings.TrimRight(code[:i], " \t")
			if open == "" {
				continue
			}
			closer := byte(0)
			switch open[len(open)-1] {
			case '(':
				closer = ')'
			case '[':
				closer = ']'
			}
			if closer != 0 {
				open = strings.TrimRight(open[:len(open)-1], " \t")
				if e := literalDefault(code, end); e > end && closer == ')' {
					end = e // os.environ.get('HOME', '/tmp'): the home wherever HOME is set
				}
				if end >= len(code) || code[end] != closer {
					continue // getenv("HOME", x): more than a literal default
				}
				end++
			} else if open[len(open)-1] == '(' || strings.IndexByte(" \t", code[i-1]) < 0 {
				continue
			}
			s := envLookupStart(open, word, aliases)
			if s < 0 {
				continue
			}
			if closer == 0 && s > 0 && code[s-1] == '(' && end < len(code) && code[end] == ')' {
				return s - 1, end + 1, true // (System/getenv "HOME"): the whole form
			}
			return s, valueSuffixEnd(code, end), true
		case q == name[0] && strings.HasPrefix(code[i:], name) && i > 0 && (code[i-1] == '.' || code[i-1] == ':'):
			// process.env.HOME, System.env.HOME, $env:HOME
			end = i + len(name)
			if end < len(code) && isIdent(code[end]) {
				continue
			}
			s := envLookupStart(code[:i-1], word, aliases)
			if s < 0 {
				continue
			}
			return s, valueSuffixEnd(code, end), true
		}
	}
	return 0, 0, false
}

// envLookupStart gives where the name of a lookup that ends s starts (a
// chain of names joined by ., ::, / or : and, for a member, a '$'), when
// a word of it holds word (the environment's "env") or it is a name the
// code bound to the environment (aliases); -1 otherwise.
func envLookupStart(s, word string, aliases []string) int {
	k := len(s)
	if k > 0 && s[k-1] == '!' {
		k-- // Elixir's System.fetch_env!("HOME")
	}
	for k > 0 {
		c := s[k-1]
		if isIdent(c) || c == '.' || c == ':' || c == '/' || c == '$' {
			k--
			continue
		}
		if c == ')' && k > 1 && s[k-2] == '(' {
			k -= 2 // System.getenv().get("HOME"), System.getenv()["HOME"]
			continue
		}
		break
	}
	for k < len(s) && (s[k] == '.' || s[k] == ':' || s[k] == '/') {
		k++ // "rm -rf "..os.getenv: the operator before the name is no part of it
	}
	chain := s[k:]
	if chain == "" || !strings.Contains(strings.ToLower(chain), word) && !slices.Contains(aliases, chain) {
		return -1
	}
	return k
}

// valueSuffixEnd gives where the suffixes a language appends to take a
// value out of an option or a result end, from end: .unwrap(),
// .expect("…"), .unwrap_or_default(), .orEmpty(), .get(), !!, ! and ?,
// OCaml's |> Option.get, and a literal fallback (?: "/tmp", || "/tmp").
func valueSuffixEnd(code string, end int) int {
	for {
		switch {
		case strings.HasPrefix(code[end:], "!!"):
			end += 2
		case strings.HasPrefix(code[end:], " |> Option.get"):
			end += len(" |> Option.get") // OCaml's Sys.getenv_opt "HOME" |> Option.get
		case end < len(code) && (code[end] == '!' || code[end] == '?') && !strings.HasPrefix(code[end:], "!=") && !strings.HasPrefix(code[end:], "?."):
			end++
		case strings.HasPrefix(code[end:], ".unwrap") || strings.HasPrefix(code[end:], ".expect") || strings.HasPrefix(code[end:], ".orEmpty") || strings.HasPrefix(code[end:], ".get("):
			k := strings.IndexByte(code[end:], '(')
			if k < 0 {
				return end
			}
			e := closingParen(code, end+k)
			if e < 0 {
				return end
			}
			end = e + 1
		default:
			if e := fallbackEnd(code, end); e > end {
				return e
			}
			return end
		}
	}
}

// fallbackEnd gives where a literal given as the value's fallback ends
// (Kotlin's and Groovy's ?: "/tmp", JavaScript's || "/tmp", Python's and
// Lua's or "/tmp"): the value is the home wherever HOME is set; end when
// none follows.
func fallbackEnd(code string, end int) int {
	k := end
	for k < len(code) && code[k] == ' ' {
		k++
	}
	op := ""
	for _, o := range [...]string{"?:", "||", "??", "or "} {
		if strings.HasPrefix(code[k:], o) {
			op = o
			break
		}
	}
	if op == "" {
		return end
	}
	k += len(op)
	for k < len(code) && code[k] == ' ' {
		k++
	}
	if k >= len(code) || code[k] != '"' && code[k] != '\'' {
		return end
	}
	if e, ok := literalEnd(code, k); ok {
		return e
	}
	return end
}

// literalDefault gives where a literal given as a lookup's default after
// its name (, "/tmp") ends; end when none does.
func literalDefault(code string, end int) int {
	k := end
	if k >= len(code) || code[k] != ',' {
		return end
	}
	for k++; k < len(code) && code[k] == ' '; k++ {
	}
	if k >= len(code) || code[k] != '"' && code[k] != '\'' {
		return end
	}
	if e, ok := literalEnd(code, k); ok {
		return e
	}
	return end
}
