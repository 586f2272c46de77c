package shell

import "strings"

// parallelCommands gives the commands parallel runs from its command
// template and the ::: argument lists after it: each argument replaces
// {} (and {.}, {/}, {//}, {/.}, {#}... of it stand for parts of it), or
// is appended when the template has no replacement string. Arguments read
// from stdin or files (::::, -a) are unknown words.
func parallelCommands(template string, rest []string) []string {
	var args []string
	for i := 0; i < len(rest); i++ {
		switch rest[i] {
		case ":::", ":::+":
			continue
		case "::::", "::::+":
			return parallelCommands(template, nil)
		}
		if len(args) >= MaxCommands {
			break
		}
		args = append(args, rest[i])
	}
	if len(args) == 0 {
		// The arguments come from stdin or a file (-a): unknown words,
		// spelled as a variable from outside so the walk sees them so.
		args = []string{`"$PARALLEL_ARGUMENT"`}
	}
	out := make([]string, 0, 2*len(args))
	for _, a := range args {
		// GNU parallel quotes each argument it puts in (parallel bash -c
		// ::: 'rm -rf ~' runs bash -c 'rm -rf ~'), but "{}" alone, or in
		// quotes of the template, may run it as words of a command: both
		// readings are judged, so neither hides the other.
		for _, v := range parallelReadings(a) {
			if strings.Contains(template, "{") {
				r := strings.NewReplacer("{}", v, "{.}", v, "{/}", v, "{//}", v, "{/.}", v, "{1}", v)
				out = append(out, r.Replace(template))
			} else {
				out = append(out, template+" "+v)
			}
		}
	}
	return out
}

// parallelReadings gives an argument as written and, when quoting changes
// it, quoted for the shell (an unknown argument stays an expansion).
func parallelReadings(a string) []string {
	if strings.HasPrefix(a, `"$`) {
		return []string{a}
	}
	if q := quoteWord(a); q != a {
		return []string{a, q}
	}
	return []string{a}
}
