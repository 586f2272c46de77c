package effect

import (
	"strings"

	"rampart.dev/pkg/internal/table"
)

// grepReading is what a grep's options say about the lines it prints,
// read as grep reads them: a long option by any unambiguous start of its
// name (--inv is --invert-match, --cont=999 is --context), a cluster of
// short options up to the one that takes the rest as its value (-el is
// the pattern "l", not -l), and -NUM as a context of NUM lines.
type grepReading struct {
	patterns []string // from -e and --regexp, or else the first operand
	quiet    bool     // counts, lists files or keeps quiet: no matching line printed
	invert   bool     // prints the lines that do not match
	wide     bool     // prints more than the matching lines, or its patterns come from elsewhere
	only     bool     // prints only the part of a line its pattern matches (-o, --only-matching)
}

// grepLong are a grep's long options (GNU grep's, and ripgrep's that
// widen what it prints) by what they do: "value" takes a value, "pattern"
// is a pattern, "quiet", "invert" and "wide" as grepReading's fields.
var grepLong = table.Map[string, string]{Build: func() map[string]string {
	return map[string]string{
		"regexp": "pattern", "file": "wide", "context": "wide", "after-context": "wide", "before-context": "wide",
		"null-data": "wide", "passthru": "wide", "passthrough": "wide", "multiline": "wide", "multiline-dotall": "wide",
		"invert-match": "invert", "count": "quiet", "count-matches": "quiet", "quiet": "quiet", "silent": "quiet",
		"files-with-matches": "quiet", "files-without-match": "quiet",
		"max-count": "value", "label": "value", "include": "value", "exclude": "value", "exclude-dir": "value",
		"exclude-from": "value", "binary-files": "value", "devices": "value", "directories": "value",
		"group-separator": "value", "glob": "value", "iglob": "value", "type": "value", "type-not": "value",
		"ignore-case": "flag", "only-matching": "flag", "line-number": "flag", "word-regexp": "flag",
		"line-regexp": "flag", "extended-regexp": "flag", "fixed-strings": "flag", "basic-regexp": "flag",
		"perl-regexp": "flag", "no-filename": "flag", "with-filename": "flag", "color": "flag", "colour": "flag",
		"no-messages": "flag", "byte-offset": "flag", "initial-tab": "flag", "null": "flag", "recursive": "flag",
		"dereference-recursive": "flag", "text": "flag", "smart-case": "flag", "no-ignore": "flag", "hidden": "flag",
	}
}}

// grepShortValue are the short options whose value is the rest of the
// cluster or the next word; grepShortKind says what the others do.
const grepShortValue = "efmABCdDgt"

// longGrepKind returns what a long option written as name (without its
// dashes or value) does: the option it names exactly, or the one it is
// the start of. A start shared by options of different kinds is read as
// the widest of them: grep refuses an ambiguous start, and nothing it
// might mean is allowed to pass for harmless.
func longGrepKind(name string) string {
	if k, ok := grepLong.Lookup(name); ok {
		return k
	}
	kind := ""
	for full, k := range grepLong.All() {
		if len(name) < 2 || !strings.HasPrefix(full, name) {
			continue
		}
		if kind == "" || grepKindRank(k) > grepKindRank(kind) {
			kind = k
		}
	}
	if kind == "" {
		return "flag"
	}
	return kind
}

// grepKindRank orders the kinds of a long option by how much they let
// through: what an ambiguous start is read as.
func grepKindRank(k string) int {
	switch k {
	case "wide":
		return 4
	case "invert":
		return 3
	case "pattern":
		return 2
	case "value":
		return 1
	}
	return 0
}

// readGrep reads the arguments of a grep, or of rg, ag or ack, as the
// program name reads them (grepdialects.go).
func readGrep(name string, args []string) grepReading {
	g := dialectOf(name)
	var r grepReading
	explicit := false
	operand := -1 // the index in args of the first operand
	for k := 0; k < len(args); k++ {
		w := args[k]
		switch {
		case w == "--":
			if operand < 0 && k+1 < len(args) {
				operand = k + 1
			}
			k = len(args)
		case strings.HasPrefix(w, "--"):
			name, val, hasVal := strings.Cut(w[2:], "=")
			kind := g.longKind(name)
			takes := kind == "pattern" || kind == "value" || kind == "wide" && name != "" && (strings.HasPrefix("file", name) || strings.Contains(name, "context"))
			if takes && !hasVal && k+1 < len(args) {
				k++
				val = args[k]
			}
			if name != "" && len(name) > 1 && strings.HasPrefix("only-matching", name) {
				r.only = true
			}
			switch kind {
			case "pattern":
				explicit = true
				r.patterns = append(r.patterns, val)
			case "wide":
				r.wide = true
			case "invert":
				r.invert = true
			case "quiet":
				r.quiet = true
			}
		case strings.HasPrefix(w, "-") && len(w) > 1:
			b := w[1:]
		cluster:
			for j := 0; j < len(b); j++ {
				c := b[j]
				if c >= '0' && c <= '9' {
					r.wide = true // -5, -i500: NUM lines of context
					continue
				}
				if strings.IndexByte(g.shortWide, c) >= 0 {
					r.wide = true // rg -U: a match across lines
				}
				if strings.IndexByte(g.shortValue, c) >= 0 {
					val := b[j+1:]
					if val == "" && k+1 < len(args) {
						k++
						val = args[k]
					}
					switch c {
					case 'e':
						explicit = true
						r.patterns = append(r.patterns, val)
					case 'f', 'A', 'B', 'C':
						r.wide = true
					}
					break cluster
				}
				switch c {
				case 'o':
					r.only = true
				case 'c', 'q', 'l', 'L':
					r.quiet = true
				case 'v':
					r.invert = true
				case 'z':
					r.wide = true // one record: every line matched as one
				}
			}
		default:
			if operand < 0 {
				operand = k
			}
		}
	}
	if !explicit && operand >= 0 {
		// args' own element, capped: an append copies it out
		r.patterns = args[operand : operand+1 : operand+1]
	}
	return r
}
