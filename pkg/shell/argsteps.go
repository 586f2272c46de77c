package shell

import (
	"strings"

	"rampart.dev/pkg/internal/substrs"
)

// C# and Swift also build a process's argument list a step at a time:
// psi.ArgumentList.Add("-rf"); psi.ArgumentList.Add(h) (C#), and
// var a: [String] = []; a.append("-rf"); a.append(contentsOf: [h]);
// a += ["x"]; t.arguments = a, or t.arguments = ["-c"];
// t.arguments?.append(cmd) (Swift). argSteps gathers each list's items in
// the order the code adds them, so that processSetters reads the list as
// the argv it makes, as it reads one written out whole.

// argStepCalls are the calls that add to a list: an item, or a list of them.
var argStepCalls = [...]struct {
	call string
	many bool
}{{".Add(", false}, {".append(contentsOf:", true}, {".append(", false}, {"+=", true}}

// argSteps returns, for each list the code adds to (its name as written
// before the call, without Swift's optional "?"), its items' expressions
// in order and where the first is added. A list first set to a list
// literal (var a = ["-c"], t.arguments = ["-c"]) starts with its items.
func argSteps(code string) map[string]*argList {
	if !strings.Contains(code, ".Add(") && !strings.Contains(code, ".append(") && !strings.Contains(code, "+=") {
		return nil // the cheap test
	}
	lists := map[string]*argList{}
	for k := 0; k < len(code); k++ {
		var step string
		many := false
		for _, c := range argStepCalls {
			if strings.HasPrefix(code[k:], c.call) {
				step, many = c.call, c.many
				break
			}
		}
		if step == "" {
			continue
		}
		name := receiverBefore(code, k)
		if name == "" {
			continue
		}
		start := k + len(step)
		var arg string
		if step == "+=" {
			arg = valueExpr(code[start:])
		} else {
			end, _ := substrs.TopLevelEnd(code, start, "")
			if end < 0 {
				continue
			}
			arg = strings.TrimSpace(code[start:end])
		}
		if arg == "" {
			continue
		}
		l := lists[name]
		if l == nil {
			l = &argList{at: k, items: listLiteralOf(code, name)}
			lists[name] = l
		}
		if many {
			items, ok := listItems(arg)
			if !ok {
				continue
			}
			l.items = append(l.items, items...)
		} else {
			l.items = append(l.items, arg)
		}
		k = start
	}
	return lists
}

// argList is a list's items, as expressions, and where the code first
// adds to it.
type argList struct {
	items []string
	at    int
}

// expr is the list as a literal.
func (l *argList) expr() string { return "[" + strings.Join(l.items, ", ") + "]" }

// receiverBefore returns the name (a.b.c, with a trailing "?" dropped)
// written just before code[k].
func receiverBefore(code string, k int) string {
	j := k
	for j > 0 && (code[j-1] == ' ' || code[j-1] == '\t') {
		j--
	}
	if j > 0 && code[j-1] == '?' {
		j--
	}
	end := j
	for j > 0 && (literalWordByte(code[j-1]) || code[j-1] == '.') {
		j--
	}
	return strings.Trim(code[j:end], ".")
}

// listLiteralOf returns the items of the list literal the code first sets
// name to (name = [...], name: [String] = [...]), if any.
func listLiteralOf(code, name string) []string {
	for k := 0; ; {
		j := strings.Index(code[k:], name)
		if j < 0 {
			return nil
		}
		j += k
		k = j + len(name)
		if j > 0 && (literalWordByte(code[j-1]) || code[j-1] == '.') {
			continue
		}
		rest := code[k:]
		if t, ok := strings.CutPrefix(strings.TrimLeft(rest, " \t"), ":"); ok {
			// a type: [String]
			t = strings.TrimLeft(t, " \t")
			if e, _ := substrs.TopLevelEnd(t, 0, "="); e > 0 {
				rest = t[e:]
			}
		}
		rest = strings.TrimLeft(rest, " \t")
		if !strings.HasPrefix(rest, "=") || strings.HasPrefix(rest, "==") {
			continue
		}
		items, _ := listItems(valueExpr(rest[1:]))
		return items
	}
}

// listItems splits a list literal [a, b] into its items' expressions.
func listItems(expr string) ([]string, bool) {
	expr = strings.TrimSpace(expr)
	if !strings.HasPrefix(expr, "[") || !strings.HasSuffix(expr, "]") {
		return nil, false
	}
	body := expr[1 : len(expr)-1]
	var items []string
	for k := 0; k < len(body); {
		end, _ := substrs.TopLevelEnd(body, k, ",")
		if end < 0 {
			end = len(body)
		}
		if it := strings.TrimSpace(body[k:end]); it != "" {
			items = append(items, it)
		}
		k = end + 1
	}
	return items, true
}
