package shell

import "strings"

// Variables that interpreter code reads from its environment. "export
// T=$(gh auth token); python3 -c '...os.environ["T"]...'" hands the
// token to the code through the environment, not through a word of the
// command line: the code's command takes in what the substitution behind T
// printed, as it would had the line written "$T" among its words. Code that
// reads the whole environment takes in every such variable.

// envReaders are the spellings, in the languages the one-liner scanner
// reads, of a read of one environment variable; the variable's name
// follows, quoted or not.
var envReaders = []string{
	"environ[", "environ.get(", "environ.setdefault(", "getenv(", "getenv ", // python, php, lua, c-like
	"process.env.", "process.env[", "Deno.env.get(", "Bun.env.", "Bun.env[", // node, deno, bun
	"ENV[", "ENV.fetch(", "$ENV{", "ENVIRON[", "$_ENV[", "$_SERVER[", // ruby, perl, awk, php
	"os.Getenv(", "System.getenv(", "env::var(", // go, java, rust
}

// codeEnvInputs returns the substitutions behind the line's variables that
// the code of an interpreter command (words) reads from its environment.
func (s *state) codeEnvInputs(words []string) []span {
	if len(s.vars) == 0 || len(words) < 2 {
		return nil
	}
	lang, code, ok := interpCode(words)
	if !ok {
		return nil
	}
	return s.envInputsOf(lang, code)
}

// envInputsOf returns the substitutions behind the line's variables that
// code of lang (given on the command line, or fed on stdin) reads from its
// environment.
func (s *state) envInputsOf(lang, code string) []span {
	if len(s.vars) == 0 || code == "" {
		return nil
	}
	whole := readsWholeEnv(lang, code)
	var out []span
	for name, v := range s.vars {
		if len(v.subs) == 0 || !isEnvName(name) {
			continue
		}
		if whole || readsEnvVar(code, name) {
			out = append(out, v.subs...)
		}
	}
	return out
}

// readsWholeEnv reports whether code of lang reads the environment whole
// (awk's ENVIRON is also its way to read one variable: only a loop over it
// reads them all).
func readsWholeEnv(lang, code string) bool {
	if lang == "awk" {
		return strings.Contains(code, "in ENVIRON")
	}
	m, ok := codeMarkers.Get()[lang]
	return ok && anyIn(code, m.environ)
}

// readsEnvVar reports whether code reads the environment variable name
// through one of envReaders.
func readsEnvVar(code, name string) bool {
	for _, r := range envReaders {
		for i := 0; ; {
			k := strings.Index(code[i:], r)
			if k < 0 {
				break
			}
			j := i + k + len(r)
			for j < len(code) && (code[j] == '\'' || code[j] == '"' || code[j] == ' ' || code[j] == ':') {
				j++
			}
			if strings.HasPrefix(code[j:], name) && (j+len(name) >= len(code) || !isIdent(code[j+len(name)])) {
				return true
			}
			if computedEnvKey(code, r, j) {
				// os.environ[n], getenv($k): a name the code computes
				// may be any variable's.
				return true
			}
			i = j
		}
	}
	return false
}

// isEnvName reports whether name can be an environment variable's name
// (not a positional parameter or a special one).
func isEnvName(name string) bool {
	if name == "" || name[0] >= '0' && name[0] <= '9' {
		return false
	}
	for i := 0; i < len(name); i++ {
		if !isIdent(name[i]) {
			return false
		}
	}
	return true
}

// computedEnvKey reports whether the read of the environment spelled r,
// whose key starts at code[j], takes its key from a variable or an
// expression rather than a quoted name: only readers that take a key in
// brackets or parentheses can (process.env.NAME always names one).
func computedEnvKey(code, r string, j int) bool {
	last := r[len(r)-1]
	if last != '[' && last != '(' && last != '{' || j >= len(code) || j > 0 && (code[j-1] == '\'' || code[j-1] == '"') {
		return false
	}
	c := code[j]
	if last == '{' {
		return c == '$' // $ENV{HOME} names HOME; $ENV{$k} computes it
	}
	return c == '$' || c == '_' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z'
}
