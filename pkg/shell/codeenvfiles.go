package shell

import (
	"slices"
	"strings"
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
// argument of one of fileOpeners.
func envFilesOpened(code string) []string {
	if !mayReadSecretVar(code) && !strings.Contains(code, "Deno.env") && !strings.Contains(code, "Bun.env") && !strings.Contains(code, "ENVIRON") {
		return nil
	}
	var out []string
	for _, o := range fileOpeners {
		for from := 0; ; {
			k := strings.Index(code[from:], o)
			if k < 0 {
				break
			}
			start := from + k + len(o)
			from = start
			for _, n := range envNamesIn(openerArgument(code[start:])) {
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
