package catalog

import (
	"slices"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

// A lazily parsed program's subcommand lines are kept as text, and the
// entry of a subcommand is made from its line when it is first looked up.
// Looking git up used to lay out all its subcommands, about 150 entries
// from thirty lines (26 KB), for the one a call names. What the program's
// entry must know of its subcommands at once, whether one of them runs a
// command (wraps, hasSubWrapper), is read from the lines' text.

// pendingSubs are one program's subcommand lines, in table order.
type pendingSubs struct {
	mu    sync.Mutex // held to make an entry and add it to its parent's subs
	lines []pendingLine
}

// pendingLine is one subcommand line: heads are the words of its head
// after the program's name (depth of them), the last one the line's
// comma-separated subcommands. They are read from heads when asked
// (word): a lookup reads the words of the lines it goes through, not
// those of every line of the program.
type pendingLine struct {
	heads     string
	depth     int
	line      string
	n         int
	wraps     bool // its entries run a command from their words (wraps, without subcommands)
	runsAfter bool // its entries have the runs-after property
}

// word returns the head's word i (from 0), as strings.Fields splits it.
// A head of one word (the usual subcommand line: "status,blame,...") is
// that word, trimmed, and is not read.
func (l *pendingLine) word(i int) string {
	if l.depth == 1 {
		if i == 0 {
			return l.heads
		}
		return ""
	}
	for w := range strings.FieldsSeq(l.heads) {
		if i == 0 {
			return w
		}
		i--
	}
	return ""
}

// afterFirstWord returns head without its first word and the spaces
// around it, as the words strings.Fields splits after the first.
func afterFirstWord(head string) string {
	i := 0
	for i < len(head) && asciiSpace(head[i]) {
		i++
	}
	for ; i < len(head); i++ {
		if c := head[i]; c >= utf8.RuneSelf {
			break // a space of another script may end the word: as Fields reads it
		} else if asciiSpace(c) {
			return strings.TrimSpace(head[i:])
		}
	}
	if i == len(head) {
		return ""
	}
	head = strings.TrimLeftFunc(head, unicode.IsSpace)
	if i := strings.IndexFunc(head, unicode.IsSpace); i >= 0 {
		return strings.TrimSpace(head[i:])
	}
	return ""
}

// pendingAt is where an entry of a lazily parsed program stands among the
// program's subcommand lines: path holds the subcommand names from the
// program to the entry (none for the program itself).
type pendingAt struct {
	subs *pendingSubs
	path []string
}

// under reports whether the line attaches subcommands at or below path.
func (l *pendingLine) under(path []string) bool {
	if l.depth <= len(path) {
		return false
	}
	for i, p := range path {
		if l.word(i) != p {
			return false
		}
	}
	return true
}

// sub returns the entry of the subcommand name of e, or nil.
func (e *Entry) sub(name string) *Entry {
	p := e.pend
	if p == nil {
		return e.subs[name]
	}
	p.subs.mu.Lock()
	defer p.subs.mu.Unlock()
	if s, ok := e.subs[name]; ok {
		return s
	}
	s := e.makeSub(name)
	if e.subs == nil {
		e.subs = map[string]*Entry{}
	}
	e.subs[name] = s // nil too: a word that names no subcommand is asked again
	return s
}

// makeSub makes the entry of e's subcommand name from its line.
func (e *Entry) makeSub(name string) *Entry {
	p := e.pend
	d := len(p.path)
	for i := range p.subs.lines {
		l := &p.subs.lines[i]
		if l.depth != d+1 || !l.under(p.path) || !listHas(l.word(d), name) {
			continue
		}
		x, err := parseSubLine(l.line, l.n)
		if err != nil {
			panic("catalog.txt: " + err.Error()) // ruled out by TestEmbeddedParses
		}
		x.Name = e.Name + " " + name
		x.setParent(e)
		path := append(slices.Clip(p.path), name)
		for j := range p.subs.lines {
			if k := &p.subs.lines[j]; k.under(path) {
				x.Sub = true
				x.pend = &pendingAt{subs: p.subs, path: path}
				break
			}
		}
		return x
	}
	return nil
}

// hasSubs reports whether e has subcommands.
func (e *Entry) hasSubs() bool {
	p := e.pend
	if p == nil {
		return len(e.subs) > 0
	}
	for i := range p.subs.lines {
		if l := &p.subs.lines[i]; l.depth == len(p.path)+1 && l.under(p.path) {
			return true
		}
	}
	return false
}

// pendingAny reports whether a subcommand line below e has what has says.
func (e *Entry) pendingAny(has func(*pendingLine) bool) bool {
	p := e.pend
	if p == nil {
		return false
	}
	for i := range p.subs.lines {
		if l := &p.subs.lines[i]; l.under(p.path) && has(l) {
			return true
		}
	}
	return false
}

// parseSubLine parses a subcommand line's fields into an entry, as addFor
// does, its options left for first use.
func parseSubLine(line string, n int) (*Entry, error) {
	_, rest, _ := strings.Cut(line, "|")
	options, rest, _ := strings.Cut(rest, "|")
	positionals, props, _ := strings.Cut(rest, "|")
	return lineEntry(n, options, positionals, props, false)
}

// listHas reports whether a comma-separated list holds name.
func listHas(list, name string) bool {
	for n := range strings.SplitSeq(list, ",") {
		if n == name {
			return true
		}
	}
	return false
}

// textWraps is wraps of an entry made from a line's fields, without its
// subcommands: a runs-after property, a positional that is a command or a
// shell string, or an option whose value is.
func textWraps(options, positionals, props string) bool {
	if propRunsAfter(props) {
		return true
	}
	if !namesRunRole(positionals) && !namesRunRole(options) {
		return false
	}
	for w := range strings.FieldsSeq(positionals) {
		if _, r, ok := strings.Cut(w, ":"); ok {
			if role, _ := roleNamed(r); role == Command || role == Shell {
				return true
			}
		}
	}
	t := optionTable{src: options}
	return t.runs()
}

// propRunsAfter reports whether a line's properties give runs-after a
// value (Props["runs-after"] != "").
func propRunsAfter(props string) bool {
	found := false
	for p := range strings.FieldsSeq(props) {
		k, v, ok := strings.Cut(p, "=")
		if k == "runs-after" {
			found = !ok || v != ""
		}
	}
	return found
}
