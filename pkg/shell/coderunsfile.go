package shell

import (
	"strings"

	"rampart.dev/pkg/internal/table"
)

// Code that downloads a file and then runs it (perl's getstore(URL, "f");
// do "f", php's copy(URL, "i.php"); include "i.php", lua's dofile) runs
// what it downloaded as surely as eval(urlopen(URL).read()) does. Such
// code names the file twice: as the target of the call that writes it,
// and as the operand of the call that runs it. A file run that the code
// never names before (require "vendor/autoload.php") is the project's.

// fileRunners are, per language, the calls that run a file's code.
var fileRunners = table.Map[string, []string]{Build: func() map[string][]string {
	return map[string][]string{
		"perl":   {"do ", "do(", "require ", "require("},
		"php":    {"include ", "include(", "include_once", "require ", "require(", "require_once"},
		"ruby":   {"load ", "load(", "require ", "require(", "require_relative"},
		"python": {"run_path(", "exec(open("},
		"node":   {"require(", "import("},
		"lua":    {"dofile(", "dofile ", "loadfile(", "loadfile "},
		// Go runs a program file it wrote: os.WriteFile("/tmp/x", b, 0o755);
		// exec.Command("/tmp/x")
		"go": {"exec.Command(", "syscall.Exec(", "os.StartProcess("},
	}
}}

// runsFileItNames reports whether code runs a file (do "f", include 'f',
// dofile("f")) whose name a quoted string earlier in the code also gives.
func runsFileItNames(lang, code string) bool {
	for _, r := range fileRunners.Get(lang) {
		for off := 0; off < len(code); {
			i := strings.Index(code[off:], r)
			if i < 0 {
				break
			}
			i += off
			off = i + len(r)
			if i > 0 && isNameByte(code[i-1]) {
				continue // undo, _require
			}
			name, ok := quotedOperand(code[off:])
			if !ok {
				continue
			}
			if strings.Contains(code[:i], `"`+name+`"`) || strings.Contains(code[:i], `'`+name+`'`) {
				return true
			}
		}
	}
	return false
}

// quotedOperand gives the text of the quoted string s starts with, after
// blanks and an opening parenthesis.
func quotedOperand(s string) (string, bool) {
	s = strings.TrimLeft(s, " \t(")
	if len(s) < 3 || s[0] != '"' && s[0] != '\'' {
		return "", false
	}
	end := strings.IndexByte(s[1:], s[0])
	if end <= 0 {
		return "", false
	}
	return s[1 : 1+end], true
}
