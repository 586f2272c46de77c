package shell

import (
	"maps"
	"slices"
	"strings"

	"rampart.dev/pkg/internal/substrs"
)

// C# and Swift set a process up in statements of their own before they
// start it: the program and its arguments are properties
// (psi.FileName = "sh"; psi.Arguments = "-c '…'"; new ProcessStartInfo
// { FileName = "bash", Arguments = "…" }; p.StartInfo.Arguments = …;
// t.executableURL = URL(fileURLWithPath: "/bin/rm"); t.launchPath = …;
// t.arguments = ["-rf", h]), in any order. processSetters reads each
// program property with the arguments property set nearest to it as the
// call that starts them (C#'s Process.Start(FILE, ARGS), its arguments one
// command line; Swift's Process.run(FILE, ARGS), its arguments a list),
// appended to the code, so that the hooks read them as they read a call
// written out. Swift's URL(fileURLWithPath: P) and URL(filePath: P) are
// the path P, and the labels of Process.run and
// Process.launchedProcess(launchPath:arguments:) are dropped.

// startInfoMark marks, for the Process.Start hook, code that makes a
// ProcessStartInfo: Process.Start(psi) starts what psi's constructor or
// properties (read as their own calls) say.
const startInfoMark = "\x00startinfo\x00"

// processProps are, per language, the properties that name a process's
// program and its arguments, and the call that starts them.
func processProps(lang string) (program []string, arguments []string, start string) {
	switch lang {
	case "csharp":
		return []string{"FileName"}, []string{"Arguments"}, "Process.Start"
	case "swift":
		return []string{"executableURL", "launchPath"}, []string{"arguments"}, "Process.run"
	}
	return nil, nil, ""
}

// processSetters returns code with the calls its process properties make
// appended (see above).
func processSetters(lang, code string) string {
	program, arguments, start := processProps(lang)
	if start == "" {
		return code
	}
	if lang == "swift" {
		code = swiftProcessCalls(code)
	}
	progs := propertyValues(code, program)
	args := propertyValues(code, arguments)
	if lang == "csharp" {
		progs = append(progs, startInfoPrograms(code)...)
	}
	args = steppedArguments(code, args, arguments) // argsteps.go
	if len(progs) == 0 || len(args) == 0 {
		return code
	}
	var b strings.Builder
	b.WriteString(code)
	for _, a := range args {
		p := nearest(progs, a.at)
		b.WriteString("\n" + start + "(" + p.expr + ", " + a.expr + ");")
	}
	return b.String()
}

// propValue is a property's value expression and where it is set.
type propValue struct {
	expr string
	at   int
}

// nearest returns the value set closest to at (before it, or else after).
func nearest(vs []propValue, at int) propValue {
	best := vs[0]
	for _, v := range vs {
		if abs(v.at-at) < abs(best.at-at) {
			best = v
		}
	}
	return best
}

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}

// propertyValues returns the value expressions code assigns to any of the
// named properties (NAME = EXPR, x.NAME = EXPR), each up to the end of its
// statement or initializer item.
func propertyValues(code string, names []string) []propValue {
	var out []propValue
	for _, name := range names {
		for k := 0; ; {
			j := strings.Index(code[k:], name)
			if j < 0 {
				break
			}
			j += k
			k = j + len(name)
			if j > 0 && (literalWordByte(code[j-1])) || k < len(code) && literalWordByte(code[k]) {
				continue
			}
			rest := strings.TrimLeft(code[k:], " \t")
			if !strings.HasPrefix(rest, "=") || strings.HasPrefix(rest, "==") {
				continue
			}
			at := len(code) - len(rest) + 1
			if e := valueExpr(code[at:]); e != "" {
				out = append(out, propValue{expr: e, at: j})
			}
		}
	}
	return out
}

// valueExpr returns the expression code starts with, up to a ';', a
// newline, or a ',' or '}' outside its own brackets and strings.
func valueExpr(code string) string {
	if i, _ := substrs.TopLevelEnd(code, 0, ",;\n"); i >= 0 {
		return strings.TrimSpace(code[:i])
	}
	return strings.TrimSpace(code)
}

// startInfoPrograms returns the programs C#'s ProcessStartInfo is made
// with alone (new ProcessStartInfo("rm") { Arguments = … }).
func startInfoPrograms(code string) []propValue {
	var out []propValue
	for k := 0; ; {
		j := strings.Index(code[k:], "ProcessStartInfo(")
		if j < 0 {
			return out
		}
		j += k
		k = j + len("ProcessStartInfo(")
		e := valueExpr(code[k:])
		if e != "" && k+len(e) < len(code) && code[k+len(e)] == ')' {
			out = append(out, propValue{expr: e, at: j})
		}
	}
}

// swiftProcessCalls writes Swift's URL(fileURLWithPath: P) and
// URL(filePath: P) as P, and Process.run(…, arguments: …) and
// Process.launchedProcess(launchPath: …, arguments: …) without labels.
func swiftProcessCalls(code string) string {
	for _, u := range [...]string{"URL(fileURLWithPath:", "URL(filePath:"} {
		for {
			j := strings.Index(code, u)
			if j < 0 {
				break
			}
			e := valueExpr(code[j+len(u):])
			end := j + len(u) + strings.Index(code[j+len(u):], e) + len(e)
			if end >= len(code) || code[end] != ')' {
				break
			}
			code = code[:j] + e + code[end+1:]
		}
	}
	if strings.Contains(code, "Process.launchedProcess(") || strings.Contains(code, "Process.run(") {
		code = strings.NewReplacer("Process.launchedProcess(launchPath:", "Process.run(", "Process.launchedProcess(", "Process.run(",
			", arguments:", ", ").Replace(code)
	}
	return code
}

// steppedArguments adds to args the argument lists the code builds a step
// at a time (argsteps.go): C#'s X.ArgumentList, added to; Swift's
// arguments property appended to (t.arguments?.append(c)), or set to a
// list variable appended to (t.arguments = a; a.append(…)).
func steppedArguments(code string, args []propValue, arguments []string) []propValue {
	steps := argSteps(code)
	if len(steps) == 0 {
		return args
	}
	for i, a := range args {
		if l, ok := steps[a.expr]; ok && identName(a.expr) {
			args[i].expr = l.expr() // t.arguments = a
		}
	}
	for _, name := range slices.Sorted(maps.Keys(steps)) { // one order, one text
		prop := name[strings.LastIndexByte(name, '.')+1:]
		if prop == "ArgumentList" || strings.Contains(name, ".") && slices.Contains(arguments, prop) {
			args = append(args, propValue{expr: steps[name].expr(), at: steps[name].at})
		}
	}
	return args
}
