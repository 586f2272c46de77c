package effect

import (
	"strings"

	"rampart.dev/pkg/shell"
)

// sedEditsOnly reports whether a sed command line only rewrites its files
// in place: -i given, only options that change how the script reads
// (-E, -r, -s, -z, -u, -b, --posix, -n; not --follow-symlinks, which
// edits what a link leads to rather than replacing the link), and scripts of
// substitutions, transliterations, deletes and inserted text, with simple
// addresses, whose flags write nothing elsewhere and run nothing (no w, W,
// r, R or e command, no s///w or s///e). Then what it reads goes back into
// the same file, never to its output, so the read is an edit of the file,
// not a look at it. Anything else it does not understand is a read.
func sedEditsOnly(args []string) bool {
	inPlace, scripts := false, 0
	first := true
	for k := 0; k < len(args); k++ {
		w := args[k]
		switch {
		case w == "-i" || strings.HasPrefix(w, "--in-place") || strings.HasPrefix(w, "-i") && !strings.ContainsAny(w[2:], "-"):
			// -i, -iSUFFIX, -i.bak, --in-place[=SUFFIX]
			inPlace = true
		case w == "-e" || w == "--expression":
			if k+1 >= len(args) || !sedPureScript(args[k+1]) {
				return false
			}
			k++
			scripts++
		case strings.HasPrefix(w, "--expression="):
			if !sedPureScript(strings.TrimPrefix(w, "--expression=")) {
				return false
			}
			scripts++
		case w == "-E" || w == "-r" || w == "-s" || w == "-z" || w == "-u" || w == "-b" || w == "-n" ||
			w == "--posix" || w == "--regexp-extended" || w == "--separate" ||
			w == "--null-data" || w == "--unbuffered" || w == "--binary" || w == "--quiet" || w == "--silent":
		case w == "--":
			first = false
		case strings.HasPrefix(w, "-") && len(w) > 1:
			return false // -f, --debug, -l and the rest: not read here
		case first && scripts == 0:
			if !sedPureScript(w) {
				return false
			}
			scripts++
			first = false
		}
	}
	return inPlace && scripts > 0
}

// sedPureScript reports whether a sed script only edits the pattern space:
// each command, after an optional address of line numbers, $ or /regex/
// (and a second after a comma, and !), is s or y with harmless flags, d,
// or a, i, c with their text.
func sedPureScript(script string) bool {
	for _, line := range strings.Split(script, "\n") {
		for _, c := range shell.SedCommands(line) {
			if strings.TrimSpace(c) == "" {
				continue
			}
			c, ok := shell.SedSkipAddress(c)
			if !ok {
				return false
			}
			switch {
			case c == "d" || c == "D" || strings.TrimSpace(c) == "d":
			case strings.HasPrefix(c, "a") || strings.HasPrefix(c, "i") || strings.HasPrefix(c, "c"):
				// text: with -i it goes into the file
			case strings.HasPrefix(c, "y") && len(c) > 1:
				if flags, ok := shell.SedSubstFlags(c); !ok || strings.TrimSpace(flags) != "" {
					return false
				}
			case strings.HasPrefix(c, "s") && len(c) > 1:
				flags, ok := shell.SedSubstFlags(c)
				if !ok || strings.Trim(flags, "gpiImM0123456789 \t") != "" {
					return false
				}
			default:
				return false
			}
		}
	}
	return true
}

// sedReadFiles gives the files a sed command line's scripts read with the
// r and R commands (a filename runs to the end of its line): "r .env"
// copies .env into the output. Most sed scripts have none, and cost no
// allocation here.
func sedReadFiles(args []string) []string {
	maybe := false
	for _, w := range args {
		maybe = maybe || strings.Contains(w, "r ") || strings.Contains(w, "R ") || strings.Contains(w, "r\t") || strings.Contains(w, "R\t")
	}
	if !maybe {
		return nil
	}
	var out []string
	first := true
	for k := 0; k < len(args); k++ {
		w := args[k]
		script := ""
		switch {
		case (w == "-e" || w == "--expression") && k+1 < len(args):
			script, first = args[k+1], false
			k++
		case strings.HasPrefix(w, "--expression="):
			script, first = strings.TrimPrefix(w, "--expression="), false
		case strings.HasPrefix(w, "-"):
			continue
		case first:
			script, first = w, false
		default:
			continue
		}
		for _, line := range strings.Split(script, "\n") {
			for _, c := range shell.SedCommands(line) {
				c, ok := shell.SedSkipAddress(c)
				if !ok || len(c) < 2 || c[0] != 'r' && c[0] != 'R' || c[1] != ' ' && c[1] != '\t' {
					continue
				}
				// the filename is the rest of the line, ";" included
				if name := strings.TrimSpace(c[1:]); name != "" {
					out = append(out, name)
				}
			}
		}
	}
	return out
}
