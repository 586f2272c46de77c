package shell

import (
	"fmt"
	"strconv"
	"strings"
)

// describe renders a command compactly for test tables:
//
//	name(program) arg... @pipeline.stage d=depth via=a,b dyn syn op"target"
func describe(c Command) string {
	var b strings.Builder
	b.WriteString(c.Name)
	if c.Program != c.Name {
		fmt.Fprintf(&b, "(%s)", c.Program)
	}
	for _, a := range c.Args {
		b.WriteByte(' ')
		b.WriteString(quoteArg(a))
	}
	fmt.Fprintf(&b, " @%d.%d", c.Pipeline, c.Stage)
	if c.Depth > 0 {
		fmt.Fprintf(&b, " d=%d", c.Depth)
	}
	if len(c.Via) > 0 {
		fmt.Fprintf(&b, " via=%s", strings.Join(c.Via, ","))
	}
	if c.Dynamic {
		b.WriteString(" dyn")
	}
	if c.Synthetic {
		b.WriteString(" syn")
	}
	for _, r := range c.Redirects {
		fmt.Fprintf(&b, " %s%s", r.Op, strconv.Quote(r.Target))
	}
	return b.String()
}

func quoteArg(a string) string {
	if a == "" || strings.ContainsAny(a, " \t\n\"\\") {
		return strconv.Quote(a)
	}
	return a
}

func describeAll(r Result) []string {
	out := make([]string, 0, len(r.Commands)+1)
	for _, c := range r.Commands {
		out = append(out, describe(c))
	}
	if r.Unparsed {
		out = append(out, "UNPARSED")
	}
	if r.Truncated {
		out = append(out, "TRUNCATED")
	}
	return out
}
