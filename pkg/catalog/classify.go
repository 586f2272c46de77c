package catalog

import (
	"sort"
	"strings"
	"unicode/utf8"

	lazy "rampart.dev/pkg/internal/table"
)

// Word is one word of a command with the role the catalogue gives it.
type Word struct {
	Text   string // the word, or an option's value
	Role   Role
	Index  int    // position in the command's arguments
	Option string // the option it is the value of ("" for a positional)
}

// Classified is a command's words by role.
type Classified struct {
	Entry      *Entry // nil when the program is not in the table
	Words      []Word // every option value and positional, in order
	Marks      map[string]bool
	Positional int // how many positionals there were
}

// Mark reports whether a flag set the named mark. A flag marked "lists"
// is "dry" unless one marked "acts" is given too: sfdisk does the last
// action it is given, so sfdisk -l --delete /dev/sda deletes, whatever
// lists before it (while sfdisk -n --delete, marked "dry", rehearses).
func (c *Classified) Mark(m string) bool {
	if len(c.Marks) == 0 {
		return false
	}
	if m == "dry" && !c.Marks[m] {
		return c.Marks["lists"] && !c.Marks["acts"]
	}
	return c.Marks[m]
}

// Dry reports whether a command only prints its help or version, or
// rehearses a change (an option marked "dry": rsync -n, lvremove --test;
// --help, --version or --dry-run before the first operand), or is a
// subcommand marked "shows" (helm diff upgrade): it changes nothing,
// whatever its other words say.
func (c *Catalog) Dry(name string, args []string) bool {
	opt := false
	for _, a := range args {
		opt = opt || len(a) > 1 && a[0] == '-'
	}
	if !opt && len(args) < 2 {
		return false // most commands: nothing that rehearses, no subcommand that shows
	}
	e := c.entry(name)
	if e == nil {
		return false
	}
	if e.Sub && len(args) > 1 {
		// helm diff upgrade: a subcommand that only shows the command its
		// other words name ("shows" on its line)
		if s, _ := c.Lookup(name, args); s != nil && s != e && s.Prop("shows") != "" {
			return true
		}
	}
	if !opt {
		return false
	}
	if c.lazy {
		// Most commands have neither a word of onlyReports nor a dry
		// option in their entry: they are not classified again.
		reports := false
		for _, a := range args {
			if !strings.HasPrefix(a, "--") {
				continue // every word of onlyReports is a long option
			}
			spell, _, _ := strings.Cut(a, "=")
			reports = reports || onlyReports.Get(spell)
		}
		if !reports && !c.dryName(name) {
			return false
		}
	}
	var buf [8]Word
	cl := c.ClassifyInto(buf[:0], name, args)
	return cl.Mark("dry")
}

// dryName reports whether findDryNames lists name: through the list
// made of the embedded table with its index of names (builtDryNames,
// its answers memoised: builtDry), else from c's own lines.
func (c *Catalog) dryName(name string) bool {
	if c.built && builtDryLen == builtNamesLen && builtDrySum == builtNamesSum {
		return builtDry.Get(name) != 0
	}
	c.dryOnce.Do(c.findDryNames)
	return c.dryNames[name]
}

// builtDry memoises builtDryName: Dry asks it for most commands given an
// option (grep -v, sort -rn, head -20), a dozen times for a 20-command
// pipeline, and a binary search of the list cost some 460 instructions
// an answer, the memo's hash and comparison under a hundred.
var builtDry = lazy.Memo{Compute: builtDryName}

// builtDryName is 1 when builtDryNames lists name, else 0.
func builtDryName(name string) uint32 {
	if i := sort.SearchStrings(builtDryNames[:], name); i < len(builtDryNames) && builtDryNames[i] == name {
		return 1
	}
	return 0
}

// findDryNames lists the programs whose line, or a subcommand's, marks an
// option dry. It searches the table for the mark and reads only the lines that hold
// it, as eachLine gives them (trimmed, comments left out); cutting and
// trimming every line of the table cost a decision that asked (any rm,
// say) some 370k instructions.
func (c *Catalog) findDryNames() {
	c.dryNames = map[string]bool{}
	const mark = "=!dry"
	src := c.src
	for i := 0; i < len(src); {
		k := strings.Index(src[i:], mark)
		if k < 0 {
			return
		}
		k += i
		start := strings.LastIndexByte(src[:k], '\n') + 1
		end := len(src)
		if e := strings.IndexByte(src[k:], '\n'); e >= 0 {
			end = k + e
		}
		i = end
		line := strings.TrimSpace(src[start:end])
		if line == "" || line[0] == '#' {
			continue
		}
		names, _, _ := strings.Cut(line, " ")
		for n := range strings.SplitSeq(names, ",") {
			c.dryNames[n] = true
		}
	}
}

// Classify gives each of args (the words after the program name) its role
// for program name. For a program not in the table, positionals get role
// None and option values role Data.
func (c *Catalog) Classify(name string, args []string) Classified {
	return c.ClassifyInto(nil, name, args)
}

// ClassifyInto is Classify with the words kept in buf's array when its
// capacity is at least twice len(args), for a caller that classifies many
// commands with one scratch array and keeps none of the results.
func (c *Catalog) ClassifyInto(buf []Word, name string, args []string) Classified {
	e, _, subs, skipped := c.lookup(name, args)
	out := Classified{Entry: e}
	var pos []Word
	dashdash := false
	dashAt := int(^uint(0) >> 1) // the index of "--", past every word until one is met
	if e != nil && len(e.Props) > 0 && e.Props["oldflags"] != "" && len(args) > 0 && len(subs) == 0 &&
		args[0] != "" && args[0][0] != '-' {
		// tar xzf F: the first word is a cluster of flags without a dash.
		args = append([]string{"-" + args[0]}, args[1:]...)
	}
	// Options before a subcommand's name belong to the entry above it
	// (git -C DIR commit): walk with the entry in force at each word.
	var path []*Entry
	if len(subs) > 0 {
		n := 0
		for x := e; x != nil; x = x.parent {
			n++
		}
		var buf [4]*Entry // on the stack unless subcommands nest deeper
		path = buf[:0]
		if n > len(buf) {
			path = make([]*Entry, 0, n)
		}
		path = path[:n]
		for x, k := e, n-1; x != nil; x, k = x.parent, k-1 {
			path[k] = x // the program first, e last
		}
	}
	final := e
	// "options-first": the program's options end at its first operand,
	// and every word after it is that operand's (npx CMD -c X gives -c to
	// CMD).
	optionsFirst := e != nil && e.Prop("options-first") != ""
	// "dash-operands": single-dash words made only of these letters are
	// operands (chmod -x FILE: the mode, not a flag).
	dashOperands := ""
	if e != nil {
		dashOperands = e.Prop("dash-operands")
	}
	if len(path) > 0 {
		e = path[0]
	}
	// Option values fill the first half of one array and positionals
	// the second (there are at most as many of either as words), and
	// the positionals are moved down behind the values at the end.
	n := len(args)
	if n > 0 {
		if cap(buf) < 2*n {
			buf = make([]Word, 2*n)
		}
		buf = buf[:2*n]
		out.Words, pos = buf[:0:n], buf[n:n:2*n]
	}
	for i := 0; i < len(args); i++ {
		a := args[i]
		if len(subs) > 0 && subs[0] == i {
			subs = subs[1:]
			path = path[1:]
			e = path[0]
			continue
		}
		if i < 64 && skipped&(1<<uint(i)) != 0 {
			continue // gcloud beta, drush @prod: no operand
		}
		if !dashdash && e != nil && len(a) > 1 && a[0] == '+' {
			// vim +CMD, less +CMD: the value is attached to the "+".
			if o, ok := e.option("+"); ok && o.Value {
				out.mark(o, a[1:])
				out.Words = append(out.Words, Word{Text: a[1:], Role: o.Role, Index: i, Option: "+"})
				continue
			}
			if o, ok := e.option(a); ok {
				// steamcmd +login NAME +run_app_build FILE: a command
				// of the program's own, listed whole as an option
				i = out.take(e, o, a, "", args, i)
				continue
			}
		}
		if dashdash || len(a) < 2 || a[0] != '-' || isNumber(a) && !listedOption(e, a) || optionsFirst && len(pos) > 0 ||
			dashOperands != "" && dashOperand(a, dashOperands) && !listedOption(e, a) {
			pos = append(pos, Word{Text: a, Index: i})
			continue
		}
		if a == "--" {
			dashdash, dashAt = true, i
			continue
		}
		if e == nil {
			if k := strings.IndexByte(a, '='); k > 0 && strings.HasPrefix(a, "--") {
				out.Words = append(out.Words, Word{Text: a[k+1:], Role: None, Index: i, Option: a[:k]})
			}
			continue
		}
		// Long options, and single-dash words the table lists whole.
		if o, ok := e.option(a); ok {
			i = out.take(e, o, a, "", args, i)
			continue
		}
		if a[1] != '-' && e.Has("go-flags") {
			// Go's flag package: a single-dash word is one option
			// whole (-update-templates, -rl 20), never a cluster of
			// letters; its value follows "=" or is the next word.
			i = out.goFlag(e, a, args, i)
			continue
		}
		if strings.HasPrefix(a, "--") {
			spell, val, hasVal := strings.Cut(a, "=")
			o, ok := e.option(spell)
			if !ok && e.Has("go-flags") {
				// --name is -name to Go's flag package
				o, ok = e.option(spell[1:])
				spell = spell[1:]
			}
			if !ok && strings.IndexByte(a, ':') > 2 && e.Prop("colon-values") != "" {
				// nim --eval:CODE, --out:FILE: the value after a colon
				if cs, cv, _ := strings.Cut(a, ":"); cs != spell {
					if co, cok := e.option(cs); cok {
						spell, val, hasVal, o, ok = cs, cv, true, co, true
					}
				}
			}
			if !ok && !hasVal && onlyReports.Get(spell) && (len(pos) == 0 || e.Prop("options-anywhere") != "") &&
				(i+1 == len(args) || strings.HasPrefix(args[i+1], "-")) {
				out.mark(Option{Mark: "dry"}, "")
				continue
			}
			if !ok {
				spell, o, ok = e.longPrefix(spell)
			}
			if !ok {
				if hasVal {
					out.Words = append(out.Words, Word{Text: val, Role: Data, Index: i, Option: spell})
				} else if name, neg := strings.CutPrefix(a, "--no-"); neg {
					out.unmark(e, name, args[:i])
				}
				continue
			}
			if hasVal {
				out.mark(o, val)
				out.Words = append(out.Words, Word{Text: val, Role: o.Role, Index: i, Option: spell})
				continue
			}
			i = out.take(e, o, spell, "", args, i)
			continue
		}
		// A single-dash option of several letters the table lists whole
		// whose value runs (go's -exec=CMD, -toolexec=CMD), with its value
		// after "=": what runs is read in either spelling.
		if k := strings.IndexByte(a, '='); k > 2 {
			if o, ok := e.option(a[:k]); ok && o.Value && (o.Role == Shell || o.Role == Exec || o.Role == Code || o.Role == Command) {
				out.mark(o, a[k+1:])
				out.Words = append(out.Words, Word{Text: a[k+1:], Role: o.Role, Index: i, Option: a[:k]})
				continue
			}
		}
		// A cluster of short flags: "-rf", "-ofile", "-d@file".
		for j := 1; j < len(a); j++ {
			spell := shortSpelling(a, j)
			o, ok := e.option(spell)
			if !ok {
				continue
			}
			if o.Value {
				i = out.take(e, o, spell, a[j+1:], args, i)
				break
			}
			out.mark(o, "")
		}
	}
	e = final
	out.Positional = len(pos)
	dest := false
	for _, w := range out.Words {
		dest = dest || w.Role == Dest
	}
	// A pattern given by an option (grep -e P, sed -e S, awk -f F) leaves
	// every positional to the rest role; a destination given by an option
	// (cp -t DIR) leaves the last one a source.
	skipNth := e != nil && out.Marks["program"]
	// "method-first": httpie's optional leading METHOD (http DELETE URL)
	// is a request method, and the positionals count from the next word.
	shift := 0
	if e != nil && len(pos) > 1 && e.Prop("method-first") != "" && httpMethods.Get(strings.ToUpper(pos[0].Text)) {
		pos[0].Role, shift = Method, 1
	}
	after := Role(0)
	if e != nil && dashdash {
		// "dashdash-role=write": the operands after "--" are files the
		// command puts back (git checkout REV -- PATH overwrites PATH)
		if r, ok := roleNamed(e.Prop("dashdash-role")); ok {
			after = r
		}
	}
	execExt := ""
	if e != nil && len(e.Props) > 0 {
		execExt = e.Prop("exec-ext")
	}
	for k := shift; k < len(pos); k++ {
		pos[k].Role = positionalRole(e, k-shift, len(pos)-shift, skipNth, dest)
		if after != 0 && pos[k].Index > dashAt {
			pos[k].Role = after
		}
		if execExt != "" && pos[k].Role == Data && runsByExtension(pos[k].Text, execExt) {
			pos[k].Role = Exec // open Tool.app, open setup.command
		}
		if pos[k].Role == Read && pos[k].Index < dashAt && isNumber(pos[k].Text) {
			// head -5 FILE, tail -20 LOG: a -NUM before "--" is the
			// obsolete count option, never a file getopt would open.
			pos[k].Role = Data
		}
	}
	if len(pos) > 0 {
		nw := len(out.Words)
		copy(buf[nw:], pos)
		out.Words = buf[: nw+len(pos) : nw+len(pos)]
	}
	return out
}

// OptionValues returns the arguments of a command (bit i for args[i], of
// the first 64) that are the separate values of options its entry knows
// take one: in git log --grep reset, "reset" (bit 2) is --grep's pattern,
// no subcommand. It is 0 for a program not in the table.
func (c *Catalog) OptionValues(name string, args []string) uint64 {
	var buf [16]Word
	var vals uint64
	for _, w := range c.ClassifyInto(buf[:0], name, args).Words {
		if w.Option != "" && w.Index < 64 && w.Index < len(args) && args[w.Index] == w.Text && !strings.HasPrefix(w.Text, "-") {
			vals |= 1 << w.Index
		}
	}
	return vals
}

// onlyReports are the long options with which a known program prints its
// help or version, or rehearses what it would do, and changes nothing, when
// its entry gives them no other meaning (gem install --version V is a
// version to install). They count before the first operand only: a BSD
// program stops reading options there, so rm -rf / --help removes / and a
// file named --help. Nor when a word that is not an option follows: it may
// be a value the table does not list (cargo yank --version 1.0.0 CRATE).
// Options a program has of its own for the same (rsync
// -n, mke2fs -n, lvremove --test) are marked "dry" in the table.
var onlyReports = lazy.Map[string, bool]{Words: "--help --version --dry-run --usage"}

// SwitchedOff reports whether a flag's attached value turns it off, as
// flag parsers read it (--dry-run=false, --force=0, kubectl's
// --dry-run=none): such a flag has none of its effect.
func SwitchedOff(val string) bool {
	switch strings.ToLower(val) {
	case "false", "0", "no", "off", "none", "f", "n":
		return true
	}
	return false
}

// take records option o at args[i], with its value attached or in the next
// word, and returns the index of the last word it used.
func (out *Classified) take(e *Entry, o Option, spell, attached string, args []string, i int) int {
	if !o.Value {
		out.mark(o, "")
		return i
	}
	if attached != "" {
		out.mark(o, attached)
		out.Words = append(out.Words, Word{Text: attached, Role: o.Role, Index: i, Option: spell})
		return i
	}
	if o.Named && i+1 < len(args) {
		// jq --arg NAME VALUE: the name is data, the value has the role
		out.Words = append(out.Words, Word{Text: args[i+1], Role: Data, Index: i + 1, Option: spell})
		i++
	}
	if i+1 < len(args) {
		out.mark(o, args[i+1])
		out.Words = append(out.Words, Word{Text: args[i+1], Role: o.Role, Index: i + 1, Option: spell})
		return i + 1
	}
	out.mark(o, "")
	return i
}

// unmark takes back the mark of the flag --NAME, as a later --no-NAME
// does (git clean -f --no-force), unless an earlier long option of
// another name set the same mark: --no-delete-delay leaves rsync's
// --delete-during in force, as --no-force-with-lease leaves git push's
// --force. (A short flag may be --NAME's own: git clean -f --no-force.)
func (out *Classified) unmark(e *Entry, name string, earlier []string) {
	if len(out.Marks) == 0 {
		return
	}
	if o, ok := e.option("--" + name); ok && o.Mark != "" && !o.Value {
		for _, a := range earlier {
			spell, _, _ := strings.Cut(a, "=")
			if !strings.HasPrefix(spell, "--") || spell == "--"+name {
				continue
			}
			if o2, ok := e.option(spell); ok && o2.Mark == o.Mark {
				return
			}
		}
		delete(out.Marks, o.Mark)
	} else if !ok && onlyReports.Get("--"+name) {
		delete(out.Marks, "dry") // --dry-run --no-dry-run
	}
}

// mark records the mark o sets, given the value it was given (when it
// takes one): an option with MarkIf sets it for those values only.
func (out *Classified) mark(o Option, val string) {
	if o.Mark == "" {
		return
	}
	if o.MarkIf != nil && !markValue(o.MarkIf, val) {
		return
	}
	if o.MarkIf == nil && !o.Value && val != "" && SwitchedOff(val) {
		return // --dry-run=false, --force=0: a flag given a value that turns it off
	}
	if out.Marks == nil {
		out.Marks = map[string]bool{}
	}
	out.Marks[o.Mark] = true
}

func positionalRole(e *Entry, k, n int, skipNth, dest bool) Role {
	if e == nil {
		return None
	}
	if r, ok := e.Nth[k+1]; ok && !skipNth {
		return r
	}
	if k == n-1 && n >= 2 && e.Last != None && !dest {
		return e.Last
	}
	if e.Rest != None {
		return e.Rest
	}
	return Data
}

func markValue(vals []string, v string) bool {
	for _, x := range vals {
		if strings.EqualFold(x, v) {
			return true
		}
		if x == "<1d" && shortSpan(v) {
			return true // --keep-within 1h, --older-than 0D: a retention that keeps nothing
		}
		if len(x) > 2 && x[0] == '*' && x[len(x)-1] == '*' && strings.Contains(strings.ToLower(v), x[1:len(x)-1]) {
			return true // *env*: a value that holds the word anywhere (docker inspect -f '{{json .Config.Env}}')
		}
	}
	return false
}

// httpMethods are the request methods a leading word may name.
var httpMethods = lazy.Map[string, bool]{Words: "GET HEAD POST PUT PATCH DELETE OPTIONS TRACE CONNECT"}

// listedOption reports a word the entry lists as one of its options: a
// word that looks like a negative number (nmap -6, curl -4) is the
// option there, not an operand.
func listedOption(e *Entry, a string) bool {
	if e == nil {
		return false
	}
	_, ok := e.option(a)
	return ok
}

// dashOperand reports a single-dash word made only of the letters in
// letters and of the symbolic mode's joiners (-x, -rwx, -w,+X, -x,g=r).
func dashOperand(a, letters string) bool {
	if len(a) < 2 || a[0] != '-' || a[1] == '-' {
		return false
	}
	for i := 1; i < len(a); i++ {
		if c := a[i]; strings.IndexByte(letters, c) < 0 && strings.IndexByte(",+-=ugoa", c) < 0 {
			return false
		}
	}
	return true
}

func isNumber(s string) bool {
	if len(s) < 2 || s[0] != '-' {
		return false
	}
	for i := 1; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// shortSpellings holds "-c" for every ASCII byte c, at 2*c, so that naming
// each flag of a cluster ("-rf") does not build its string: a constant, cut
// from at run time, which no initialisation makes.
const shortSpellings = "-\x00-\x01-\x02-\x03-\x04-\x05-\x06-\x07-\x08-\x09-\x0a-\x0b-\x0c-\x0d-\x0e-\x0f-\x10-\x11-\x12-\x13-\x14-\x15-\x16-\x17-\x18-\x19-\x1a-\x1b-\x1c-\x1d-\x1e-\x1f- -!-\"-#-$-%-&-'-(-)-*-+-,---.-/-0-1-2-3-4-5-6-7-8-9-:-;-<-=->-?-@-A-B-C-D-E-F-G-H-I-J-K-L-M-N-O-P-Q-R-S-T-U-V-W-X-Y-Z-[-\\-]-^-_-`-a-b-c-d-e-f-g-h-i-j-k-l-m-n-o-p-q-r-s-t-u-v-w-x-y-z-{-|-}-~-\x7f"

// shortSpelling is "-" and the byte at a[j].
func shortSpelling(a string, j int) string {
	if c := a[j]; c < utf8.RuneSelf {
		return shortSpellings[2*int(c) : 2*int(c)+2]
	}
	return "-" + a[j:j+1]
}

// goFlag reads the option word a of a program parsed by Go's flag package
// (the "go-flags" property) at args[i] and returns the index of its last
// word: a listed option takes its value after "=" or from the next word;
// an option not listed is a flag, its "=" value data.
func (out *Classified) goFlag(e *Entry, a string, args []string, i int) int {
	spell, val, hasVal := strings.Cut(a, "=")
	o, ok := e.option(spell)
	if !ok {
		if hasVal {
			out.Words = append(out.Words, Word{Text: val, Role: Data, Index: i, Option: spell})
			return i
		}
		if i+1 < len(args) && isCount(args[i+1]) {
			// -bs 5, -recursion-depth 2: a count is the unlisted
			// option's value, never a host to contact
			out.Words = append(out.Words, Word{Text: args[i+1], Role: Data, Index: i + 1, Option: spell})
			return i + 1
		}
		return i
	}
	if hasVal {
		out.mark(o, val)
		out.Words = append(out.Words, Word{Text: val, Role: o.Role, Index: i, Option: spell})
		return i
	}
	return out.take(e, o, spell, "", args, i)
}

// isCount reports whether s is a whole number written in decimal digits.
func isCount(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}

// runsByExtension reports whether name (a trailing slash cut) ends in "."
// and one of exts, a comma-separated list of extensions (exec-ext).
func runsByExtension(name, exts string) bool {
	name = strings.TrimRight(name, "/")
	dot := strings.LastIndexByte(name, '.')
	if dot < 0 || dot == len(name)-1 || strings.ContainsRune(name[dot:], '/') {
		return false
	}
	ext := strings.ToLower(name[dot+1:])
	for _, x := range strings.Split(exts, ",") {
		if x == ext {
			return true
		}
	}
	return false
}
