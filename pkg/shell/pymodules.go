package shell

import (
	"strings"

	"rampart.dev/pkg/internal/table"
)

// Some of Python's own modules run code their command line gives them:
// "python3 -m timeit -s SETUP STMT" runs SETUP and STMT, "python3 -m pdb
// -c CMD" runs each CMD as a debugger command (a Python statement, or one
// after '!'), and "python3 -m cProfile -m MODULE" or "-m trace … -m
// MODULE" run MODULE as python3 -m would. "python3 -m code" reads its
// program from standard input, as python3 does with no script, and
// "python3 -m pickle" unpickles its standard input, which runs what the
// pickle calls. Their code
// is a one-liner's, read as python -c's is. "python3 -m IPython -c CODE"
// is ipython -c: its code is Python with IPython's shell lines and magics
// (ipython.go), read as the one-liner's code is.

// pyModule describes a code-running module's command line.
type pyModule struct {
	code    []string // options whose value is code (timeit -s, pdb -c)
	args    []string // other options taking the next word
	module  string   // the option naming a module it runs in turn ("-m")
	operand bool     // its operands are statements (timeit)
	stdin   bool     // with no operand, its code comes from standard input
	strip   string   // a prefix a code value may carry (pdb's "!")
}

// pyModules are the standard library's modules that run code from their
// command line, by name.
var pyModules = table.Map[string, *pyModule]{Build: func() map[string]*pyModule {
	profile := &pyModule{args: []string{"-o", "--outfile", "-s", "--sort"}, module: "-m"}
	return map[string]*pyModule{
		"timeit":   {code: []string{"-s", "--setup"}, args: []string{"-n", "--number", "-r", "--repeat", "-u", "--unit"}, operand: true},
		"pdb":      {code: []string{"-c", "--command"}, module: "-m", strip: "!"},
		"cProfile": profile, "profile": profile,
		"trace": {args: []string{"-f", "--file", "-C", "--coverdir", "--ignore-module", "--ignore-dir"}, module: "--module"},
		"code":  {args: []string{}, stdin: true},
		// pickle unpickles its file, or its standard input, running
		// whatever the pickle calls
		"pickle": {args: []string{}, stdin: true},
		"IPython": {code: []string{"-c"}, args: []string{"--profile", "--profile-dir", "--ipython-dir", "--log-level", "--colors",
			"--logfile", "--logappend", "--config", "--ext", "--gui", "--pylab", "--matplotlib", "-m"}},
	}
}}

// pyModuleCode reads the code a module run as "python3 -m MOD ARGS…" is
// given: ok is false for a module not in pyModules. depth bounds modules
// that name a module in turn.
func pyModuleCode(mod string, args []string, depth int) (code string, hasCode, stdin, ok bool) {
	m := pyModules.Get(mod)
	if m == nil || depth > 3 {
		return "", false, false, false
	}
	var codes []string
	i := 0
	for ; i < len(args); i++ {
		w := args[i]
		if w == "--" {
			i++
			break
		}
		if len(w) < 2 || w[0] != '-' {
			break
		}
		name, val, eq := strings.Cut(w, "=")
		if !strings.HasPrefix(w, "--") && len(w) > 2 && !eq {
			name, val, eq = w[:2], w[2:], true // -sCODE, -n1
		}
		switch {
		case contains(m.code, name):
			if !eq && i+1 < len(args) {
				i++
				val = args[i]
			}
			codes = append(codes, strings.TrimPrefix(strings.TrimSpace(val), m.strip))
		case m.module != "" && name == m.module:
			if !eq && i+1 < len(args) {
				i++
				val = args[i]
			}
			c, has, in, known := pyModuleCode(val, args[i+1:], depth+1)
			if known {
				if has {
					codes = append(codes, c)
				}
				if len(codes) > 0 {
					return strings.Join(codes, "\n"), true, false, true
				}
				return "", false, in, true
			}
			i = len(args)
		case contains(m.args, name) && !eq:
			i++
		}
	}
	if m.operand && i < len(args) {
		codes = append(codes, args[i:]...)
	}
	if len(codes) > 0 {
		return strings.Join(codes, "\n"), true, false, true
	}
	return "", false, m.stdin && (i >= len(args) || args[i] == "-" || args[i] == "/dev/stdin"), true
}
