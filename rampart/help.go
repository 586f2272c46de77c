package main

import (
	"fmt"
	"io"
	"path/filepath"
	"sort"
	"strings"
	"text/tabwriter"

	shape "rampart.dev/pkg/usage"
)

// help answers rampart help [VERB [SUB]]: the verb table on stdout, or the
// owning binary's own -h.
func help(rest []string, sys system) (target, int, bool) {
	if len(rest) == 0 {
		printVerbs(sys.stdout, sys)
		return target{}, 0, true
	}
	v, ok := lookupVerb(rest[0])
	switch {
	case ok && v.bin == "":
		fmt.Fprintf(sys.stdout, "rampart %s: %s\n", v.name, v.summary)
		return target{}, 0, true
	case ok && v.sub != nil && len(rest) == 1:
		fmt.Fprintf(sys.stdout, "rampart %s: %s\n\n", v.name, v.summary)
		tw := tabwriter.NewWriter(sys.stdout, 0, 4, 2, ' ', 0)
		for i, s := range v.sub {
			fmt.Fprintf(tw, "  rampart %s %s\t%s\n", v.name, s, v.subSummary[i])
		}
		tw.Flush()
		return target{}, 0, true
	}
	t, err := targetFor(rest[0], rest[1:])
	if err != nil {
		reportUsage(sys, err)
		return target{}, exitUsage, true
	}
	t.args = append(t.args, "-h")
	return t, 0, false
}

func usage(w io.Writer) {
	fmt.Fprintln(w, "usage: rampart VERB [ARGS...]")
	fmt.Fprintln(w, "rampart: hint: rampart help lists the verbs")
}

// printVerbs writes the verb table and any external rampart-* commands, in
// the -h shape every Rampart binary shares (pkg/usage).
func printVerbs(w io.Writer, sys system) {
	var rows [][2]string
	for _, v := range verbs {
		for i, s := range v.sub {
			rows = append(rows, [2]string{v.name + " " + s, v.bin + " " + s + "\t" + v.subSummary[i]})
		}
		if v.sub != nil {
			continue
		}
		use := v.usage
		if use == "" {
			use = v.name
		}
		runs := "rampart"
		if v.bin != "" {
			runs = strings.Join(append([]string{v.bin}, v.prefix...), " ")
		}
		rows = append(rows, [2]string{use, runs + "\t" + v.summary})
	}
	for _, e := range externals(sys) {
		rows = append(rows, [2]string{e, "rampart-" + e + "\texternal command"})
	}
	fmt.Fprint(w, shape.Format(shape.Help{
		Purpose: "Rampart is a firewall for AI agents' tool calls; each verb runs the binary that owns it " +
			"(found beside rampart or on PATH), and any other VERB runs rampart-VERB, like git's external commands.",
		Usage:    []string{"rampart VERB [ARGS...]", "rampart help VERB    the verb's own flags"},
		Verbs:    rows,
		Examples: []string{"rampart setup claude-code", "rampart policy explain 'cat ~/.aws/credentials'", "rampart audit tail -n 5"},
		Docs:     "README.md, docs/architecture.md; go doc rampart.dev/rampart",
	}))
}

// externals lists the rampart-NAME programs beside rampart or on PATH that
// are not part of Rampart itself, by NAME.
func externals(sys system) []string {
	own := map[string]bool{}
	for _, b := range binaries {
		own[b] = true
	}
	seen := map[string]bool{}
	var names []string
	dirs := append([]string{sys.exeDir}, filepath.SplitList(sys.path)...)
	for _, dir := range dirs {
		if dir == "" || !filepath.IsAbs(dir) {
			continue
		}
		matches, _ := filepath.Glob(filepath.Join(dir, "rampart-*"))
		for _, m := range matches {
			base := filepath.Base(m)
			name := strings.TrimPrefix(base, "rampart-")
			if own[base] || seen[name] || !externalName(name) || !isExecutable(m) {
				continue
			}
			if _, builtin := lookupVerb(name); builtin {
				continue
			}
			seen[name] = true
			names = append(names, name)
		}
	}
	sort.Strings(names)
	return names
}
