package effect

import (
	"strings"

	"rampart.dev/pkg/internal/table"
)

// A request function reaches code under other names than its own: imported
// bare (from requests import post; const {post} = require('axios'); import
// {get} from 'ky'), renamed on import (from requests import post as send;
// const {post: send} = …; import {get as g} from …), or assigned (const
// send = fetch; s = requests.post). A call of such a name sends a request
// as requests.post(…) does. A request function handed on as a value
// (functools.partial(requests.post, u), map(requests.post, hooks),
// fetch.call(null, u), Reflect.apply(fetch, …)) sends one to wherever its
// receiver is told, which the code does not spell.

// pyImportItems matches a Python from-import; group 1 holds its names.
var pyImportItems = table.Regexp{Expr: `(?m)^[ \t]*from[ \t]+[\w.]+[ \t]+import[ \t]+\(?([^\n;)]+)`}

// jsImportItems matches a JavaScript destructuring of a module or an
// import list; group 1 or 2 holds its names.
var jsImportItems = table.Regexp{Expr: `(?:const|let|var)\s*\{([^{}]*)\}\s*=\s*(?:await\s+)?(?:require|import)\b|import\s*\{([^{}]*)\}\s*from\b`}

// requestAssign matches a name assigned a request function: group 1 the
// name, group 2 the function (fetch, requests.post).
var requestAssign = table.Regexp{Expr: `(?:^|[\s;(])(?:const\s+|let\s+|var\s+)?([A-Za-z_$][\w$]*)\s*=\s*((?:[A-Za-z_$][\w$]*\.)*[A-Za-z_$][\w$]*)\s*(?:[;\n,)]|$)`}

// RequestAliases returns the names code calls a request function by other
// than its own, each with the function's own name (send -> post, rm ->
// delete after from requests import delete as rm).
func RequestAliases(code string) map[string]string {
	if !strings.Contains(code, "import") && !strings.Contains(code, "require") && !strings.Contains(code, "=") {
		return nil
	}
	var out map[string]string
	add := func(alias, name string) {
		if _, ok := requestCalls.Lookup(name); !ok || alias == "" {
			return
		}
		if out == nil {
			out = map[string]string{}
		}
		out[alias] = name
	}
	for _, m := range pyImportItems.Get().FindAllStringSubmatch(code, -1) {
		for _, item := range strings.Split(m[1], ",") {
			name, alias, ok := strings.Cut(strings.TrimSpace(item), " as ")
			if !ok {
				alias = name
			}
			add(strings.TrimSpace(alias), strings.TrimSpace(name))
		}
	}
	for _, m := range jsImportItems.Get().FindAllStringSubmatch(code, -1) {
		for _, item := range strings.Split(m[1]+m[2], ",") {
			item = strings.TrimSpace(item)
			name, alias, ok := strings.Cut(item, ":")
			if !ok {
				name, alias, ok = strings.Cut(item, " as ")
			}
			if !ok {
				alias = name
			}
			add(strings.TrimSpace(alias), strings.TrimSpace(name))
		}
	}
	for _, m := range requestAssign.Get().FindAllStringSubmatch(code, -1) {
		fn := m[2]
		last := fn[strings.LastIndexByte(fn, '.')+1:]
		if methodOnly, ok := requestCalls.Lookup(last); ok && (methodOnly == (last != fn)) {
			add(m[1], last) // send = fetch, s = requests.post
		}
	}
	return out
}

// requestValueUse reports code that hands a request function on as a
// value rather than calling it by name (see above): fetch or urlopen, or
// a client's request method (requests.post), followed by ',', ')' or ']',
// or by .call(, .apply(, .bind(. Import lists are no such use.
func requestValueUse(code string) bool {
	for i := 0; i < len(code); i++ {
		if !isWordByte(code[i]) || i > 0 && isWordByte(code[i-1]) {
			continue
		}
		j := i
		for j < len(code) && isWordByte(code[j]) {
			j++
		}
		name := code[i:j]
		methodOnly, ok := requestCalls.Lookup(name)
		dotted := i > 0 && code[i-1] == '.'
		if !ok || methodOnly != dotted || name == "request" || name == "got" || name == "ky" || name == "axios" {
			i = j
			continue
		}
		after := strings.TrimLeft(code[j:], " \t")
		handed := after != "" && strings.IndexByte(",)]", after[0]) >= 0 ||
			strings.HasPrefix(after, ".call(") || strings.HasPrefix(after, ".apply(") || strings.HasPrefix(after, ".bind(")
		if handed && !inImportList(code, i) {
			return true
		}
		i = j
	}
	return false
}

// inImportList reports whether code[i] sits in an import statement's list
// of names (from m import a, b; const {a, b} = require(…); import {a} from
// …).
func inImportList(code string, i int) bool {
	line := code[strings.LastIndexByte(code[:i], '\n')+1 : i]
	if t := strings.TrimLeft(line, " \t("); strings.HasPrefix(t, "from ") || strings.HasPrefix(t, "import ") {
		return true
	}
	if o := strings.LastIndexByte(code[:i], '{'); o >= 0 && !strings.ContainsAny(code[o+1:i], "}()") {
		if c := strings.IndexByte(code[i:], '}'); c >= 0 {
			rest := strings.TrimLeft(code[i+c+1:], " \t")
			return strings.HasPrefix(rest, "=") || strings.HasPrefix(rest, "from")
		}
	}
	return false
}
