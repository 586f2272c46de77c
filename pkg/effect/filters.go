package effect

import (
	"strings"

	"rampart.dev/pkg/catalog"
	"rampart.dev/pkg/internal/table"
	"rampart.dev/pkg/shell"
)

// Plain filters.
//
// Most stages of a long pipeline are filters (sort, uniq -c, head -20, wc
// -l, cut -d: -f1, rev): they read their standard input, or files they
// are given, and print a transformation of it. Given only data words (no
// file, no expansion), such a command has no effect of its own: its
// redirections (judged before) and the line's flows (judged after) say
// all it does. The readings of a command's words, sources and code
// (words, sources, codePaths) would each look and find nothing, at some
// thousands of instructions a command; plainFilter recognises the case
// first and the analysis skips them.
//
// The filters are named (shell.Filter), not inferred from the catalogue:
// a reading that keys on a program's name must not meet one here. Their catalogue entries
// carry no properties and no subcommands (TestPlainFiltersCatalogued), and
// TestPlainFilterSkipsNothing holds the skip to the full readings on every
// row of the engine's tables and on filters given words that other
// readings look for.

// skipPlainFilters lets a test turn the skip off, to compare.
var skipPlainFilters = true

// plainFilter reports whether command i, classified by its own name and
// words as cl, is a plain filter given only data: a shell.Filter,
// not behind a wrapper nor made from code, whose entry has no properties,
// whose options set no mark, whose words are data (or "-", its standard
// input), none expanding a variable, none naming a file by an option's
// value, none an address of every interface or a request method's
// override; and whose redirections and code found nothing yet (no file
// read or written, no source, no sink).
func (a *analysis) plainFilter(c *shell.Command, cl *catalog.Classified, f *cmdFacts) bool {
	if !skipPlainFilters || c.Synthetic || len(c.Via) > 0 || len(cl.Marks) > 0 {
		return false
	}
	filter := c.Filter()
	if !filter && !c.Is(plainReaderKind) { // (plainReaders.Get(c.Name))
		return false
	}
	e := cl.Entry
	if e == nil || e != f.entry || e.Sub || e.HasProps() && (filter || !offlineOnly(e)) {
		return false
	}
	if f.source != "" || f.sink != "" || len(f.reads) > 0 || len(f.writes) > 0 || len(f.sends) > 0 || len(f.hosts) > 0 {
		return false
	}
	for _, w := range c.Args {
		// (a '$' in a plain script the walk resolved whole is the
		// script's own: awk '{print $1}', sed '$d')
		if hasExpansion(w) && (c.Dynamic || !plainScript(c.Name, w)) || overriddenMethod(w) != "" || everyInterface(w) {
			return false
		}
		if _, v, ok := strings.Cut(w, "="); ok && everyInterface(v) {
			return false
		}
	}
	for _, w := range cl.Words {
		switch w.Role {
		case catalog.Data:
			if w.Option != "" && e.Rest == catalog.Read && fileValue(w.Text) {
				return false // cat -n FILE where -n takes a value (words)
			}
		case catalog.Read:
			if w.Text != "-" && w.Text != "/dev/stdin" {
				return false
			}
		case catalog.Code:
			if w.Option != "" || !plainScript(c.Name, w.Text) {
				return false
			}
		default:
			return false
		}
	}
	return true
}

// plainReaders are programs outside shell.Filter that, given only data
// words, read their standard input or print what they are given and do
// nothing else: grep's family matching a pattern given as a word over its
// input, ls and date printing what they are asked, sed running a script
// that only substitutes or prints (plainSedScript), awk printing fields
// (plainAwkProgram). Their catalogue entries
// carry no property but "offline" (they send nothing), which only the
// flow pass reads, and that pass is not skipped.
var plainReaders = table.Map[string, bool]{Words: `grep egrep fgrep ls date sed gsed awk gawk mawk nawk`}

// offlineOnly reports whether e, a program's own entry, has no property
// but "offline".
func offlineOnly(e *catalog.Entry) bool {
	return len(e.Props) == 1 && e.Props["offline"] != "" && !strings.Contains(e.Name, " ")
}

// plainFilterFacts sets what the skipped readings would have set of a
// plain filter's facts: its entry gives it no sink, no upload of its
// input, no words sent; a secret its standard input carries (a
// here-string of "$GITHUB_TOKEN") goes with it.
func plainFilterFacts(c *shell.Command, f *cmdFacts) {
	f.plain = true
	f.sendsIn, f.argSend = false, false
	if v := stdinSecretVar(c); v != "" {
		f.secretArg, f.secretOrigin, f.secretVar = true, secretHome(v), v
	}
}

// quietPlain reports whether f, of command c, is a plain filter's
// (plainFilter) that nothing has given anything since: no file read,
// written or sent, no source, no sink, no secret in its words, no
// substitution's output among its arguments, no redirection, no wrapper.
// Of such a command the flow pass (flows) learns nothing but that its
// input, if any, is untainted: its entry has no property the pass asks
// of it but "offline", and its readings, which make the effects the pass
// looks back at (a publish), were skipped.
func (f *cmdFacts) quietPlain(c *shell.Command) bool {
	return f.plain && !f.tree && !f.secretArg && f.source == "" && f.sink == "" &&
		len(f.reads)+len(f.writes)+len(f.sends)+len(f.hosts) == 0 &&
		len(c.Inputs)+len(c.Via)+len(c.Redirects) == 0
}

// plainScript reports whether program name's script s is plain
// (shell.PlainScript).
func plainScript(name, s string) bool { return shell.PlainScript(name, s) }
