package catalog

import (
	"slices"
	"strings"
	"testing"
)

// TestPythonModule checks that "-m MODULE" is found among the
// interpreter's own options, attached or not, and that a script, code or
// standard input ends the search.
func TestPythonModule(t *testing.T) {
	for line, want := range map[string]string{
		"-m pickle x.pkl":         "pickle|x.pkl",
		"-mhttp.server 8000":      "http.server|8000",
		"-W ignore -m pip list":   "pip|list",
		"-X utf8 -u -m json.tool": "json.tool|",
		"-c print(1) -m pip":      "",
		"script.py -m pip":        "",
		"-":                       "",
		"-m":                      "",
		// switches run together, -m last among them
		"-Im pip install x":    "pip|install x",
		"-IBm pip list":        "pip|list",
		"-uImpip list":         "pip|list",
		"-IW ignore -m pip":    "pip|",
		"-IWignore -m pip":     "pip|",
		"-Ic print(1) -m pip":  "",
		"-Iz -m pip":           "",
		"-IB script.py -m pip": "",
	} {
		mod, rest, ok := PythonModule(strings.Fields(line))
		got := ""
		if ok {
			got = mod + "|" + strings.Join(rest, " ")
		}
		if got != want {
			t.Errorf("PythonModule(%q) = %q, want %q", line, got, want)
		}
	}
}

// TestModuleEntry checks the entry a module run as a program is judged
// by: its own, the standard library's under "python-", or the program
// its package installs.
func TestModuleEntry(t *testing.T) {
	c := Default()
	for mod, want := range map[string]string{
		"pip":         "pip",
		"pickle":      "python-pickle",
		"http.server": "python-http.server",
		"django":      "django-admin",
		"no_such_mod": "",
	} {
		got, ok := c.ModuleEntry(mod)
		if got != want || ok != (want != "") {
			t.Errorf("ModuleEntry(%q) = %q, %v; want %q", mod, got, ok, want)
		}
	}
	if !slices.ContainsFunc(c.Classify("python-pickle", []string{"x.pkl"}).Words, func(w Word) bool { return w.Role == Exec }) {
		t.Error("python3 -m pickle FILE: FILE is not run")
	}
	if slices.ContainsFunc(c.Classify("python-pickletools", []string{"x.pkl"}).Words, func(w Word) bool { return w.Role == Exec }) {
		t.Error("python3 -m pickletools FILE only disassembles FILE")
	}
}
