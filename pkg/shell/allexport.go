package shell

import "strings"

// AllExport gives whether the shell exports every variable it assigns
// after set ARGS, from whether it did before: set -a (-ae, -o allexport)
// turns it on, set +a (+o allexport) off; set -- ARGS only sets the
// positional parameters.
func AllExport(args []string, was bool) bool {
	for k, w := range args {
		if len(w) < 2 || w[0] != '-' && w[0] != '+' || w == "--" || w[1] == '-' {
			break
		}
		on := w[0] == '-'
		if w[1:] == "o" {
			if k+1 < len(args) && args[k+1] == "allexport" {
				was = on
			}
			continue
		}
		if strings.IndexByte(w[1:], 'a') >= 0 {
			was = on
		}
	}
	return was
}
