package effect

import (
	"strings"

	"rampart.dev/pkg/internal/substrs"
	"rampart.dev/pkg/internal/table"
	"rampart.dev/pkg/shell"
)

// An interpreter stage given a secret document: code that reads its input
// and prints (python3 -c 'print(json.load(sys.stdin)["data"])', node -e
// '…console.log(JSON.parse(s).data)') prints the secret, as jq '.data'
// does, unless every key its code names is one that holds no secret
// (["metadata"]["name"]).

// stdinReads are the spellings by which inline code reads its input.
var stdinReads = []string{"stdin", "STDIN", "<>", "$<", "ARGF", "readFileSync(0", "/dev/stdin", "file(\"stdin\")", "readLines(\"stdin\")"}

// codePrints are the spellings by which inline code prints.
var codePrints = []string{"print", "console.log", "puts", "say ", "echo ", "cat(", "write(", "pp ", "p(", "dump"}

// codePassesValue reports an interpreter stage whose inline code reads
// its input and prints a value its keys do not narrow to harmless ones.
func codePassesValue(d *shell.Command) bool {
	if !d.ShellOrInterpreter() || shellNames.Get(d.Name) {
		return false
	}
	code := inlineCode(d.Args)
	if code == "" || !anyOf(code, stdinReads) && !perlLoop(d.Args) || !anyOf(code, codePrints) {
		return false
	}
	keys := quotedWords(code)
	if len(keys) == 0 {
		return true // the whole input printed
	}
	for _, k := range keys {
		if namesSecret("." + k) {
			return true
		}
	}
	return false
}

// shellNames are the shells, whose input is commands, not a document.
var shellNames = table.Map[string, bool]{Words: "sh bash zsh dash ksh mksh ash fish yash"}

// inlineCode returns the code an interpreter is given by -c, -e, -E, -r
// or --eval, or "".
func inlineCode(args []string) string {
	for k, a := range args {
		switch a {
		case "-c", "-e", "-E", "-r", "-p", "-ne", "-pe", "-ane", "--eval", "--print":
			if k+1 < len(args) {
				return args[k+1]
			}
		}
	}
	return ""
}

// perlLoop reports perl's or ruby's -n or -p, which read the input line
// by line around the code.
func perlLoop(args []string) bool {
	for _, a := range args {
		if len(a) > 1 && a[0] == '-' && a[1] != '-' && strings.ContainsAny(a[1:], "np") && !strings.ContainsAny(a[1:], "c") {
			return true
		}
	}
	return false
}

// anyOf reports whether s holds one of subs.
func anyOf(s string, subs []string) bool { return substrs.Any(s, subs) }

// The code readings' lists of libraries, made ready to be asked of one
// summary of a program's text (substrs.Set): most programs name none.
var (
	codeCloudSDKSet   = table.Once[*substrs.Set]{Build: func() *substrs.Set { return substrs.NewSet(codeCloudSDKs) }}
	codeServiceSDKSet = table.Once[*substrs.Set]{Build: func() *substrs.Set { return substrs.NewSet(codeServiceSDKs) }}
	codeDriverSet     = table.Once[*substrs.Set]{Build: func() *substrs.Set { return substrs.NewSet(codeDrivers) }}
	sdkLocalMarkSet   = table.Once[*substrs.Set]{Build: func() *substrs.Set { return substrs.NewSet(sdkLocalMarks) }}
)

// quotedWords returns the quoted strings of code that are one word of a
// key's letters ("data", 'metadata'), and the names after a dot
// (JSON.parse(s).data): the keys it reads.
func quotedWords(code string) []string {
	var out []string
	for i := 0; i < len(code); i++ {
		q := code[i]
		if q != '"' && q != '\'' {
			continue
		}
		j := strings.IndexByte(code[i+1:], q)
		if j < 0 {
			break
		}
		w := code[i+1 : i+1+j]
		if w != "" && isKeyWord(w) {
			out = append(out, w)
		}
		i += j + 1
	}
	for _, f := range []string{").data", ").stringData", "].data", ".data)", ".data;"} {
		if strings.Contains(code, f) {
			out = append(out, "data")
		}
	}
	return out
}

// isKeyWord reports a word of letters, digits, _ and - only.
func isKeyWord(w string) bool {
	for i := 0; i < len(w); i++ {
		c := w[i]
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '-') {
			return false
		}
	}
	return true
}
