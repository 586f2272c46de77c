// Package usage writes the one shape every Rampart binary's -h answers in:
//
//	DESCRIPTION
//	  One sentence: what the binary is for.
//
//	USAGE
//	  rampart-eval [flags] < calls.jsonl > decisions.jsonl
//
//	VERBS
//	  check    validate a policy file
//
//	FLAGS
//	  -config FILE  policy file
//
//	EXAMPLE
//	  echo '{"tool":"exec","params":{"command":"ls"}}' | rampart-eval
//
//	DOCS
//	  docs/policy.md
//
// The headings are the ones the ff command library prints, which most of
// the binaries used already; VERBS is left out for a binary without verbs,
// FLAGS for one without flags. [Sections] lists the headings in order, for
// tests that check a binary's -h.
package usage

import (
	"flag"
	"fmt"
	"strings"
	"text/tabwriter"
)

// Help is what a binary's -h says.
type Help struct {
	Purpose  string        // one sentence
	Usage    []string      // usage lines, without the heading; an entry holding newlines is several lines
	Verbs    [][2]string   // name and one line each
	Flags    *flag.FlagSet // nil: none
	Examples []string      // command lines
	Docs     string        // where to read more: a page under docs/
}

// Sections are the headings of a -h answer, in order.
var Sections = []string{"DESCRIPTION", "USAGE", "VERBS", "FLAGS", "EXAMPLE", "DOCS"}

// Format returns h in the shared shape.
func Format(h Help) string {
	var b strings.Builder
	section := func(name string) { fmt.Fprintf(&b, "%s\n", name) }
	section("DESCRIPTION")
	fmt.Fprintf(&b, "  %s\n\n", h.Purpose)
	section("USAGE")
	for _, u := range h.Usage {
		for _, l := range strings.Split(u, "\n") {
			fmt.Fprintf(&b, "  %s\n", strings.TrimSpace(l))
		}
	}
	b.WriteString("\n")
	if len(h.Verbs) > 0 {
		section("VERBS")
		tw := tabwriter.NewWriter(&b, 0, 4, 2, ' ', 0)
		for _, v := range h.Verbs {
			fmt.Fprintf(tw, "  %s\t%s\n", v[0], v[1])
		}
		tw.Flush()
		b.WriteString("\n")
	}
	if h.Flags != nil && hasFlags(h.Flags) {
		section("FLAGS")
		tw := tabwriter.NewWriter(&b, 0, 4, 2, ' ', 0)
		h.Flags.VisitAll(func(f *flag.Flag) {
			name, text := flag.UnquoteUsage(f)
			arg := "-" + f.Name
			if name != "" {
				arg += " " + name
			}
			if f.DefValue != "" && f.DefValue != "false" && f.DefValue != "0" && !strings.Contains(text, "(default") {
				text += fmt.Sprintf(" (default %s)", f.DefValue)
			}
			fmt.Fprintf(tw, "  %s\t%s\n", arg, text)
		})
		tw.Flush()
		b.WriteString("\n")
	}
	section("EXAMPLE")
	for _, e := range h.Examples {
		fmt.Fprintf(&b, "  %s\n", e)
	}
	b.WriteString("\n")
	section("DOCS")
	fmt.Fprintf(&b, "  %s\n", h.Docs)
	return b.String()
}

func hasFlags(fs *flag.FlagSet) bool {
	n := 0
	fs.VisitAll(func(*flag.Flag) { n++ })
	return n > 0
}

// Check reports how text, a binary's -h answer, departs from the shape:
// the headings in order (VERBS and FLAGS may be absent), each followed by
// an indented line. It returns "" when text has the shape.
func Check(text string) string {
	lines := strings.Split(text, "\n")
	next := 0
	for i, l := range lines {
		if l == "" || strings.HasPrefix(l, " ") {
			continue
		}
		j := next
		for j < len(Sections) && Sections[j] != l {
			if Sections[j] != "VERBS" && Sections[j] != "FLAGS" {
				return fmt.Sprintf("line %d: %q where %s was due", i+1, l, Sections[j])
			}
			j++
		}
		if j == len(Sections) {
			return fmt.Sprintf("line %d: %q is not a heading of the shape (%s)", i+1, l, strings.Join(Sections, ", "))
		}
		if i+1 >= len(lines) || !strings.HasPrefix(lines[i+1], "  ") {
			return fmt.Sprintf("line %d: %s has no indented line under it", i+1, l)
		}
		next = j + 1
	}
	if next < len(Sections) {
		return fmt.Sprintf("no %s section", Sections[len(Sections)-1])
	}
	return ""
}
