package catalog

import "strings"

// Subcommands returns the indexes in args of the words that name program
// name's subcommands, outermost first (docker container run …: 0, 1; git
// -C dir reset: 2), as far as the table can tell for sure: it stops where
// a program has no subcommands in the table, where the next operand names
// none of them, and before an option it does not know (its value could be
// the word that looks like the subcommand: docker --tlscacert run volume
// rm x removes a volume). A command pattern's leading names after the
// program word name these words, so "docker rm -v" does not hold for
// docker run --rm alpine rm -v /tmp/x, whose rm runs in the container.
func (c *Catalog) Subcommands(name string, args []string) []int {
	e := c.entry(name)
	var chain []int
	i := 0
	for e != nil && e.Sub && e.hasSubs() && e.Props["sub-skip"] == "" {
		j := e.operandAt(args, i)
		if j < 0 || j >= len(args) {
			break
		}
		sub := e.sub(args[j])
		if sub == nil {
			break
		}
		chain = append(chain, j)
		e, i = sub, j+1
	}
	return chain
}

// operandAt returns the index of the first operand at or after i when
// every option before it is one e knows, else -1.
func (e *Entry) operandAt(args []string, i int) int {
	for ; i < len(args); i++ {
		a := args[i]
		if a == "--" {
			return -1
		}
		if len(a) < 2 || a[0] != '-' {
			return i
		}
		spell, _, attached := strings.Cut(a, "=")
		o, ok := e.option(spell)
		if !ok {
			return -1
		}
		if o.Value && !attached {
			i++
			if o.Named {
				i++
			}
		}
	}
	return -1
}
