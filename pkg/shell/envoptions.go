package shell

import (
	"strings"

	"rampart.dev/pkg/catalog"
)

// Some programs read options from an environment variable as well as
// from their command line: tar from TAR_OPTIONS, zip from ZIPOPT, unzip
// from UNZIP and UNZIPOPT, pytest from PYTEST_ADDOPTS. The catalogue names
// them with the property "env-options=VAR,...". A command run with such a
// variable set on the line (TAR_OPTIONS=--to-command=sh tar xf a.tar, or
// export TAR_OPTIONS=... first) is judged with the variable's words among
// its arguments, so every option the catalogue knows keeps its meaning
// whichever channel gives it.

// envOptionWords returns the command's words with the options its
// environment variables give, and true, when the catalogue says the
// program reads such a variable and the line sets it to a known value.
// The variable's words (split as env -S splits, honouring quotes) go
// before a "--" that ends the options, else at the end: the programs that
// read such variables take options wherever they stand.
func (s *state) envOptionWords(name string, words []string, dyn []bool) ([]string, []bool, bool) {
	if len(words) == 0 || name == "" {
		return nil, nil, false
	}
	e, _ := catalog.Default().Lookup(name, words[1:])
	if e == nil {
		return nil, nil, false
	}
	vars := e.Prop("env-options")
	if vars == "" {
		return nil, nil, false
	}
	var extra []string
	var edyn []bool
	for _, v := range strings.Split(vars, ",") {
		val, ok := s.vars[v]
		switch {
		case !ok || val.known && strings.TrimSpace(val.val) == "":
		case !val.known:
			// Options nobody can read: the command is judged as one
			// with a word that could not be resolved.
			extra, edyn = append(extra, "$"+v), append(edyn, true)
		default:
			for _, w := range splitEnvString(val.val) {
				extra, edyn = append(extra, w), append(edyn, false)
			}
		}
	}
	if len(extra) == 0 {
		return nil, nil, false
	}
	at := len(words)
	for i := 1; i < len(words); i++ {
		if words[i] == "--" {
			at = i
			break
		}
	}
	out := make([]string, 0, len(words)+len(extra))
	out = append(append(append(out, words[:at]...), extra...), words[at:]...)
	if dyn == nil {
		dyn = make([]bool, len(words))
	}
	od := make([]bool, 0, len(out))
	od = append(append(append(od, dyn[:at]...), edyn...), dyn[at:]...)
	return out, od, true
}
