package shell

import (
	"strings"

	"rampart.dev/pkg/internal/substrs"
)

// Node calls a function indirectly in several spellings that all run it
// with the same arguments: fn.call(thisArg, a, b), fn.apply(thisArg, [a,
// b]), Reflect.apply(fn, thisArg, [a, b]); and execa's synchronous forms
// are its calls under another name (execa.sync(…), require('execa').sync
// (…), $.sync`…`). nodeIndirectCalls rewrites them as the plain calls
// (fn(a, b), execaSync(…), $`…`) the hooks read, so that
// cp.execSync.call(cp, 'rm -rf ~') is judged as cp.execSync('rm -rf ~').

// nodeIndirectCalls returns code with Node's indirect calls made plain; code
// that has none is returned as it is, after a substring check.
func nodeIndirectCalls(code string) string {
	if !strings.Contains(code, ".call(") && !strings.Contains(code, ".apply(") && !strings.Contains(code, ".sync") {
		return code
	}
	code = rewriteCalls(code, "Reflect.apply(", reflectApplyCall)
	code = rewriteCalls(code, ".apply(", methodApplyCall)
	code = rewriteCalls(code, ".call(", methodCallCall)
	if strings.Contains(code, "execa") {
		code = strings.ReplaceAll(code, "$.sync`", "$`")
		code = strings.ReplaceAll(code, ".sync(", ".execaSync(")
	}
	return code
}

// rewriteCalls replaces each occurrence of marker in code by what fix
// makes of the code from it on (fix returns the replacement of code[at:]
// and true, or false to leave it).
func rewriteCalls(code, marker string, fix func(code string, at int) (string, bool)) string {
	for from, n := 0, 0; n < 64; n++ {
		k := strings.Index(code[from:], marker)
		if k < 0 {
			break
		}
		at := from + k
		if out, ok := fix(code, at); ok {
			code = out
		}
		from = at + 1
	}
	return code
}

// reflectApplyCall makes Reflect.apply(fn, thisArg, [args]) fn(args).
func reflectApplyCall(code string, at int) (string, bool) {
	a := at + len("Reflect.apply(")
	e1, b1 := substrs.TopLevelEnd(code, a, ",")
	if e1 < 0 || b1 != ',' {
		return "", false
	}
	e2, b2 := substrs.TopLevelEnd(code, e1+1, ",")
	if e2 < 0 || b2 != ',' {
		return "", false
	}
	return arrayAsArgs(code, at, strings.TrimSpace(code[a:e1]), e2+1)
}

// methodApplyCall makes fn.apply(thisArg, [args]) fn(args).
func methodApplyCall(code string, at int) (string, bool) {
	if strings.HasSuffix(code[:at], "Reflect") {
		return "", false
	}
	a := at + len(".apply(")
	e, b := substrs.TopLevelEnd(code, a, ",")
	if e < 0 || b != ',' {
		return "", false
	}
	return arrayAsArgs(code, at, "", e+1)
}

// arrayAsArgs gives code with code[at:] up to an array literal starting
// (after blanks) at from replaced by name and the array's items as a
// call's arguments; the call's closing bracket is the one after the array.
func arrayAsArgs(code string, at int, name string, from int) (string, bool) {
	p := from
	for p < len(code) && (code[p] == ' ' || code[p] == '\t' || code[p] == '\n') {
		p++
	}
	if p >= len(code) || code[p] != '[' {
		return "", false // fn.apply(this, args): a list nobody here sees
	}
	end, b := substrs.TopLevelEnd(code, p+1, "")
	if end < 0 || b != ']' {
		return "", false
	}
	return code[:at] + name + "(" + code[p+1:end] + code[end+1:], true
}

// methodCallCall makes fn.call(thisArg, args) fn(args).
func methodCallCall(code string, at int) (string, bool) {
	a := at + len(".call(")
	e, b := substrs.TopLevelEnd(code, a, ",")
	switch {
	case e < 0:
		return "", false
	case b == ',':
		return code[:at] + "(" + strings.TrimLeft(code[e+1:], " \t\n"), true
	default:
		return code[:at] + "(" + code[e:], true // fn.call(thisArg): no arguments
	}
}
