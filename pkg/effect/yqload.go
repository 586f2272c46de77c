package effect

import (
	"strings"

	"rampart.dev/pkg/shell"
)

// yq's expression language loads files by name (load("f.yaml"),
// load_str("f"), load_base64, load_props, load_xml): what it loads is
// read, and printed when the expression prints it, as a file given on
// the command line is (yq -n 'load_str("/home/dev/.ssh/id_rsa")').

// yqLoadCall starts the name of each of yq's functions that read a file
// by name.
const yqLoadCall = "load"

// selectorLoads adds a read of each file a yq expression of command i
// loads by a literal name.
func (a *analysis) selectorLoads(i int, c *shell.Command) {
	if c.Name != "yq" {
		return
	}
	f := &a.per[i]
	for _, w := range c.Args {
		for at := 0; at < len(w); {
			k := strings.Index(w[at:], yqLoadCall)
			if k < 0 {
				break
			}
			k += at
			at = k + len(yqLoadCall)
			if k > 0 && isIdentByte(w[k-1]) {
				continue // reload, download: another name
			}
			switch p, ok := loadedName(w[at:]); {
			case ok:
				p = a.clean(p, i)
				a.add(Effect{Kind: Read, Cmd: i, Path: p})
				f.reads = append(f.reads, p)
			case p != "":
				// load_str("/home/dev/" + ".ssh/id_rsa"), load(env(F)):
				// a file nobody here can name
				a.add(Effect{Kind: Unknown, Cmd: i, Detail: "code", Word: "yq loads a file by a computed name: " + p})
			}
		}
	}
}

// loadedName returns the quoted name that the rest of a call to a load
// function after "load" gives it (_str("f"), ("f.yaml")); for a call
// whose argument is computed, the argument and false; "" and false for
// no call.
func loadedName(rest string) (string, bool) {
	j := 0
	for j < len(rest) && (rest[j] >= 'a' && rest[j] <= 'z' || rest[j] == '_' || rest[j] >= '0' && rest[j] <= '9') {
		j++ // load_str, load_base64, load_props
	}
	arg := strings.TrimLeft(rest[j:], " \t")
	if !strings.HasPrefix(arg, "(") {
		return "", false
	}
	arg = strings.TrimLeft(arg[1:], " \t")
	if len(arg) < 2 || arg[0] != '"' && arg[0] != '\'' {
		return arg, false // load_str(env(F)), load(strenv(F))
	}
	end := strings.IndexByte(arg[1:], arg[0])
	if end <= 0 {
		return "", false
	}
	if after := strings.TrimLeft(arg[end+2:], " \t"); !strings.HasPrefix(after, ")") {
		return arg, false // "/home/dev/" + ".ssh/id_rsa": joined at run time
	}
	return arg[1 : end+1], true
}

// isIdentByte reports a byte that may be part of an identifier.
func isIdentByte(b byte) bool {
	return b == '_' || b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z' || b >= '0' && b <= '9'
}
