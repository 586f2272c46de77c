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
	out := make([]string, 0, len(args))
	for _, a := range args {
		// The argument goes in as written: "{}" alone runs it as a
		// command, and splitting an argument over-reports, never hides.
		if strings.Contains(template, "{") {
			r := strings.NewReplacer("{}", a, "{.}", a, "{/}", a, "{//}", a, "{/.}", a, "{1}", a)
			out = append(out, r.Replace(template))
		} else {
			out = append(out, template+" "+a)
		}
	}
	return out
}
