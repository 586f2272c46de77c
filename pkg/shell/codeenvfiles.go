package shell

import (
	"slices"
	"strings"

	"rampart.dev/pkg/internal/table"
)

// Code that opens the file an environment variable names
// (open(os.environ["DB_PASSWORD_FILE"]), File.read(ENV["API_TOKEN_FILE"]),
// file_get_contents(getenv("SECRET_KEY_FILE"))) reads that file as cat
// "$DB_PASSWORD_FILE" does: the variable's name tells what the file holds
// (a container's secret passed as NAME_FILE), which the effect package
// judges (CodeFacts.EnvFiles).

// fileOpeners are the calls, in the languages the one-liner scanner reads,
// that open or read a file named by their first argument.
var fileOpeners = []string{
	"open(", "Path(", "read_text(", "read_bytes(", // python (and perl's, ruby's open)
	"readFileSync(", "readFile(", "createReadStream(", "Bun.file(", "readTextFileSync(", "readTextFile(", "readFileStr(", // node, bun, deno
	"File.read(", "File.open(", "IO.read(", "File.readlines(", "File.foreach(", "IO.readlines(", // ruby
	"file_get_contents(", "fopen(", "file(", "readfile(", // php
	"io.open(", "io.lines(", "io.input(", // lua
	"open F,", "open(F,", "open my ", "open(my ", "slurp(", // perl
	"getline <", "getline<", // awk
	"os.ReadFile(", "os.Open(", "ioutil.ReadFile(", "read_to_string(", "File::open(", "readLines(", "readRDS(", "scan(", // go, rust, R
}

// envFilesOpened returns the names of the environment variables whose
// value code opens as a file: a read of one (envReaders) inside the
// argument of one of fileOpeners. Code none of mayReadSecretVar's markers
// is in (they take in Deno.env, Bun.env and ENVIRON's ENV) opens none.
func envFilesOpened(code string) []string {
	if !mayReadSecretVar(code) {
		return nil
	}
	return envFilesRead(code)
}

// envFilesRead is envFilesOpened past its test, for a caller that made it.
func envFilesRead(code string) []string {
	var out []string
	held := envHeld(code) // p = os.environ["DB_PASSWORD_FILE"]; open(p)
	for _, o := range fileOpeners {
		for from := 0; ; {
			k := strings.Index(code[from:], o)
			if k < 0 {
				break
			}
			start := from + k + len(o)
			from = start
			arg := openerArgument(code[start:])
			names := envNamesIn(arg)
			for v, n := range held {
				if identIn(arg, v) {
					names = append(names, n)
				}
			}
			for _, n := range names {
				if !slices.Contains(out, n) { // open( within io.open(
					out = append(out, n)
				}
			}
		}
	}
	return out
}

// openerArgument returns the text of a call's argument list up to its
// closing bracket, or up to the statement's end for a call written
// without brackets (perl's open F, $ENV{X}; awk's getline < ENVIRON["X"]).
func openerArgument(rest string) string {
	depth := 0
	for i := 0; i < len(rest) && i < 512; i++ {
		switch rest[i] {
		case '(', '[', '{':
			depth++
		case ')', ']', '}':
			if depth == 0 {
				return rest[:i]
			}
			depth--
		case ';', '\n':
			if depth == 0 {
				return rest[:i]
			}
		}
	}
	return rest[:min(len(rest), 512)]
}

// envNamesIn returns the names of the variables text reads through one of
// envReaders by a literal name.
func envNamesIn(text string) []string {
	var out []string
	for _, r := range envReaders {
		for i := 0; ; {
			k := strings.Index(text[i:], r)
			if k < 0 {
				break
			}
			j := i + k + len(r)
			for j < len(text) && (text[j] == '\'' || text[j] == '"' || text[j] == ' ') {
				j++
			}
			e := j
			for e < len(text) && isIdent(text[e]) {
				e++
			}
			if e > j && isEnvName(text[j:e]) {
				out = append(out, text[j:e])
			}
			i = max(e, j)
		}
	}
	return out
}

// envAssign matches a statement's start that gives a name a value: the
// name, then the value from the match's end (const p = …, my $p = …).
var envAssign = table.Regexp{Expr: `(?:^|[;\n{])\s*(?:const\s+|let\s+|var\s+|my\s+|local\s+)?\$?([A-Za-z_]\w*)\s*=\s*`}

// envHeld returns the names code gives an environment variable's value
// whole (p = os.environ["X"]), with the variable each holds.
func envHeld(code string) map[string]string {
	var held map[string]string
	for _, m := range envAssign.Get().FindAllStringSubmatchIndex(code, 32) {
		rest := code[m[1]:]
		if k := strings.IndexAny(rest, ";\n"); k >= 0 {
			rest = rest[:k]
		}
		for _, r := range envReaders {
			if !strings.HasPrefix(rest, r) && !strings.HasPrefix(rest, "os."+r) {
				continue
			}
			if names := envNamesIn(rest); len(names) == 1 {
				if held == nil {
					held = map[string]string{}
				}
				held[code[m[2]:m[3]]] = names[0]
			}
			break
		}
	}
	return held
}

// identIn reports whether name stands in text as a whole identifier.
func identIn(text, name string) bool {
	for i := 0; ; {
		k := strings.Index(text[i:], name)
		if k < 0 {
			return false
		}
		k += i
		e := k + len(name)
		if (k == 0 || !isIdent(text[k-1]) && text[k-1] != '.') && (e >= len(text) || !isIdent(text[e])) {
			return true
		}
		i = e
	}
}
