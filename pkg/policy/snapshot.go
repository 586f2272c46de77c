package policy

import (
	"crypto/sha256"
	"encoding/binary"
	"errors"
	"fmt"
	"math"
	"sort"
	"unsafe"

	"rampart.dev/pkg/call"
	"rampart.dev/pkg/match"
)

// A snapshot is a compiled policy in a form that loads without parsing
// YAML or checking the file's keys: every layer it extends is merged in,
// and every pattern was checked when the snapshot was made, so loading one
// only lays out entries and rules and leaves each pattern to be compiled
// on its first use. The embedded profiles ship as snapshots
// (profiles/*.snap, made by `go generate`, checked by TestProfileSnapshots)
// and package decide keeps one per policy file (see decide's snapshot
// cache).
//
// Layout: the magic, the SHA-256 of the body, then the body: strings and
// lists as uvarint lengths, numbers as varints; each entry's rules, and
// the inline tests, are preceded by their length in bytes, so that a
// snapshot built into the binary is laid out without reading its rules
// until an entry is first asked, nor its tests until they are run
// (loadBuiltIn), while one read from a file has every rule and test
// checked as it loads (LoadSnapshot). A snapshot whose checksum or layout is wrong
// is an error, never a policy.

// snapshotMagic starts every snapshot; its last byte is the layout's
// version.
const snapshotMagic = "rampart policy snapshot\x00\x06"

// ErrSnapshot is a snapshot that is not one this build can read.
var ErrSnapshot = errors.New("not a valid policy snapshot")

// conditions are the rule conditions a snapshot holds, each under a fixed
// code: the code is part of the layout and never reused.
//
// A command condition's sources are followed by their program words
// (match.ProgramWords, encoded as a list in one string, so that rules
// whose sets are never asked skip them at once), which a snapshot built
// into the binary gives its command sets (indexed): a set asked about a
// program then decodes them, and reads none of its sources to index
// them. A path condition's sources are followed by their index
// (match.PathIndex), through which a snapshot built into the binary
// matches its path sets (match.IndexedPathSet): a process that loads it
// builds no index of its own. A snapshot read from a file, made by
// whatever build wrote it, has its blobs checked (fits) and its sets read
// their sources (set).
var conditions = []struct {
	code    uint64
	key     string // the policy file's key, for readers of this table
	get     func(r *Rule) []string
	set     func(r *Rule, srcs []string)
	blob    func(srcs []string) string                // what follows the sources, for conditions that carry more
	fits    func(blob string, n int) bool             // whether a blob is one for n sources
	indexed func(r *Rule, srcs []string, blob string) // a set laid out with its blob, in a snapshot built into the binary
}{
	{1, "command_matches", func(r *Rule) []string { return r.Command.Sources() }, func(r *Rule, s []string) { r.Command = match.LazyCommandSet(s) },
		programWordsBlob, wordsFit, func(r *Rule, s []string, b string) { r.Command = match.IndexedCommandSet(s, wordsOf(b, len(s))) }},
	{2, "command_not_matches", func(r *Rule) []string { return r.NotCommand.Sources() }, func(r *Rule, s []string) { r.NotCommand = match.LazyCommandSet(s) },
		programWordsBlob, wordsFit, func(r *Rule, s []string, b string) { r.NotCommand = match.IndexedCommandSet(s, wordsOf(b, len(s))) }},
	{3, "path_matches", func(r *Rule) []string { return r.Path.Sources() }, func(r *Rule, s []string) { r.Path = match.LazyPathSet(s) },
		match.PathIndex, match.PathIndexFits, func(r *Rule, s []string, b string) { r.Path = match.IndexedPathSet(s, b) }},
	{4, "path_not_matches", func(r *Rule) []string { return r.NotPath.Sources() }, func(r *Rule, s []string) { r.NotPath = match.LazyPathSet(s) },
		match.PathIndex, match.PathIndexFits, func(r *Rule, s []string, b string) { r.NotPath = match.IndexedPathSet(s, b) }},
	{5, "domain_matches", func(r *Rule) []string { return domainSources(r.Domain) }, func(r *Rule, s []string) { r.Domain = lazyDomains(s) }, nil, nil, nil},
	{6, "domain_not_matches", func(r *Rule) []string { return domainSources(r.NotDomain) }, func(r *Rule, s []string) { r.NotDomain = lazyDomains(s) }, nil, nil, nil},
	{7, "url_matches", func(r *Rule) []string { return globSources(r.URL) }, func(r *Rule, s []string) { r.URL = lazyGlobs(s) }, nil, nil, nil},
	{8, "url_not_matches", func(r *Rule) []string { return globSources(r.NotURL) }, func(r *Rule, s []string) { r.NotURL = lazyGlobs(s) }, nil, nil, nil},
	{9, "tool_name_matches", func(r *Rule) []string { return globSources(r.ToolName) }, func(r *Rule, s []string) { r.ToolName = lazyGlobs(s) }, nil, nil, nil},
	{10, "argument_matches", func(r *Rule) []string { return globSources(r.Argument) }, func(r *Rule, s []string) { r.Argument = lazyGlobs(s) }, nil, nil, nil},
	{11, "content_matches", func(r *Rule) []string { return globSources(r.Content) }, func(r *Rule, s []string) { r.Content = lazyGlobs(s) }, nil, nil, nil},
	{12, "response_matches", func(r *Rule) []string { return globSources(r.Response) }, func(r *Rule, s []string) { r.Response = lazyGlobs(s) }, nil, nil, nil},
	{13, "effect_matches", func(r *Rule) []string { return globSources(r.Effect) }, func(r *Rule, s []string) { r.Effect = lazyGlobs(s) }, nil, nil, nil},
	{14, "line_matches", func(r *Rule) []string { return globSources(r.RawLine) }, func(r *Rule, s []string) { r.RawLine = lazyGlobs(s) }, nil, nil, nil},
	{15, "annotation_hints", func(r *Rule) []string { return r.Hint }, func(r *Rule, s []string) { r.Hint = s }, nil, nil, nil},
}

// programWordsBlob is a command condition's program words as one string.
func programWordsBlob(srcs []string) string {
	var w snapWriter
	w.strs(match.ProgramWords(srcs))
	return string(w.b)
}

// wordsOf returns a function decoding a command condition's program
// words from blob when a set first asks for them.
func wordsOf(blob string, n int) func() []string {
	return func() []string {
		words, _ := decodeWords(blob, n)
		return words
	}
}

// conditionByCode finds a condition of the table by its code.
func conditionByCode(code uint64) int {
	for i, c := range conditions {
		if c.code == code {
			return i
		}
	}
	return -1
}

func globSources(gs []match.Glob) []string {
	if len(gs) == 0 {
		return nil
	}
	out := make([]string, len(gs))
	for i, g := range gs {
		out[i] = g.String()
	}
	return out
}

func domainSources(ds []match.DomainPattern) []string {
	if len(ds) == 0 {
		return nil
	}
	out := make([]string, len(ds))
	for i, d := range ds {
		out[i] = d.String()
	}
	return out
}

func lazyGlobs(srcs []string) []match.Glob {
	return match.LazyTexts(srcs)
}

func lazyDomains(srcs []string) []match.DomainPattern {
	out := make([]match.DomainPattern, len(srcs))
	for i, s := range srcs {
		out[i], _ = match.Compiler{Lazy: true}.Domain(s)
	}
	return out
}

// Snapshot encodes p, a policy compiled from its source, as a snapshot.
// A policy holding what the layout cannot carry (a test parameter of
// another type than YAML scalars, lists and mappings give) is an error:
// such a policy is then always compiled from its source.
func Snapshot(p *Policy) ([]byte, error) {
	var w snapWriter
	w.str(p.Name)
	w.str(p.Source)
	w.uint(uint64(p.DefaultAction))
	w.strs(p.Warnings)
	w.uint(uint64(len(p.Entries)))
	for _, e := range p.Entries {
		w.str(e.Name)
		w.str(e.Description)
		w.int(int64(e.Priority))
		w.bool(e.TightenOnly)
		w.str(e.Origin)
		w.strs(globSources(e.Tools))
		w.strs(globSources(e.Agents))
		w.strs(globSources(e.Sessions))
		var rw snapWriter
		rules := e.Rules()
		rw.uint(uint64(len(rules)))
		sizes := make([]int, len(rules)) // each rule's bytes, for the command index
		for j, r := range rules {
			start := len(rw.b)
			rw.rule(r)
			sizes[j] = len(rw.b) - start
		}
		w.str(string(rw.b))
		w.str(commandIndex(rules, sizes))
	}
	var tw snapWriter
	tests := p.TestCases()
	tw.uint(uint64(len(tests)))
	for _, t := range tests {
		tw.str(t.Name)
		tw.str(t.Call.Tool)
		tw.str(t.Call.Agent)
		tw.str(t.Call.Session)
		tw.str(t.Call.Cwd)
		tw.uint(uint64(t.Expect))
		tw.int(int64(t.Line))
		tw.str(t.Origin)
		if err := tw.value(map[string]any(t.Call.Params)); err != nil {
			return nil, fmt.Errorf("test %q: %w", t.Name, err)
		}
	}
	w.str(string(tw.b))
	sum := sha256.Sum256(w.b)
	out := make([]byte, 0, len(snapshotMagic)+len(sum)+len(w.b))
	out = append(append(append(out, snapshotMagic...), sum[:]...), w.b...)
	return out, nil
}

// rule appends one rule, as readRule reads it.
func (w *snapWriter) rule(r *Rule) {
	w.uint(uint64(r.Action))
	w.str(r.Message)
	w.int(int64(r.Line))
	n := 0
	for _, c := range conditions {
		if len(c.get(r)) > 0 {
			n++
		}
	}
	w.uint(uint64(n))
	for _, c := range conditions {
		if srcs := c.get(r); len(srcs) > 0 {
			w.uint(c.code)
			w.strs(srcs)
			if c.blob != nil {
				w.str(c.blob(srcs))
			}
		}
	}
}

// LoadSnapshot reads a snapshot made by Snapshot. Its strings share the
// memory of data, which must not change afterwards. Patterns are compiled
// on first use. A snapshot that is corrupt, truncated or of another layout
// is ErrSnapshot.
func LoadSnapshot(data string) (p *Policy, err error) {
	if len(data) < len(snapshotMagic)+sha256.Size || data[:len(snapshotMagic)] != snapshotMagic {
		return nil, ErrSnapshot
	}
	body := data[len(snapshotMagic)+sha256.Size:]
	// Sum256 only reads its input: the body is hashed in place, not copied.
	sum := sha256.Sum256(unsafe.Slice(unsafe.StringData(body), len(body)))
	if string(sum[:]) != data[len(snapshotMagic):len(snapshotMagic)+sha256.Size] {
		return nil, fmt.Errorf("%w: checksum mismatch", ErrSnapshot)
	}
	return decodeSnapshot(body, true)
}

// loadBuiltIn reads a snapshot built into the binary, whose checksum and
// rules its test has checked (TestProfileSnapshots): only the layout of
// what it lays out now is checked here, and each entry's rules are read
// when the entry is first asked (decodeRules, which fails closed).
func loadBuiltIn(data string) (*Policy, error) {
	if len(data) < len(snapshotMagic)+sha256.Size || data[:len(snapshotMagic)] != snapshotMagic {
		return nil, ErrSnapshot
	}
	return decodeSnapshot(data[len(snapshotMagic)+sha256.Size:], false)
}

// decodeSnapshot lays out a snapshot's body. With checkRules, every
// entry's rules are read through once (skipRules) and a layout they do not
// follow is ErrSnapshot; without, an entry's rules are only sliced out by
// their length.
func decodeSnapshot(body string, checkRules bool) (*Policy, error) {
	r := &snapReader{s: body}
	p := &Policy{Name: r.str(), Source: r.str(), DefaultAction: r.action(), Warnings: r.strs()}
	p.Entries = make([]*Entry, r.count())
	// The entries, their lazy rules and their one-name slices are laid
	// out in one array each, not allocated one by one.
	es := make([]Entry, len(p.Entries))
	ls := make([]lazyRules, len(p.Entries))
	names := make([]string, len(p.Entries))
	var globs match.LazyTextRoom // the entries' tool, agent and session globs
	for i := range p.Entries {
		e := &es[i]
		e.Name, e.Description, e.Priority, e.TightenOnly, e.Origin = r.str(), r.str(), int(r.int()), r.bool(), r.str()
		tools := r.strs()
		e.Tools, e.Agents, e.Sessions = globs.Texts(tools), globs.Texts(r.strs()), globs.Texts(r.strs())
		// The rules are laid out on first use (Rules); checked now
		// when checkRules.
		src, index := r.str(), r.str()
		if checkRules {
			rr := &snapReader{s: src}
			if rr.skipRules(); rr.bad || rr.i != len(src) || !indexFits(index) {
				r.fail()
			}
		}
		e.lazy = &ls[i]
		e.lazy.src, e.lazy.builtIn = src, !checkRules
		if !checkRules {
			e.lazy.index = index
		}
		names[i] = e.Name
		e.names = names[i : i+1 : i+1]
		e.toolNames = plainToolNames(tools)
		p.Entries[i] = e
	}
	// The inline tests are laid out now when checkRules, else on first
	// use (Policy.TestCases).
	if tests := r.str(); checkRules {
		var ok bool
		if p.Tests, ok = decodeTests(tests); !ok {
			r.fail()
		}
	} else if tests != "\x00" {
		p.lazyTests = &lazyTests{src: tests}
	}
	if r.bad || r.i != len(r.s) {
		return nil, ErrSnapshot
	}
	return p, nil
}

// decodeTests lays out a snapshot's test section; ok is false when it
// does not follow the layout.
func decodeTests(src string) (tests []Test, ok bool) {
	r := &snapReader{s: src}
	if n := r.count(); n > 0 {
		tests = make([]Test, n)
		for i := range tests {
			t := &tests[i]
			t.Name = r.str()
			t.Call.Tool, t.Call.Agent, t.Call.Session, t.Call.Cwd = r.str(), r.str(), r.str(), r.str()
			t.Expect, t.Line, t.Origin = r.action(), int(r.int()), r.str()
			m, _ := r.value().(map[string]any)
			if m == nil {
				r.fail()
			}
			t.Call.Params = m
		}
	}
	if r.bad || r.i != len(r.s) {
		return nil, false
	}
	return tests, true
}

// skipRules reads past an entry's rules, checking their layout as
// readRules reads it, without laying them out.
func (r *snapReader) skipRules() {
	for range r.count() {
		r.action()
		r.str()
		r.int()
		for range r.count() {
			k := conditionByCode(r.uint())
			if k < 0 {
				r.fail()
				return
			}
			n := r.count()
			for range n {
				r.str()
			}
			if conditions[k].blob == nil {
				continue
			}
			if !conditions[k].fits(r.str(), n) {
				r.fail() // one program word, or an index, for the sources
				return
			}
		}
	}
}

// readRules lays out an entry's rules; builtIn: of a snapshot built into
// the binary, whose command sets take the program words it carries.
func (r *snapReader) readRules(builtIn bool) []*Rule {
	rules := make([]*Rule, r.count())
	rs := make([]Rule, len(rules)) // one allocation for the entry's rules
	for j := range rules {
		r.readRule(&rs[j], builtIn)
		rules[j] = &rs[j]
	}
	return rules
}

// readRule lays out one rule into rule, as readRules does.
func (r *snapReader) readRule(rule *Rule, builtIn bool) {
	rule.Action, rule.Message, rule.Line = r.action(), r.str(), int(r.int())
	for range r.count() {
		k := conditionByCode(r.uint())
		if k < 0 {
			r.fail()
			return
		}
		c, srcs := &conditions[k], r.strs()
		switch {
		case c.blob == nil:
			c.set(rule, srcs)
		case builtIn:
			c.indexed(rule, srcs, r.str())
		default:
			r.str()
			c.set(rule, srcs)
		}
	}
}

// decodeWords reads a command condition's program words, written as one
// string; ok is false unless they are n words and nothing else.
func decodeWords(blob string, n int) (words []string, ok bool) {
	r := &snapReader{s: blob}
	if words = r.strs(); r.bad || r.i != len(r.s) || len(words) != n {
		return nil, false
	}
	return words, true
}

// wordsFit reports whether a command condition's program words, written
// as one string, are n words and nothing else, reading them as
// decodeWords does without keeping them.
func wordsFit(blob string, n int) bool {
	r := &snapReader{s: blob}
	if r.count() != n {
		return false
	}
	for range n {
		r.str()
	}
	return !r.bad && r.i == len(r.s)
}

// damagedMessage is the message of the rule that stands for rules that
// could not be laid out.
const damagedMessage = "the policy snapshot is damaged: its rules cannot be read"

// decodeRules lays out rules that skipRules checked when their snapshot
// was loaded. Should they fail to read all the same, the entry denies
// every call it admits: a damaged policy never allows.
func decodeRules(src string, builtIn bool) []*Rule {
	r := &snapReader{s: src}
	rules := r.readRules(builtIn)
	if r.bad || r.i != len(r.s) {
		return []*Rule{{Action: call.Deny, Message: damagedMessage}}
	}
	return rules
}

// snapWriter appends a snapshot's body.
type snapWriter struct{ b []byte }

func (w *snapWriter) uint(v uint64) { w.b = binary.AppendUvarint(w.b, v) }
func (w *snapWriter) int(v int64)   { w.b = binary.AppendVarint(w.b, v) }
func (w *snapWriter) str(s string)  { w.uint(uint64(len(s))); w.b = append(w.b, s...) }

func (w *snapWriter) bool(v bool) {
	if v {
		w.uint(1)
	} else {
		w.uint(0)
	}
}

func (w *snapWriter) strs(ss []string) {
	w.uint(uint64(len(ss)))
	for _, s := range ss {
		w.str(s)
	}
}

// Value tags: the types YAML gives a test parameter decoded into any.
const (
	tagNull = iota
	tagFalse
	tagTrue
	tagInt
	tagFloat
	tagString
	tagList
	tagMap
)

func (w *snapWriter) value(v any) error {
	switch v := v.(type) {
	case nil:
		w.uint(tagNull)
	case bool:
		if v {
			w.uint(tagTrue)
		} else {
			w.uint(tagFalse)
		}
	case int:
		w.uint(tagInt)
		w.int(int64(v))
	case float64:
		w.uint(tagFloat)
		w.uint(math.Float64bits(v))
	case string:
		w.uint(tagString)
		w.str(v)
	case []any:
		w.uint(tagList)
		w.uint(uint64(len(v)))
		for _, x := range v {
			if err := w.value(x); err != nil {
				return err
			}
		}
	case map[string]any:
		w.uint(tagMap)
		w.uint(uint64(len(v)))
		keys := make([]string, 0, len(v))
		for k := range v {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		for _, k := range keys {
			w.str(k)
			if err := w.value(v[k]); err != nil {
				return err
			}
		}
	default:
		return fmt.Errorf("a value of type %T cannot be kept in a snapshot", v)
	}
	return nil
}

// snapReader reads a snapshot's body; any malformed field sets bad, after
// which every read returns a zero value.
type snapReader struct {
	s   string
	i   int
	bad bool
	// spare is room for the lists strs returns: a snapshot holds many
	// short lists of strings (a rule's patterns, an entry's tools), and
	// reading them carves each out of one allocation instead of making
	// one each.
	spare []string
}

// strsChunk is the number of strings strs makes room for at a time.
const strsChunk = 64

func (r *snapReader) fail() { r.bad, r.i = true, len(r.s) }

func (r *snapReader) uint() uint64 {
	var v uint64
	for shift := uint(0); shift < 64; shift += 7 {
		if r.i >= len(r.s) {
			break
		}
		c := r.s[r.i]
		r.i++
		v |= uint64(c&0x7f) << shift
		if c < 0x80 {
			return v
		}
	}
	r.fail()
	return 0
}

func (r *snapReader) int() int64 {
	u := r.uint()
	v := int64(u >> 1)
	if u&1 != 0 {
		v = ^v
	}
	return v
}

func (r *snapReader) bool() bool {
	switch r.uint() {
	case 0:
		return false
	case 1:
		return true
	}
	r.fail()
	return false
}

// count reads a length, bounded by what is left to read (every item takes
// at least a byte), so a corrupt length cannot ask for a huge allocation.
func (r *snapReader) count() int {
	n := r.uint()
	if n > uint64(len(r.s)-r.i) {
		r.fail()
		return 0
	}
	return int(n)
}

func (r *snapReader) str() string {
	// A string of fewer than 128 bytes, the usual one, is read here
	// without a call, as count and the slicing below read it.
	if i := r.i; i < len(r.s) && r.s[i] < 0x80 {
		if n := int(r.s[i]); n <= len(r.s)-i-1 {
			r.i = i + 1 + n
			return r.s[i+1 : r.i]
		}
	}
	n := r.count()
	s := r.s[r.i : r.i+n]
	r.i += n
	return s
}

// strs reads a list of strings. The list is carved out of the reader's
// spare room with its capacity cut to its length, so a caller's append
// copies it rather than writing over the next list.
func (r *snapReader) strs() []string {
	n := r.count()
	if n == 0 {
		return nil
	}
	if len(r.spare) < n {
		r.spare = make([]string, max(n, strsChunk))
	}
	out := r.spare[:n:n]
	r.spare = r.spare[n:]
	for i := range out {
		out[i] = r.str()
	}
	return out
}

func (r *snapReader) action() call.Action {
	a := r.uint()
	if a > uint64(call.Deny) {
		r.fail()
		return call.Deny
	}
	return call.Action(a)
}

// maxValueDepth bounds the nesting of a test parameter's value.
const maxValueDepth = 64

func (r *snapReader) value() any { return r.valueAt(0) }

func (r *snapReader) valueAt(depth int) any {
	if depth > maxValueDepth {
		r.fail()
		return nil
	}
	switch r.uint() {
	case tagNull:
		return nil
	case tagFalse:
		return false
	case tagTrue:
		return true
	case tagInt:
		return int(r.int())
	case tagFloat:
		return math.Float64frombits(r.uint())
	case tagString:
		return r.str()
	case tagList:
		out := make([]any, r.count())
		for i := range out {
			out[i] = r.valueAt(depth + 1)
		}
		return out
	case tagMap:
		n := r.count()
		out := make(map[string]any, n)
		for range n {
			k := r.str()
			out[k] = r.valueAt(depth + 1)
		}
		return out
	}
	r.fail()
	return nil
}
