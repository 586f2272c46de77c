package shell

import "strings"

// selfInterpreter reads, at i, python's sys.executable: the interpreter
// running the code, which subprocess.run([sys.executable, "-m", "pytest"])
// runs again. It stands for python3, unless the code binds sys or its
// executable to something else (sys = …, import x as sys, setattr,
// sys.executable = …), when it is not read here. It gives the name and
// where the expression ends, or 0.
func (sc *scanner) selfInterpreter(i int) (string, int) {
	const expr = "sys.executable"
	c := sc.code
	if sc.lang != "python" || !strings.HasPrefix(c[i:], expr) || i > 0 && isIdent(c[i-1]) {
		return "", 0
	}
	end := i + len(expr)
	if end < len(c) && (isIdent(c[end]) || c[end] == '.' || c[end] == '(' || c[end] == '[') {
		return "", 0
	}
	if pythonRebindsSys(c) {
		return "", 0
	}
	return "python3", end
}

// pythonRebindsSys reports whether code may make sys.executable name
// something other than the interpreter: every use of the name sys must be
// an attribute read (sys.x) or a plain import of it, and sys.executable
// is never assigned; setattr, __dict__ and vars() may assign anything.
func pythonRebindsSys(code string) bool {
	if strings.Contains(code, "setattr") || strings.Contains(code, "__dict__") || strings.Contains(code, "vars(") {
		return true
	}
	for at := 0; ; {
		k := strings.Index(code[at:], "sys")
		if k < 0 {
			return false
		}
		k += at
		at = k + 3
		if k > 0 && (isIdent(code[k-1]) || code[k-1] == '.') || at < len(code) && isIdent(code[at]) {
			continue // part of another name (os.sys, sysconfig)
		}
		if at < len(code) && code[at] == '.' {
			if rest, ok := strings.CutPrefix(code[at:], ".executable"); ok {
				rest = strings.TrimLeft(rest, " \t")
				if strings.HasPrefix(rest, "=") && !strings.HasPrefix(rest, "==") || strings.HasPrefix(rest, ":=") {
					return true
				}
			}
			continue
		}
		// Not an attribute read: only "import sys" (in a list, not "as")
		// keeps the module.
		stmt := code[:k]
		if j := strings.LastIndexAny(stmt, ";\n"); j >= 0 {
			stmt = stmt[j+1:]
		}
		next := strings.TrimLeft(code[at:], " \t")
		before := strings.TrimSpace(stmt)
		if !strings.HasPrefix(before+" ", "import ") || strings.HasPrefix(next, "as") ||
			before == "as" || strings.HasSuffix(before, " as") || strings.HasSuffix(before, "\tas") {
			return true
		}
	}
}
