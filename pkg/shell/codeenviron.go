package shell

import (
	"strings"

	"rampart.dev/pkg/internal/table"
)

// Code that prints the whole environment, values and all (python3 -c
// 'print(dict(os.environ))', node -p 'JSON.stringify(process.env)', ruby
// -e 'puts ENV.to_h', perl -e 'print "$_=$ENV{$_}\n" for keys %ENV'),
// hands every secret variable of the session to whoever reads its output:
// env's dump spelled in a language. What tells it from code that passes
// the environment on to a child (subprocess.run(cmd, env=dict(os.environ,
// CC="clang"))) or counts it is an output call in the same statement as a
// spelling that yields the values; the names alone (os.environ.keys(),
// Object.keys(process.env), sorted(os.environ)) are not values.

// environPrint are, per language, the calls that write to the output the
// agent reads.
var environPrint = table.Once[map[string][]string]{Build: func() map[string][]string {
	return map[string][]string{
		"python": {"print(", "print ", "pprint", "sys.stdout.write", "sys.stderr.write", "json.dump(", "pp(", "logging.", "log.info"},
		"node":   {"console.", "process.stdout.write", "process.stderr.write", "util.inspect"},
		"perl":   {"print", "say", "Dumper", "printf", "warn", "die"},
		"ruby":   {"puts", "p(", "p ENV", "pp", "print", "$stdout", "STDOUT", "warn", "$stderr", "inspect"},
		"php":    {"print_r", "var_dump", "var_export", "echo", "print", "printf", "phpinfo("},
		"lua":    {"print(", "io.write"},
		"r":      {"print(", "cat(", "message(", "str(", "writeLines("},
		"awk":    {"print"},
	}
}}

// environNamesOnly are spellings that yield the variables' names or their
// count, not their values: removed from a statement before its values
// spellings are looked for.
var environNamesOnly = [...]string{
	"os.environ.keys()", "len(os.environ)", "sorted(os.environ)", "list(os.environ)", "in os.environ)",
	"Object.keys(process.env)", "Object.keys(process.env", "ENV.keys", "ENV.size", "ENV.length", "ENV.count",
	"ENV.key?", "ENV.include?", "ENV.has_key?", "scalar(keys %ENV)", "scalar keys %ENV", "exists $ENV{",
	"array_keys(getenv())", "count(getenv())", "count($_ENV)", "ENV.sort.map(&:first)", "ENV.map(&:first)",
	"ENV.each_key", "ENV.to_h.keys", "process.env).length", "Object.getOwnPropertyNames(process.env",
	// one variable read by its name (puts ENV.fetch("RAILS_ENV"))
	"ENV.fetch(", "ENV[", "os.environ[", "os.environ.get(", "process.env.", "process.env[", "$ENV{", "Sys.getenv(\"", "Sys.getenv('",
}

// environValues are spellings that yield every variable's value beyond
// codeMarkers' environ list: a value looked up by a computed name in a loop
// over the names (os.environ[k], process.env[k], $ENV{$_}, ENV[k]).
var environValues = table.Once[map[string][]string]{Build: func() map[string][]string {
	return map[string][]string{
		"python": {"environ[k", "environ[n", "environ[v", "environ[name", "environ[key", "environ.get(k", "environ.get(key", "environ.get(n"},
		"node":   {"process.env[k", "process.env[n", "process.env[v", "process.env[name", "process.env[key"},
		"perl":   {"$ENV{$"},
		"ruby":   {"ENV[k", "ENV[n", "ENV[v", "ENV[name", "ENV[key"},
		"php":    {"getenv($"},
	}
}}

// environFacts sets the facts of code that reads the whole environment's
// values (EnvironValues) and prints them (EnvironShown).
func environFacts(lang, code string, m codeMarker, f *CodeFacts) {
	prints := environPrint.Get()[lang]
	values := environValues.Get()[lang]
	aliases := environAliases(code)
	for _, st := range statements(lang, code) {
		hit := anyIn(st, values) || aliasUsed(st, aliases)
		for _, n := range environNamesOnly {
			if strings.Contains(st, n) {
				st = strings.ReplaceAll(st, n, "")
			}
		}
		t := strings.TrimSpace(st)
		if !(hit || anyIn(st, m.environ) && (!onlyProcEnviron(st, m) || procEnvironShown(st, prints)) || strings.HasSuffix(t, "os.environ") || strings.HasSuffix(t, "process.env") || t == "ENV" || t == "%ENV") {
			continue
		}
		f.EnvironValues = true
		if anyIn(st, prints) {
			f.EnvironShown = true
			return
		}
	}
}

// secretPrinted reports code that prints a secret variable it reads by
// name, as the printed value itself (print(os.environ["GITHUB_TOKEN"]),
// puts ENV["AWS_SECRET_ACCESS_KEY"], echo getenv("GITHUB_TOKEN");): the
// secret in the agent's context, as printenv GITHUB_TOKEN prints it. A
// value tested or cut (print('set' if os.environ.get('T') else 'unset'),
// .split("@")[-1], len(…)) is not the secret.
func secretPrinted(lang, code string) bool {
	prints := environPrint.Get()[lang]
	held := map[string]bool{} // names given a secret whole (t = os.environ["GITHUB_TOKEN"])
	for _, st := range statements(lang, code) {
		if m := secretAssign.Get().FindStringSubmatchIndex(st); m != nil && secretReadWhole(st, m[1]) {
			held[st[m[2]:m[3]]] = true
			continue
		}
		if len(held) > 0 && printsHeld(st, prints, held) {
			return true // t = os.environ["T"]; print(t)
		}
		at, start := -1, -1
		for _, p := range prints {
			if k := strings.Index(st, p); k >= 0 && (start < 0 || k < start) {
				start, at = k, k+len(p)
			}
		}
		if at < 0 {
			continue
		}
		if st[at-1] == '.' {
			for at < len(st) && isIdent(st[at]) {
				at++ // console.log(, $stdout.puts: the method after the object
			}
		}
		if secretReadWhole(st, at) {
			return true
		}
		if m := secretVarInCode.Get().FindStringIndex(st); m != nil && m[0] >= start && m[0] < at {
			return secretReadWhole(st, m[0]) // p ENV.fetch("T"): the read is the printing word's own
		}
	}
	return false
}

// secretAssign matches the start of a statement that gives a name a
// value: the name, then the value from the match's end.
var secretAssign = table.Regexp{Expr: `^\s*(?:const\s+|let\s+|var\s+|my\s+|local\s+)?\$?([A-Za-z_]\w*)\s*=\s*`}

// printsHeld reports a statement that prints one of the held names as
// its value, with nothing but punctuation and quoted text around it.
func printsHeld(st string, prints []string, held map[string]bool) bool {
	for _, p := range prints {
		k := strings.Index(st, p)
		if k < 0 {
			continue
		}
		rest := unquoted(st[k+len(p):])
		if p[len(p)-1] == '.' {
			for rest != "" && isIdent(rest[0]) {
				rest = rest[1:] // console.log(
			}
		}
		var words []string
		for _, w := range strings.FieldsFunc(rest, func(r rune) bool { return !(r < 0x80 && isIdent(byte(r))) }) {
			words = append(words, w)
		}
		if len(words) == 1 && held[words[0]] {
			return true
		}
	}
	return false
}

// secretReadWhole reports a secret variable read by name in st, after
// position from, with nothing but punctuation and quoted text between
// from and the read, and nothing but closing brackets after it.
func secretReadWhole(st string, from int) bool {
	for _, m := range secretVarInCode.Get().FindAllStringIndex(st, -1) {
		if m[0] < from {
			continue
		}
		before := st[from:m[0]]
		for before != "" && (isIdent(before[len(before)-1]) || before[len(before)-1] == '.') {
			before = before[:len(before)-1] // os.environ[…], os.getenv(…): the module the read is made through
		}
		if hasWordByte(unquoted(before)) {
			continue
		}
		end := m[1]
		for end < len(st) && (isIdent(st[end]) || st[end] == '\'' || st[end] == '"') {
			end++
		}
		if strings.Trim(unquoted(st[end:]), ")]}, \t\n;") == "" {
			return true
		}
	}
	return false
}

// unquoted is s with its quoted strings taken out.
func unquoted(s string) string {
	var b strings.Builder
	var quote byte
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case quote != 0:
			if c == '\\' {
				i++
			} else if c == quote {
				quote = 0
			}
		case c == '\'' || c == '"':
			quote = c
		default:
			b.WriteByte(c)
		}
	}
	return b.String()
}

// hasWordByte reports a letter or a digit in s.
func hasWordByte(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' {
			return true
		}
	}
	return false
}

// statements splits code at the ends of its statements (";" and new
// lines), keeping a Python block header ("for k, v in
// os.environ.items():") with the line below it.
func statements(lang, code string) []string {
	var out []string
	start := 0
	var quote byte
	for i := 0; i < len(code); i++ {
		switch c := code[i]; {
		case quote != 0:
			if c == '\\' {
				i++
			} else if c == quote {
				quote = 0
			}
			continue
		case c == '\'' || c == '"' || c == '`':
			quote = c
			continue
		case c == ';':
		case c == '\n':
			if lang == "python" && strings.HasSuffix(strings.TrimRight(code[start:i], " \t\r"), ":") {
				continue
			}
		default:
			continue
		}
		out = append(out, code[start:i])
		start = i + 1
	}
	return append(out, code[start:])
}

// printsValue reports whether an interpreter's command line prints the
// value of the code it is given (node -p, node --print, node -pe).
func printsValue(lang string, words []string) bool {
	if lang != "node" {
		return false
	}
	for _, w := range words[1:] {
		if w == "--print" || strings.HasPrefix(w, "--print=") || len(w) > 1 && w[0] == '-' && w[1] != '-' && strings.Contains(w, "p") {
			return true
		}
		if len(w) == 0 || w[0] != '-' {
			break
		}
	}
	return false
}

// onlyProcEnviron reports whether the statement's one environ spelling is
// a read of /proc/self/environ, the file cat prints as env does, which
// the engine judges as a file (open('/proc/self/environ').read().count).
func onlyProcEnviron(st string, m codeMarker) bool {
	for _, x := range m.environ {
		if !strings.HasPrefix(x, "/proc/") && strings.Contains(st, x) {
			return false
		}
	}
	return true
}

// procEnvironShown reports a statement that prints what it reads from
// /proc/self/environ (print(open("/proc/self/environ").read())): the file
// read in code is not judged as cat's read of it would be, so its print is
// the dump; a count or a length of it is not.
func procEnvironShown(st string, prints []string) bool {
	return anyIn(st, prints) && !anyIn(st, []string{".count(", "len(", ".length", ".size", "count("})
}

// environAlias matches a name given the whole environment
// (e = os.environ, const env = process.env, const {env} = process).
var environAlias = table.Regexp{Expr: `(?:^|[;\s(,])(?:const|let|var|my)?\s*\$?([A-Za-z_]\w*)\s*=\s*(?:dict\()?(?:os\.environ|environ|process\.env|ENV|\\?%ENV)(?:\.copy\(\)|\.to_h)?\s*\)?\s*(?:;|$|\n)|\{\s*(env)\s*\}\s*=\s*process\b`}

// environAliases returns the names the code gives the whole environment.
func environAliases(code string) []string {
	if !strings.Contains(code, "=") {
		return nil
	}
	var names []string
	for _, m := range environAlias.Get().FindAllStringSubmatch(code, 8) {
		for _, n := range m[1:] {
			if n != "" {
				names = append(names, n)
			}
		}
	}
	return names
}

// aliasUsed reports a statement that hands an alias of the environment
// whole to a call (print(e), console.log(env), dict(e)).
func aliasUsed(st string, aliases []string) bool {
	for _, a := range aliases {
		for _, f := range [...]string{"(" + a + ")", "(" + a + ",", ", " + a + ")", "(" + a + ".items()", "(" + a + ".copy()"} {
			if strings.Contains(st, f) {
				return true
			}
		}
	}
	return false
}
