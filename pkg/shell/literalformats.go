package shell

import "strings"

// A command line is often spelled as a format and its arguments: Go's
// fmt.Sprintf("rm -rf %s", d), Rust's format!("rm -rf {}", d), OCaml's
// Printf.sprintf "rm -rf %s" d, Erlang's io_lib:format("rm -rf ~s", [D]),
// Java's String.format, C#'s string.Format("rm -rf {0}", d). Once the
// names are read as the literals they hold (literalnames.go), the format
// and its arguments are a run of literals; fillFormat puts the arguments
// in the format's places, as the call would.

// formatVerbs are the places a format takes its next argument in.
var formatVerbs = [...]string{"%s", "%v", "%q", "%d", "{}", "~s", "~p", "~ts", "{0}", "{1}", "{2}"}

// fillFormat returns the first literal of run with each of its places
// filled, in order, by the literals after it; ok is false when the first
// has no place or the run has fewer arguments than places.
func fillFormat(run []string) (string, bool) {
	f := run[0]
	if !strings.ContainsAny(f, "%{~") {
		return "", false
	}
	var b strings.Builder
	next, filled := 1, false
	for i := 0; i < len(f); {
		verb := ""
		for _, v := range formatVerbs {
			if strings.HasPrefix(f[i:], v) {
				verb = v
				break
			}
		}
		if verb == "" {
			b.WriteByte(f[i])
			i++
			continue
		}
		if next >= len(run) {
			return "", false
		}
		b.WriteString(run[next])
		next++
		filled = true
		i += len(verb)
	}
	return b.String(), filled
}
