package shell

import "strings"

// AssignedValues returns the text after each plain assignment to name in
// code (name = VALUE, const name=VALUE: from VALUE's first byte to the end
// of code), in order, and whether code also changes name by a compound
// assignment (name += …, name := …, name ??= …), which makes its value one
// the code computes. A use, a comparison (==), an arrow (=>), an attribute
// of another object (obj.name) or a longer name is no assignment.
func AssignedValues(code, name string) (values []string, compound bool) {
	if name == "" {
		return nil, false
	}
	for at := 0; ; {
		k := strings.Index(code[at:], name)
		if k < 0 {
			return values, compound
		}
		k += at
		at = k + len(name)
		if k > 0 && (isIdent(code[k-1]) || code[k-1] == '.' || code[k-1] == '$') || at < len(code) && isIdent(code[at]) {
			continue
		}
		rest := strings.TrimLeft(code[at:], " \t")
		if len(rest) >= 3 && strings.IndexByte("+-*/%.|&^?:", rest[0]) >= 0 && (rest[1] == '=' || rest[2] == '=' && rest[1] == rest[0]) {
			compound = true // base += '.evil.example', b := …, u ??= …
			continue
		}
		if len(rest) < 2 || rest[0] != '=' || rest[1] == '=' || rest[1] == '>' {
			continue
		}
		values = append(values, strings.TrimLeft(rest[1:], " \t"))
	}
}
