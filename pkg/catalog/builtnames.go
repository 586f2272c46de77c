package catalog

import (
	"sort"
	"strings"
)

//go:generate go test -run ^TestBuiltNames$ -args -update-names

// builtName is one name in the head of one line of the embedded table:
// where the name is in the table (its start and length: the name is the
// table's own text, so the index holds no pointer and is linked as data
// the garbage collector never scans, with no mask of pointers to build at
// start-up for its 50 KB), the line's start in the table and its number
// (from 1). builtNames, made
// from the table when it changes (go generate) and built into the binary
// as static data, holds one for each name of each line, by name and then
// by line; builtFacts, made with it, holds each line's lineFacts by line
// number. A process then finds a program's lines with a binary search,
// instead of searching the 150 KB table for its name (linesNaming: some
// 400k instructions for git, whose first byte the table is full of, and
// every page of the table touched) or indexing its lines (lineHeads).
type builtName struct {
	nameAt uint32
	at     uint32
	n      uint32
	nameN  uint16
}

// name returns l's name in src, the table the index was made from.
func (l *builtName) name(src string) string {
	return src[l.nameAt : l.nameAt+uint32(l.nameN)]
}

// builtNaming calls f, in order, with the number and trimmed text of each
// line of src, the embedded table, whose head names name, as linesNaming
// does, through builtNames.
func builtNaming(src, name string, f func(n int, line string)) {
	i, end := builtRange(src, name)
	for ; i < end; i++ {
		l := &builtNames[i]
		f(int(l.n), strings.TrimSpace(src[l.at:lineEnd(src, int(l.at))]))
	}
}

// builtRange returns the range of builtNames, [i, end), that holds name's
// lines of src, the embedded table.
func builtRange(src, name string) (i, end int) {
	i = sort.Search(len(builtNames), func(i int) bool { return builtNames[i].name(src) >= name })
	end = i
	for end < len(builtNames) && builtNames[end].name(src) == name {
		end++
	}
	return i, end
}

// addBuilt adds the lines of the embedded table whose head names name, as
// answer's addFor does with each line builtNaming gives, and returns the
// number of the line an error is about. The lines' range in builtNames is
// found first, so that the program's subcommand lines, kept pending
// (addPending), go into one slice made at their number, under the entry
// found once, where each line grew the slice and looked the program up
// again (git has 66 such lines, read at its first lookup).
func (c *Catalog) addBuilt(name string) (int, error) {
	src := c.src
	i, end := builtRange(src, name)
	var parent *Entry // the program's entry, once its line is added
	for k := i; k < end; k++ {
		l := &builtNames[k]
		n := int(l.n)
		line := strings.TrimSpace(src[l.at:lineEnd(src, int(l.at))])
		fa, ok := c.builtFactsOf(n)
		if !ok || fa.heads <= 1 || parent == nil {
			if err := c.addFor(line, n, name); err != nil {
				return n, err
			}
			parent = c.programs[name]
			continue
		}
		// A subcommand line, as addFor and addPending keep it.
		if parent.pend == nil {
			parent.pend = &pendingAt{subs: &pendingSubs{lines: make([]pendingLine, 0, end-k)}}
		}
		head, _, _ := strings.Cut(line, "|")
		parent.tree.add(fa.props, fa.marks)
		parent.pend.subs.lines = append(parent.pend.subs.lines, pendingLine{
			heads: afterFirstWord(head), depth: int(fa.heads) - 1, line: line, n: n,
			wraps: fa.wraps, runsAfter: fa.runsAfter,
		})
		parent.Sub = true
	}
	return 0, nil
}

// lineFacts is what a lazy catalogue reads of a subcommand line before any
// of its subcommands is looked up (Catalog.addFor): the keys its
// PROPERTIES set (propsBits) and the marks its OPTIONS set (sumMarks), for
// the program's Summary, and whether its entries run a command from their
// words (textWraps) or after they return (propRunsAfter). In builtFacts,
// heads is also the number of words in the line's head (a program's name,
// then the subcommands it is under), so that a subcommand line of the
// embedded table is kept (Catalog.addFor) without reading its words.
type lineFacts struct {
	props, marks     uint64
	wraps, runsAfter bool
	heads            uint8
}

// lineFactsOf reads a line's facts from its fields.
func lineFactsOf(options, positionals, props string) lineFacts {
	return lineFacts{
		props: propsBits(props), marks: sumMarks(options),
		wraps: textWraps(options, positionals, props), runsAfter: propRunsAfter(props),
	}
}

// factsOf returns the facts of line n of c's table, whose fields are
// given: for the embedded table, the ones made with builtNames from it
// (builtFacts, a few hundred instructions a line fewer: git has 55 such
// lines, read at its first lookup), otherwise read from the fields.
func (c *Catalog) factsOf(n int, options, positionals, props string) lineFacts {
	if fa, ok := c.builtFactsOf(n); ok {
		return fa
	}
	return lineFactsOf(options, positionals, props)
}

// builtFactsOf returns the facts of line n of the embedded table made with
// builtNames (builtFacts); ok is false for another table.
func (c *Catalog) builtFactsOf(n int) (fa lineFacts, ok bool) {
	// builtFactsLen and builtFactsSum are those of the table builtFacts
	// was made from: a merge that takes a new index of names (the table
	// changed) with an older builtFacts leaves them unequal, and the facts
	// are then read from the lines.
	if c.built && builtFactsLen == builtNamesLen && builtFactsSum == builtNamesSum && n >= 1 && n <= len(builtFacts) {
		return builtFacts[n-1], true
	}
	return lineFacts{}, false
}

// builtFor reports whether builtNames was made from src, by its length.
// Its content is not read at run time: a CRC-32 of the 250 KB table cost
// every process some 150k instructions and every page of the table.
// Instead, an index made from another table is kept out of the binary by:
//   - TestBuiltNames, which fails unless builtnames_table.go is exactly
//     what go generate makes of catalog.txt (index, facts, length and
//     CRC-32), so no build of a tested tree carries a stale index;
//   - .gitattributes, which marks builtnames_table.go -merge: a merge of
//     two branches that both regenerated it stops with a conflict, to be
//     resolved by running go generate ./catalog, never by text merged
//     line by line (offsets shifted by the other branch's lines);
//   - this length check, which sends lookups to the table itself (no
//     index) when a merge took the table from both branches and the index
//     from one, the usual way such a merge goes wrong.
func builtFor(src string) bool {
	return len(src) == builtNamesLen
}
