package effect

import (
	"strings"

	"rampart.dev/pkg/internal/table"
	"rampart.dev/pkg/match"
	"rampart.dev/pkg/shell"
)

// A store's data copied to another machine by a copier that takes where
// from and where to as options (elasticdump --input=SRC --output=DST,
// multielasticdump): the records leave this machine as a database's dump
// does (flow:database-dump->network, a person confirms), whichever store
// they came from; a file it is given is read (a credential file sent is
// the read rules' and the flows'). Output to a file, to stdout ($) or to
// a store on this machine is everyday work.

// dataCopier names a copier's options.
type dataCopier struct {
	input, output string // the options naming where from and where to
	reads         string // other options naming files it reads and sends
}

// dataCopiers are the copiers, by program name.
var dataCopiers = table.Map[string, dataCopier]{Words: "elasticdump multielasticdump", Build: func() map[string]dataCopier {
	es := dataCopier{input: "--input", output: "--output", reads: "--httpAuthFile --input-params --output-params --searchBody"}
	return map[string]dataCopier{"elasticdump": es, "multielasticdump": es}
}}

// dataCopiedOff adds the reads of a copier's files and the flow of its
// data to another machine.
func (a *analysis) dataCopiedOff(i int, c *shell.Command) {
	d, ok := dataCopiers.Lookup(c.Name)
	if !ok {
		return
	}
	in, out := "", ""
	for k := 0; k < len(c.Args); k++ {
		name, val, eq := strings.Cut(c.Args[k], "=")
		if !eq && k+1 < len(c.Args) && (name == d.input || name == d.output || hasField(d.reads, name)) {
			k++
			val = c.Args[k]
		}
		switch {
		case name == d.input:
			in = val
		case name == d.output:
			out = val
		case hasField(d.reads, name) && !strings.Contains(val, "://") && !strings.HasPrefix(val, "{"):
			a.add(Effect{Kind: Read, Cmd: i, Path: a.clean(strings.TrimPrefix(val, "@"), i)})
		}
	}
	source := "database-dump"
	if in != "" && !strings.Contains(in, "://") && in != "$" {
		p := a.clean(in, i)
		a.add(Effect{Kind: Read, Cmd: i, Path: p})
		if a.sensitive(p) {
			source = "credential"
		}
	}
	if !strings.Contains(out, "://") {
		return // a file, or $ (stdout)
	}
	u, ok := match.ParseURL(out)
	if !ok || loopback(u.Host) {
		return
	}
	a.add(Effect{Kind: Flow, Cmd: i, Detail: source + "->network", Word: c.Name + " sends " + in + " to " + u.Host})
}
