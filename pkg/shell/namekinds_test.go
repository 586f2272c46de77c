package shell

import (
	"strings"
	"testing"

	"rampart.dev/pkg/catalog"

	"rampart.dev/pkg/internal/tablerows"
)

// engineExecLines reads every exec row of the engine's tables.
func engineExecLines(t *testing.T) []string {
	t.Helper()
	lines, err := tablerows.Exec("../engine/testdata")
	if err != nil {
		t.Fatal(err)
	}
	if len(lines) < 10000 {
		t.Fatalf("only %d lines read from the engine's tables", len(lines))
	}
	return lines
}

// TestNameKindsMatch holds the kept kinds of names to the functions that
// compute them, and readsStdin's early answer (a name that is no stdin
// reader reads no script from its input) to readsStdinOf's full reading:
// on every command of every exec row of the engine's tables, every
// program the catalogue names, and versioned, upper-case and .exe
// spellings of each, with the argument shapes readsStdinOf looks at.
func TestNameKindsMatch(t *testing.T) {
	words := map[string][][]string{} // by name: the command lines seen
	add := func(name string, w []string) {
		if len(words[name]) < 20 {
			words[name] = append(words[name], w)
		}
	}
	for _, line := range engineExecLines(t) {
		r := Parse(line)
		for _, c := range r.Commands {
			if c.Program != "" {
				add(progName(c.Program), append([]string{c.Program}, c.Args...))
			}
			add(c.Name, append([]string{c.Name}, c.Args...))
		}
	}
	names := catalog.ProgramsMatching("*", nil, 1<<20)
	if len(names) < 500 {
		t.Fatalf("only %d catalogue names", len(names))
	}
	for n := range words {
		names = append(names, n)
	}
	shapes := [][]string{nil, {"-"}, {"/dev/stdin"}, {"<(x)"}, {"-s"}, {"-c", "x"}, {"-e", "x"}, {"x.py"}, {"-f", "-"}, {"-P", "-"},
		{"-m", "x"}, {":::", "a"}, {"/dev/fd/3"}, {"-Command", "-"}, {"host"}, {"host", "cmd"}, {"-l"}}
	for _, n := range names {
		for _, v := range []string{n, n + "3", n + "3.12", n + "3.12-dbg", n + "3.13t", n + ".exe", strings.ToUpper(n), n + "8.6", n + "js"} {
			for _, s := range shapes {
				add(progName(v), append([]string{v}, s...))
			}
		}
	}
	for _, line := range engineExecLines(t) {
		// The kinds a command carries are its name's (kindsOf).
		r := Parse(line)
		for i := range r.Commands {
			c := &r.Commands[i]
			if c.kinds != 0 && c.kinds != kindOf(c.Name)|kindKnown {
				t.Errorf("%q: command %q carries kinds %b, its name's are %b", line, c.Name, c.kinds, kindOf(c.Name))
			}
			if c.kindsOf() != kindOf(c.Name) && c.kindsOf() != kindOf(c.Name)|kindKnown {
				t.Errorf("%q: command %q: kindsOf %b, its name's %b", line, c.Name, c.kindsOf(), kindOf(c.Name))
			}
			for _, k := range []uint32{kindFilter, kindInterpreter, kindScriptLang} {
				if got, want := c.IsNot(NameKind(k)), c.kinds != 0 && kindOf(c.Name)&k == 0; got != want {
					t.Errorf("%q: command %q: IsNot(%b) = %v, want %v", line, c.Name, k, got, want)
				}
			}
		}
	}
	for name, lines := range words {
		for range 2 { // a kept answer, then perhaps one computed again
			if got, want := isInterpreter(name), isInterpreterName(name); got != want {
				t.Errorf("isInterpreter(%q) = %v, computed %v", name, got, want)
			}
			if got, want := nameKinds.Get(name)&kindStdinReader != 0, stdinReaderName(name); got != want {
				t.Errorf("stdin reader %q = %v, computed %v", name, got, want)
			}
			if got, want := ShellOrInterpreter(name), shellOrInterpName(name); got != want {
				t.Errorf("ShellOrInterpreter(%q) = %v, computed %v", name, got, want)
			}
			if got, want := nameKinds.Get(name)&kindFilter != 0, Filter(name); got != want {
				t.Errorf("filter %q = %v, computed %v", name, got, want)
			}
			if got, want := nameKinds.Get(name)&kindWrapsByName != 0, wrapsByName(name); got != want {
				t.Errorf("wraps by name %q = %v, computed %v", name, got, want)
			}
			if got, want := nameKinds.Get(name)&kindEnvOptions != 0, envOptionsName(name); got != want {
				t.Errorf("env options %q = %v, computed %v", name, got, want)
			}
			if got, want := nameKinds.Get(name)&kindScriptLang != 0, scriptLang(name) != ""; got != want {
				t.Errorf("script language %q = %v, computed %v", name, got, want)
			}
		}
		if stdinReaderName(name) {
			continue
		}
		for _, w := range lines {
			if lang, ok := readsStdinOf(name, w); lang != "" || ok {
				t.Errorf("%q: readsStdinOf = %q, %v for a name that is no stdin reader", w, lang, ok)
			}
		}
	}
}
