package shell

import (
	"regexp"
	"strings"
)

// PowerShell's Where-Object (where, ?) keeps the objects whose property
// passes a test. Given the environment drive (Get-ChildItem env:, read as
// env), a test of an item's Name, Key or Value with -eq, -like, -match or
// -in keeps the variables it names, as grep picks the lines NAME=value of
// env's output: Where-Object Name -like 'NODE_*' is grep -E '^NODE_.*=',
// judged as any grep of the environment is (a prefix or a name picks
// those variables, '*' or a credential's name picks the secrets). A test
// negated (-ne, -notlike), of another property, or written any other way
// ({ $true }, a computed value) keeps what it keeps, as before: output.
// Measure-Object only counts what it is given.

// pwshWhere translates a Where-Object command that tests a property of
// its input: the grep that keeps the same lines of env's output.
func pwshWhere(name string, words []string) (string, bool) {
	switch name {
	case "where-object", "where", "?":
	default:
		return "", false
	}
	var toks []string
	for _, w := range strings.Fields(strings.Join(words[1:], " ")) {
		w = strings.TrimSuffix(strings.TrimPrefix(w, "{"), "}")
		if l := strings.ToLower(w); w == "" || l == "-property" || l == "-filterscript" {
			continue
		}
		toks = append(toks, w)
	}
	if len(toks) < 3 {
		return "", false
	}
	prop := strings.ToLower(strings.TrimPrefix(toks[0], "$_."))
	prop = strings.TrimPrefix(prop, "$psitem.")
	op := strings.ToLower(toks[1])
	if prop != "name" && prop != "key" && prop != "value" {
		return "", false
	}
	values := pwshSplit(strings.Join(toks[2:], " "), ",")
	if len(values) == 0 || len(values) > 1 && !strings.HasSuffix(op, "in") {
		return "", false
	}
	var pats []string
	for _, v := range values {
		v = strings.Trim(strings.TrimSpace(v), `'"`)
		if v == "" || strings.HasPrefix(v, "$") || strings.Contains(v, "$(") || strings.Contains(v, "$_") {
			return "", false // a computed value
		}
		var body string
		switch op {
		case "-eq", "-ieq", "-ceq", "-in", "-iin", "-cin":
			body = regexp.QuoteMeta(v)
		case "-like", "-ilike", "-clike":
			body = strings.NewReplacer(`\*`, ".*", `\?`, ".").Replace(regexp.QuoteMeta(v))
		case "-match", "-imatch", "-cmatch":
			body = strings.TrimSuffix(strings.TrimPrefix(v, "^"), "$")
			if prop != "value" && body != v {
				body = "^" + body + "="
				pats = append(pats, body)
				continue
			}
			pats = append(pats, body)
			continue
		default:
			return "", false // -ne, -notlike, -notmatch: the rest
		}
		if prop == "value" {
			pats = append(pats, "="+body+"$")
		} else {
			pats = append(pats, "^"+body+"=")
		}
	}
	cmd := "grep -E"
	for _, p := range pats {
		cmd += " -e " + quoteWord(p)
	}
	return cmd, true
}
