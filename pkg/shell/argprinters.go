package shell

import (
	"encoding/json"
	"strings"
)

// Programs other than echo and printf that print text the line spells:
// yes prints its arguments (as one line, again and again: once is what a
// reader judges), jq -n with a filter that is one string literal prints
// that string (raw with -r or -j, as JSON without). Their output is known
// text, as echo's is (echoText).

// argPrinterText returns what yes or jq -n (name, with its arguments
// args) print, when the line spells it.
func argPrinterText(name string, args []string) (string, bool) {
	switch name {
	case "yes":
		if len(args) == 0 {
			return "y\n", true
		}
		if strings.HasPrefix(args[0], "-") && args[0] != "-" {
			return "", false // --help, --version
		}
		return strings.Join(args, " ") + "\n", true
	case "jq", "gojq", "jaq":
		return jqLiteralText(args)
	}
	return "", false
}

// jqLiteralText is what jq -n 'FILTER' prints when FILTER is a JSON string
// literal with no interpolation: jq -rn '"A=b"' prints A=b.
func jqLiteralText(args []string) (string, bool) {
	null, raw, join := false, false, false
	filter := ""
	for _, a := range args {
		switch {
		case a == "--null-input":
			null = true
		case a == "--raw-output":
			raw = true
		case a == "--join-output":
			raw, join = true, true
		case strings.HasPrefix(a, "--"):
			return "", false
		case strings.HasPrefix(a, "-") && len(a) > 1:
			for _, c := range a[1:] {
				switch c {
				case 'n':
					null = true
				case 'r':
					raw = true
				case 'j':
					raw, join = true, true
				case 'c', 'M', 'C', 'e':
				default:
					return "", false
				}
			}
		case filter == "":
			filter = a
		default:
			return "", false // a file operand: its text is read, not spelled
		}
	}
	f := strings.TrimSpace(filter)
	if !null || len(f) < 2 || f[0] != '"' || f[len(f)-1] != '"' || strings.Contains(f, `\(`) {
		return "", false
	}
	var s string
	if json.Unmarshal([]byte(f), &s) != nil {
		return "", false
	}
	out := f
	if raw {
		out = s
	}
	if !join {
		out += "\n"
	}
	return out, true
}
