package shell

import (
	"encoding/base64"
	"slices"
	"strings"
	"sync"

	"mvdan.cc/sh/v3/syntax"

	"rampart.dev/pkg/catalog"
	"rampart.dev/pkg/internal/table"
)

// state is one Parse call: the commands found so far, the variables
// assigned so far, and the budgets.
type state struct {
	includes     int  // configuration files read through another's Include (sshconf.go)
	trusting     bool // mise trust of the temporary directory cd moved to: the cd brings nothing there (trust.go)
	out          []Command
	vars         map[string]variable
	readonly     map[string]bool     // variables made read-only: later assignments fail (declReadonly)
	exported     map[string]bool     // variables the line exported (declExported): a later plain assignment reaches the programs after it
	inputs       []span              // substitutions feeding the command being emitted
	aliases      map[string]string   // aliases (and hash -p names) defined on the line
	at           Place               // where the line runs (place.go)
	dir          string              // where the line's cd commands moved it, from at.Dir ("" for there; place.go)
	dirs         []string            // the directories pushd left, for popd (place.go)
	readVars     []string            // the variables the last read of known text set (readtext.go)
	old          oldPlace            // where cd - goes back to (place.go)
	dirLost      bool                // a cd went where nobody knows: $PWD is not known (place.go)
	allExport    bool                // set -a is on: every assignment is exported (AllExport)
	errexit      bool                // set -e is on at the top of the line (errexit.go)
	stageIn      string              // the text known to reach install or cp from standard input in the stage walked (feedPipe)
	pipeIn       string              // the text known to reach the stage walked, when it writes to a file (feedPipe)
	files        map[string]string   // text written to files on the line, by file name
	shown        map[string]string   // text written into files whose whole text is not known (Result.Shown)
	filesAt      map[string]int      // how many commands the walk had found when each text was recorded
	opaque       fileSet             // files written on the line with text nobody knows
	substFiles   map[string][]string // process substitutions that copy files out, by their text: the files (generators.go)
	fds          map[string]string   // descriptors exec opened onto files (exec 3>f), by number
	infds        map[string]string   // descriptors exec opened for reading (exec 3<f), by number
	fdIn         map[string]span     // descriptors exec opened onto <(…), the commands printing there (fdsubst.go)
	fdOut        map[string]span     // descriptors exec opened onto >(…), the commands reading there
	fdCode       map[span]bool       // such substitutions a shell or interpreter took in (fdsubst.go)
	shellIn      span                // what a bare exec made the shell's own input (exec <&3, exec < <(…))
	hasShellIn   bool
	parallelFed  bool                    // the parallel being emitted reads a stage's output the walk read whole
	shellInFile  string                  // the file its text was recorded under, when known
	built        map[string]builtProgram // programs built on the line from sources it wrote, by file (compiled.go)
	compound     bool                    // the redirections walked are a compound command's
	blockIn      *blockInput             // the standard input they gave it, once walked (stdinOf)
	printing     *blockPrint             // the block whose output to a file is being collected (blockout.go)
	callPrint    *blockPrint             // what the function just called printed into the file its call names
	bodyFed      bool                    // the function just called printed into the block around it
	execOutPrint *blockPrint             // what the line prints after exec >> F (blockout.go)
	execIn       *blockInput             // the shell's own input a bare exec gave it (exec < s.sh)
	traps        []trapDef               // trap commands, walked at the end of the line
	execOut      []string                // files a bare exec just sent the line's output to
	exhausts     []string                // what starts processes without end
	funcs        map[string]*funcDef     // functions defined on the line
	defined      []string                // the names of the functions the line defines, in order (Result.Functions)
	coprocs      map[string]span         // coprocesses started on the line, by name (COPROC): their commands
	scope        scopeState              // scopes.go: subshells, branches and locals being walked
	pipes        int
	pipe0        pipe   // the first pipeline, kept here to save an allocation
	spare        []pipe // pipelines allocated ahead
	truncated    bool
	loopAgain    bool // walking a loop's body again as a later turn (loopcarried.go)
	unparsed     bool
	parsed       int // bytes handed to the parser
	expanded     int // bytes produced by expansion
	parser       *syntax.Parser
	strArena     []string         // see arena.go
	boolArena    []bool           // see arena.go
	intArena     []int            // see arena.go
	byteArena    []byte           // see arena.go
	spanArena    []span           // see arena.go (appendSpans): emptied by free
	fieldBuf     field            // scratch for building a word, while no expander holds it
	stmtBufs     [][]*syntax.Stmt // scratch slices for flattening pipelines, those no walkPipe holds
	pipedLines   []string         // the paths a listing pipes into a while-read loop (readFromListing)
	plain        []string         // words finish found to be no wrapper, for emitWords (see there)
	plainKinds   uint32           // the kinds of plain's program name (namekinds.go), with kindKnown
	plainName    string           // plain's program name, progName of its first word
	envOptsFor   string           // the program being emitted with its options' variables read (envoptions.go)
	reader       strings.Reader   // the parser's input, reset for each text
	noLight      bool             // every text goes to the parser, none to lightParse (tests)
	lightTree    bool             // the last tree parse gave is lightParse's: no function, no loop
	lightNodes   lightNodes       // the arrays lightParse takes nodes from (lightnodes.go)
	shellID      int              // the subshell or child process being walked (Command.Shell), 0 for the line's own shell (scopes.go)
	shellUp      []int            // by subshell id - 1: the id of the shell it was started from (Result.Shells)
	classWords   []catalog.Word   // scratch for classifying a command's words (scratchExecWords), emptied after each use
}

// variable is a shell variable assigned on the line; known is false when
// its value came from something that cannot be resolved statically.
type variable struct {
	val   string
	known bool
	subs  []span   // substitutions whose output the value holds
	elems []string // an array's elements, when every one is known
	each  bool     // a loop variable holding its items joined: "$d" is each item, quoted too
	alts  []string // other values it may hold, assigned on a branch that may not have run (scopes.go)
}

// pipe is one pipeline; stage advances as its stages are walked.
type pipe struct {
	id, stage int
	feeds     []feed // text earlier stages write to stdin (here-documents, echo)
	// given: text earlier stages gave filters the walk does not follow
	// (envsubst), which what they print may hold in some form: only
	// judged as shown in a file written at the end (Result.Shown)
	given []feed
	// Stages whose output is partly unseen, and of those the ones with a
	// program's output rather than named files copied out (unseenout.go).
	dark, darkProg uint64
	darkName       string // the last program whose output was unseen
	// Stages whose standard error reaches the pipe too (|&, 2>&1 on
	// the stage), so output sent to it is not away (unseenout.go).
	errIn uint64
}

// feed is text a pipeline stage writes to its stdout, which a later stage
// running a shell would execute.
type feed struct {
	text  string
	stage int
}

// frame is where the walk is: the source being walked and what encloses it.
type frame struct {
	src string // the text node offsets refer to
	via []string
	pl  *pipe // the current pipeline, nil until a statement needs one
	// blockIn is the standard input a block or loop redirects ({ bash; }
	// < s.sh), which its commands that do not redirect their own read.
	blockIn  *blockInput
	depth    int // Command.Depth
	strDepth int // strings re-parsed on the way here
	gate     int // Command.Gate of the commands walked here (andgate.go)
	// The flags come last, side by side: a frame is passed by value to
	// most of the walk's functions, and interleaved with the words above
	// each would take a word of its own.
	synthetic bool
	// guessed: the string walked was only guessed to be a command line (a
	// word with spaces given to a program the catalogue does not know); if
	// it does not parse, it is data, not a line a shell would reject.
	guessed bool
	inPipe  bool // walking a stage of a pipeline: nested statements share pl
	inBg    bool // walking a background statement's own command, already isolated
	remote  bool // the text runs on another host (ssh's remote command): its privilege is that host's
	repeats bool // the text is a loop's body or condition: it runs again and again (Command.Repeats)
	// errIgnored: errexit does not stop the script for a failure here (an
	// if's or loop's condition, the left of && or ||, a negated
	// statement); orExit: a failure here runs exit (cd x || exit 1).
	// errexit.go.
	errIgnored, orExit bool
}

// blockInput is a block's or loop's standard input, as its own command
// resolved it: the redirections, whether their words had an unresolved
// expansion, and the text of its here-documents and here-strings.
type blockInput struct {
	rs     []Redirect
	dyn    bool
	bodies []string
}

// slice returns the source text of n.
func (f *frame) slice(n syntax.Node) string {
	a, b := int(n.Pos().Offset()), int(n.End().Offset())
	if a < 0 || b > len(f.src) || a > b {
		return ""
	}
	return f.src[a:b]
}

// deeper is the frame for a substitution inside f.
func (f *frame) deeper() frame {
	return frame{src: f.src, depth: f.depth + 1, strDepth: f.strDepth, via: f.via, synthetic: f.synthetic, remote: f.remote, repeats: f.repeats}
}

var parsers = sync.Pool{New: func() any { return syntax.NewParser(syntax.Variant(syntax.LangBash)) }}

// states holds walkers between Parse calls, so that a call neither
// allocates its state nor starts fresh arena chunks (arena.go).
var states = sync.Pool{New: func() any { return new(state) }}

func newState() *state { return states.Get().(*state) }

// free hands s back to states once its Result is made. The Result keeps
// what the walk handed out (the command array, the files map, the slices
// cut from the arenas); s keeps only what no Result points into: the
// unused tails of its arena chunks and of its spare pipelines (a piece is
// never handed out twice, so a tail may serve the next call) and its
// scratch buffers.
func (s *state) free() {
	for _, b := range s.stmtBufs {
		clear(b[:cap(b)]) // let go of the syntax tree
	}
	// The opaque list and the first pipeline's feeds are the walk's own
	// (no Result holds them): their arrays are kept, emptied.
	clear(s.opaque[:cap(s.opaque)])
	clear(s.pipe0.feeds[:cap(s.pipe0.feeds)])
	s.lightNodes.reset() // the trees are let go of above
	*s = state{
		spare:      s.spare,
		strArena:   s.strArena,
		boolArena:  s.boolArena,
		intArena:   s.intArena,
		byteArena:  s.byteArena,
		fieldBuf:   s.fieldBuf[:0],
		stmtBufs:   s.stmtBufs,
		opaque:     s.opaque[:0],
		pipe0:      pipe{feeds: s.pipe0.feeds[:0]},
		spanArena:  s.spanArena[:0],
		lightNodes: s.lightNodes,
		shellUp:    s.shellUp[:0],
		classWords: s.classWords,
	}
	states.Put(s)
}

func (s *state) newPipe() *pipe {
	s.pipes++
	if s.pipes == 1 {
		return &s.pipe0
	}
	if len(s.spare) == 0 {
		s.spare = make([]pipe, 8) // pipes are small: allocate a few at a time
	}
	p := &s.spare[0]
	s.spare = s.spare[1:]
	p.id = s.pipes - 1
	return p
}

func (s *state) result() Result {
	if len(s.traps) > 0 {
		s.walkTraps()
	}
	if s.parser != nil {
		parsers.Put(s.parser)
		s.parser = nil
	}
	if len(s.out) == 0 {
		s.out = nil // no commands: nil, as the fast path reports it
	}
	var shells []int
	if len(s.shellUp) > 0 {
		shells = append(s.ints(len(s.shellUp)), s.shellUp...)
	}
	return Result{Commands: s.out, Unparsed: s.unparsed, Truncated: s.truncated, Exhaust: s.exhausts, Files: s.files, Shown: s.shown, Functions: s.defined, Shells: shells}
}

// add appends a copy of *c unless the output is full. It takes a pointer:
// a Command is some 350 bytes, and passing it by value copied it once more
// per command before the append copied it again.
func (s *state) add(c *Command) bool {
	if len(s.out) >= MaxCommands {
		s.truncated = true
		return false
	}
	c.Shell = s.shellID
	n := len(s.out)
	if n == cap(s.out) {
		s.out = slices.Grow(s.out, 1)
	}
	s.out = s.out[:n+1]
	s.out[n] = *c // one copy, into place (append(s.out, *c) copied twice)
	return true
}

// parse runs the shell parser on src, within the byte budget.
func (s *state) parse(src string) (f *syntax.File, ok bool) {
	s.parsed += len(src)
	if s.parsed > MaxParseBytes {
		s.truncated = true
		return nil, false
	}
	s.lightTree = false
	if !s.noLight {
		if f, ok := lightParseIn(src, &s.lightNodes); ok {
			s.lightTree = true
			return f, true
		}
	}
	if s.parser == nil {
		s.parser = parsers.Get().(*syntax.Parser)
	}
	defer func() {
		// The parser is fuzzed upstream; should it still fail on some
		// input, treat that input as unparsable and drop the parser.
		if recover() != nil {
			s.parser = nil
			f, ok = nil, false
		}
	}()
	s.reader.Reset(src)
	f, err := s.parser.Parse(&s.reader, "")
	return f, err == nil
}

// slowParse parses src with the shell parser and walks the result.
func slowParse(src string, at Place) Result { return walkLine(src, true, at) }

// walkLine is slowParse; light false sends every text to the shell
// parser, none to lightParse (tests hold the two against each other).
func walkLine(src string, light bool, at Place) Result {
	s := newState()
	defer s.free()
	s.at = at
	s.noLight = !light
	if len(src) > MaxSource {
		s.truncated, s.unparsed = true, true
		s.split(src[:MaxSource], frame{})
		return s.result()
	}
	f, ok := s.parse(src)
	if !ok {
		s.unparsed = true
		s.split(src, frame{})
		return s.result()
	}
	s.out = commandArray(estimateCommands(src))
	if !s.lightTree {
		s.exhaust(f, src)
	}
	s.walkStmts(f.Stmts, frame{src: src})
	if s.execOutPrint != nil {
		s.endExecPrint(frame{src: src}) // blockout.go
	}
	s.walkUncalled()
	return s.result()
}

// codeFlags are the options whose value is code a shell or interpreter
// runs (sh -c, python3 -c, node -e, perl -E, php -r).
var codeFlags = table.Map[string, bool]{Words: "-c -e -E -r --eval --command"}

// xargsWhole reports whether xargs's options keep an input item whole
// rather than split on blanks: -0, --null, -d DELIM, --delimiter.
func xargsWhole(words []string) bool {
	for _, w := range words[1:] {
		if w == "-0" || w == "--null" || strings.HasPrefix(w, "-d") || strings.HasPrefix(w, "--delimiter") {
			return true
		}
		if !strings.HasPrefix(w, "-") {
			return false // the command it runs begins
		}
	}
	return false
}

// parseString parses text a shell would run (a -c string, eval's
// arguments, a here-document) one level below f.
func (s *state) parseString(text string, f frame) {
	if f.strDepth+1 > MaxStringDepth || f.depth+1 > MaxDepth {
		s.truncated = true
		return
	}
	g := frame{src: text, depth: f.depth + 1, strDepth: f.strDepth + 1, via: f.via, synthetic: f.synthetic, remote: f.remote, repeats: f.repeats}
	if words, ok := fastWords(text); ok {
		g.pl = s.newPipe()
		s.emitWords(g, words, nil, nil, false)
		return
	}
	file, ok := s.parse(text)
	if !ok {
		if !s.truncated {
			// A guessed command line that does not parse (SQL, prose given
			// to a program nobody catalogued) is no shell's input; its words
			// are still judged as if a program ran them.
			s.unparsed = s.unparsed || !f.guessed
			s.split(text, g)
		}
		return
	}
	if !s.lightTree {
		s.exhaust(file, text) // a light tree holds no function or loop
	}
	s.walkStmts(file.Stmts, g)
}

// parseInPlace walks text that stands where a command stood, an alias's
// or a hashed name's value (hash -p /bin/sh py; echo CMD | py): when it is
// one simple command, in that command's pipeline stage and with its
// standard input, as a function's body is; otherwise as parseString does.
func (s *state) parseInPlace(text string, f frame) {
	if f.strDepth+1 > MaxStringDepth || f.depth+1 > MaxDepth || f.pl == nil && f.blockIn == nil {
		s.parseString(text, f)
		return
	}
	file, ok := s.parse(text)
	if !ok || len(file.Stmts) != 1 || file.Stmts[0].Background || file.Stmts[0].Negated {
		s.parseString(text, f)
		return
	}
	if _, simple := file.Stmts[0].Cmd.(*syntax.CallExpr); !simple {
		s.parseString(text, f)
		return
	}
	g := frame{src: text, depth: f.depth + 1, strDepth: f.strDepth + 1, via: f.via, synthetic: f.synthetic, remote: f.remote,
		repeats: f.repeats, pl: f.pl, inPipe: f.inPipe, blockIn: f.blockIn}
	s.walkStmts(file.Stmts, g)
}

func (s *state) walkStmts(stmts []*syntax.Stmt, f frame) {
	if f.depth > MaxDepth {
		s.truncated = true
		return
	}
	for _, st := range stmts {
		if len(s.out) >= MaxCommands {
			s.truncated = true
			return
		}
		s.walkStmt(st, f)
	}
}

func (s *state) walkStmt(st *syntax.Stmt, f frame) {
	if !f.inPipe {
		f.pl = nil
	}
	if st.Background && !f.inBg {
		// A background job runs in a subshell (scopes.go).
		f.inBg = true
		s.isolated(func() { s.walkStmt(st, f) })
		return
	}
	f.inBg = false
	if st.Negated {
		f.errIgnored = true
	}
	switch st.Cmd.(type) {
	case *syntax.CallExpr, *syntax.BinaryCmd:
	default:
		f.orExit = false // { cd a; cd b; } || exit: cd a's failure runs on to cd b
	}
	if st.Negated {
		f.orExit = false
	}
	switch c := st.Cmd.(type) {
	case nil:
		s.walkCall(&syntax.CallExpr{}, st.Redirs, f)
		return
	case *syntax.CallExpr:
		s.walkCall(c, st.Redirs, f)
		return
	case *syntax.DeclClause:
		s.walkDecl(c, st.Redirs, f)
		return
	case *syntax.TimeClause:
		s.walkTime(c, st.Redirs, f)
		return
	}
	if len(st.Redirs) > 0 {
		s.compound = true // what a block or loop writes is not known
		in, out := procRedirects(st.Redirs)
		if (in || out) && !f.inPipe {
			// while read l; do …; done < <(X) is X | while …; { …; } >
			// >(X) is { …; } | X: the block shares a pipeline with X.
			f.pl, f.inPipe = s.newPipe(), true
		}
		start := len(s.out)
		outer := s.printing
		bp := s.startBlockPrint(st.Redirs, f) // blockout.go
		if bp != nil {
			s.printing = bp
		}
		s.walkCall(&syntax.CallExpr{}, st.Redirs, f)
		s.compound = false
		if start < len(s.out) && s.out[start].Block {
			defer func() { s.out[start].BlockEnd = len(s.out) }()
		}
		if bp != nil {
			bp.noting = false
			defer s.endBlockPrint(bp, outer, f)
		}
		if s.blockIn != nil {
			f.blockIn, s.blockIn = s.blockIn, nil
		}
		if in || out {
			defer s.procBlock(f.pl, span{start, len(s.out)}, out, len(s.out))
			if in {
				s.link(f.pl, []span{{start, len(s.out)}})
			}
		}
	}
	switch c := st.Cmd.(type) {
	case *syntax.BinaryCmd:
		if c.Op == syntax.Pipe || c.Op == syntax.PipeAll {
			s.walkPipe(c, f)
			return
		}
		start := len(s.out)
		x := f
		x.errIgnored = true // errexit.go: the left of && and || is tested
		if c.Op == syntax.OrStmt {
			x.orExit = s.exitStmt(c.Y) // cd build || exit 1
		}
		s.walkStmt(c.X, x)
		g := f
		if c.Op == syntax.AndStmt {
			g.gate = s.andGate(c.X, start, f.depth) // andgate.go
		}
		// The right side of && and || may not run (scopes.go).
		s.maybe(func() { s.walkStmt(c.Y, g) })
	case *syntax.Subshell:
		s.isolated(func() { s.walkStmts(c.Stmts, f) })
	case *syntax.Block:
		s.walkStmts(c.Stmts, f)
	case *syntax.IfClause:
		cf := f
		cf.errIgnored = true // an if's condition is tested (errexit.go)
		for ic, first := c, true; ic != nil; ic, first = ic.Else, false {
			tf := f
			if first {
				tf.gate = s.walkIfCond(ic, cf)
			} else {
				s.maybe(func() { tf.gate = s.walkIfCond(ic, cf) })
			}
			s.maybe(func() { s.walkStmts(ic.Then, tf) })
		}
	case *syntax.WhileClause:
		piped := s.pipedLines // a listing piped into the loop (readFromListing)
		s.pipedLines = nil
		r := f
		r.repeats = true // the condition and the body run again and again
		rc := r
		rc.errIgnored = true // a loop's condition is tested (errexit.go)
		s.walkStmts(c.Cond, rc)
		s.readLoopText(c, st.Redirs)
		if call := readCond(c); call != nil && piped != nil {
			s.setReadVars(call, piped)
		}
		s.loopBody(c.Do, r) // loopcarried.go
	case *syntax.ForClause:
		switch l := c.Loop.(type) {
		case *syntax.WordIter:
			for _, w := range l.Items {
				s.walkNested(w, f)
			}
			if l.Name != nil {
				// The loop variable takes each item; judged as all of them
				// ("for f in ~/.ssh/*; do cat $f" reads ~/.ssh/*).
				var items []string
				known := true
				for _, w := range l.Items {
					if elems, ok := s.arrayItems(w, f); ok {
						items = append(items, elems...) // "${a[@]}": arrayitems.go
						continue
					}
					v, ok := s.staticWord(w)
					if !ok && len(w.Parts) == 1 {
						if cs, isSubst := w.Parts[0].(*syntax.CmdSubst); isSubst {
							// for f in $(find ~/.ssh -type f): the paths
							// the listing prints (listing.go), split
							if out, listed := s.listingOutput(cs.Stmts); listed {
								items = append(items, strings.Fields(out)...)
								continue
							}
						}
					}
					known = known && ok
					items = append(items, v)
				}
				if known && len(items) > 1 && len(items) <= maxAltCalls {
					// A few items: the variable holds each in turn, so a
					// quoted "$d" is judged as every one of them.
					s.setVar(l.Name.Value, items[0], true)
					v := s.vars[l.Name.Value]
					for _, it := range items[1:] {
						if it != items[0] && !contains(v.alts, it) {
							v.alts = append(v.alts, it)
						}
					}
					s.vars[l.Name.Value] = v
				} else {
					s.setVar(l.Name.Value, strings.Join(items, " "), known && len(items) > 0)
					if known && len(items) > 1 {
						v := s.vars[l.Name.Value]
						v.each = true // too many to walk one by one: all at once
						s.vars[l.Name.Value] = v
					}
				}
			}
		case *syntax.CStyleLoop:
			s.walkNested(l, f)
			s.arithAssigns(l)
		}
		r := f
		r.repeats = true
		s.loopBody(c.Do, r) // loopcarried.go
	case *syntax.CaseClause:
		s.walkNested(c.Word, f)
		for _, it := range c.Items {
			for _, p := range it.Patterns {
				s.walkNested(p, f)
			}
			s.maybe(func() { s.walkStmts(it.Stmts, f) })
		}
	case *syntax.FuncDecl:
		// A function's body is walked where it is called, with the call's
		// arguments as $1...; one never called is walked once at the end.
		if c.Body != nil && c.Name != nil {
			if s.funcs == nil {
				s.funcs = map[string]*funcDef{}
			}
			s.logFunc(c.Name.Value)
			s.defined = append(s.defined, c.Name.Value)
			s.funcs[c.Name.Value] = &funcDef{body: c.Body, f: f}
		}
	case *syntax.CoprocClause:
		if c.Stmt != nil {
			start := len(s.out)
			s.isolated(func() { s.walkStmt(c.Stmt, f) })
			name := "COPROC"
			if c.Name != nil && c.Name.Lit() != "" {
				name = c.Name.Lit()
			}
			if s.coprocs == nil {
				s.coprocs = map[string]span{}
			}
			s.coprocs[name] = span{start, len(s.out)}
		}
	case *syntax.TestDecl:
		if c.Body != nil {
			s.walkStmt(c.Body, f)
		}
	default: // ArithmCmd, TestClause, LetClause: only substitutions run
		s.walkNested(c, f)
		s.arithAssigns(c) // scopes.go: ((i++)), let i+=1
		s.testAssigns(c)  // [[ x =~ re ]] sets BASH_REMATCH
	}
}

// cdpath resolves cd DIR through a CDPATH the line set (CDPATH=/x cd
// DIR, export CDPATH=/x): DIR becomes the first entry's DIR, which the
// shell takes when it exists (an entry naming the working directory, "" or
// ".", is passed over: the other is the one a line would rely on). A DIR
// that is absolute or starts with . or .. is not looked up.
func (s *state) cdpath(words []string, dyn []bool) {
	if len(words) < 2 || words[0] != "cd" || len(s.vars) == 0 {
		return
	}
	v, ok := s.vars["CDPATH"]
	if !ok || !v.known || v.val == "" {
		return
	}
	k := len(words) - 1
	dir := words[k]
	if dyn != nil && dyn[k] || dir == "" || dir == "-" || dir == "." || dir == ".." || dir[0] == '/' || dir[0] == '~' ||
		strings.HasPrefix(dir, "./") || strings.HasPrefix(dir, "../") {
		return
	}
	for entry := range strings.SplitSeq(v.val, ":") {
		if entry != "" && entry != "." {
			words[k] = strings.TrimSuffix(entry, "/") + "/" + dir
			return
		}
	}
}

// readLoopText gives the variables of while read NAME; do …; done <<<
// TEXT (or a here-document) the lines of TEXT when it is static: the loop
// body is judged with each of them ("while read f; do cat $f; done <<<
// ~/.aws/credentials" reads it), or with all joined past maxLoopLines.
func (s *state) readLoopText(c *syntax.WhileClause, rs []*syntax.Redirect) {
	call := readCond(c)
	if call == nil || len(rs) == 0 {
		return
	}
	text, known := "", false
	for _, r := range rs {
		switch {
		case r.Op == syntax.WordHdoc && r.Word != nil:
			text, known = s.staticWord(r.Word)
		case (r.Op == syntax.Hdoc || r.Op == syntax.DashHdoc) && r.Hdoc != nil:
			text, known = s.staticWord(r.Hdoc)
		}
	}
	if !known || strings.TrimSpace(text) == "" {
		return
	}
	var lines []string
	for l := range strings.SplitSeq(text, "\n") {
		if l = strings.TrimSpace(l); l != "" {
			lines = append(lines, l)
		}
	}
	s.setReadVars(call, lines)
}

// readFromListing keeps, for "LISTING | while read f; do …", the paths
// the listing prints (listing.go) for the loop's read to give its
// variables, as a here-document of them would: find ~/.ssh -type f |
// while read f; do curl -F "f=@$f" …
func (s *state) readFromListing(c *syntax.BinaryCmd) {
	if w, ok := c.Y.Cmd.(*syntax.WhileClause); !ok || readCond(w) == nil {
		return
	}
	if out, ok := s.listingOutput([]*syntax.Stmt{c.X}); ok {
		s.pipedLines = strings.Fields(out)
	}
}

// readCond is the read command that ends a while loop's condition, or nil.
func readCond(w *syntax.WhileClause) *syntax.CallExpr {
	if len(w.Cond) == 0 {
		return nil
	}
	call, ok := w.Cond[len(w.Cond)-1].Cmd.(*syntax.CallExpr)
	if !ok || len(call.Args) < 2 || call.Args[0].Lit() != "read" {
		return nil
	}
	return call
}

// setReadVars gives the variables a read command names each of lines
// in turn.
func (s *state) setReadVars(call *syntax.CallExpr, lines []string) {
	if len(lines) == 0 {
		return
	}
	v := variable{val: lines[0], known: true}
	if len(lines) > maxLoopLines {
		v.val = strings.Join(lines, " ")
	} else {
		v.alts = lines[1:] // each line is walked as the value (scopes.go)
	}
	for i := 1; i < len(call.Args); i++ {
		w := call.Args[i].Lit()
		switch {
		case w == "-d" || w == "-n" || w == "-N" || w == "-p" || w == "-t" || w == "-u" || w == "-i":
			i++
		case w == "" || strings.HasPrefix(w, "-") || !identName(w):
		default:
			s.setVar(w, "", true)
			s.vars[w] = v
		}
	}
}

// maxLoopLines bounds the lines of a read loop's input walked one by one.
const maxLoopLines = 8

// coprocRedirects links a coprocess the line started to a command that
// writes to its input (>&"${COPROC[1]}") or reads its output
// (<&"${COPROC[0]}"), as a pipeline would: cmd | coproc, coproc | cmd.
func (s *state) coprocRedirects(pl *pipe, rs []Redirect) {
	for _, r := range rs {
		for name, sp := range s.coprocs {
			if !strings.Contains(r.Target, name+"[") {
				continue
			}
			switch {
			case strings.Contains(r.Target, name+"[1]") && (r.Op == ">&" || r.Op == ">"):
				pl.stage++
				s.link(pl, []span{sp})
			case strings.Contains(r.Target, name+"[0]") && (r.Op == "<&" || r.Op == "<"):
				c := &s.out[len(s.out)-1]
				s.link(pl, []span{sp})
				c.Pipeline, c.Stage = pl.id, pl.stage
			}
		}
	}
}

// readsFile reports a redirection of standard input from a file.
func readsFile(rs []Redirect) bool {
	for _, r := range rs {
		if r.Op == "<" && r.Target != "" {
			return true
		}
	}
	return false
}

// procRedirects reports whether redirections read from a process
// substitution (< <(X)) or write to one (> >(X)).
func procRedirects(rs []*syntax.Redirect) (in, out bool) {
	for _, r := range rs {
		if r.Word == nil || len(r.Word.Parts) != 1 {
			continue
		}
		if p, ok := r.Word.Parts[0].(*syntax.ProcSubst); ok {
			switch {
			case p.Op == syntax.CmdOut && (r.Op == syntax.RdrOut || r.Op == syntax.AppOut || r.Op == syntax.RdrAll || r.Op == syntax.AppAll):
				out = true
			case p.Op != syntax.CmdOut && r.Op == syntax.RdrIn:
				in = true
			}
		}
	}
	return in, out
}

// procBlock, once a block or loop with a > >(X) redirection is walked,
// moves X's commands (walked first, with the redirection, in sp) after the
// block's own (from end on), as in { …; } | X.
func (s *state) procBlock(pl *pipe, sp span, out bool, end int) {
	if !out || end >= len(s.out) {
		return
	}
	pl.stage++
	s.link(pl, []span{sp})
}

// walkPipe walks the stages of a pipeline, numbering them.
func (s *state) walkPipe(c *syntax.BinaryCmd, f frame) {
	var block *blockPrint // the block whose file the last stage prints into
	if s.printing != nil && !f.inPipe {
		s.blockPrintsUnseen(f, "a pipeline", nil) // its last stage prints into a block's file (blockout.go)
		if bp := s.printing; !bp.noting && f.depth == bp.depth {
			block = bp
		}
	}
	if f.pl == nil {
		f.pl = s.newPipe()
	}
	f.inPipe = true
	// The stages are flattened into one of the state's scratch slices,
	// held while they are walked: a pipeline nested in a stage takes
	// another, and each is handed back for the next pipeline and call.
	var buf []*syntax.Stmt
	if k := len(s.stmtBufs) - 1; k >= 0 {
		buf, s.stmtBufs = s.stmtBufs[k][:0], s.stmtBufs[:k]
	}
	if n := countPipe(c); cap(buf) < n {
		buf = make([]*syntax.Stmt, 0, n)
	}
	// a pipeline inside a stage whose standard error reaches the pipe
	// ({ pbpaste | tee /dev/stderr; } 2>&1 | sh) has its stages' too
	// (all: pipesAll, found on the same walk down)
	stages, all := flattenPipe(c, buf, false)
	allErr := all || f.pl.errIn&stageBit(f.pl.stage) != 0
	for i, st := range stages {
		if i > 0 {
			f.pl.stage++
		}
		if allErr || joinsStderr(st.Redirs) {
			f.pl.errIn |= stageBit(f.pl.stage)
		}
		g := f
		if i > 0 {
			g.blockIn = nil // a later stage reads the pipe
		}
		// Each stage runs in a subshell (scopes.go).
		s.isolated(func() {
			if i > 0 && i == len(stages)-1 {
				s.readFromListing(c)
			}
			s.walkStmt(st, g)
		})
	}
	if block != nil {
		// { … | envsubst; } >> F: F shows the text given to the last
		// stage's filter, and what the last stage was read to print
		for _, g := range f.pl.given {
			if g.stage == f.pl.stage {
				block.shown += g.text
			}
		}
		for _, g := range f.pl.feeds {
			if g.stage == f.pl.stage {
				block.shown += g.text
			}
		}
	}
	if cap(stages) <= maxStmtBuf && len(s.stmtBufs) < maxStmtBufs {
		s.stmtBufs = append(s.stmtBufs, stages[:0])
	}
}

// maxStmtBuf bounds the scratch slice kept for flattening pipelines.
const maxStmtBuf = 1024

// maxStmtBufs bounds how many scratch slices are kept: one per pipeline
// nested in another's stage, a few deep.
const maxStmtBufs = 4

// countPipe is how many stages flattenPipe finds.
func countPipe(c *syntax.BinaryCmd) int {
	n := 0
	for _, st := range [2]*syntax.Stmt{c.X, c.Y} {
		if b, ok := st.Cmd.(*syntax.BinaryCmd); ok && (b.Op == syntax.Pipe || b.Op == syntax.PipeAll) &&
			len(st.Redirs) == 0 && !st.Negated && !st.Background {
			n += countPipe(b)
			continue
		}
		n++
	}
	return n
}

// flattenPipe appends the stages of the pipeline c to out, and reports
// whether c pipes standard error anywhere (|&: pipesAll(c)), all being
// whether the pipelines walked before it did.
func flattenPipe(c *syntax.BinaryCmd, out []*syntax.Stmt, all bool) ([]*syntax.Stmt, bool) {
	all = all || c.Op == syntax.PipeAll
	for _, st := range [2]*syntax.Stmt{c.X, c.Y} {
		if b, ok := st.Cmd.(*syntax.BinaryCmd); ok && (b.Op == syntax.Pipe || b.Op == syntax.PipeAll) {
			if len(st.Redirs) == 0 && !st.Negated && !st.Background {
				out, all = flattenPipe(b, out, all)
				continue
			}
			all = all || pipesAll(b) // a stage of its own, read by pipesAll all the same
		}
		out = append(out, st)
	}
	return out, all
}

// walkNested reports the commands of substitutions anywhere inside n.
func (s *state) walkNested(n syntax.Node, f frame) {
	if n == nil {
		return
	}
	syntax.Walk(n, func(n syntax.Node) bool {
		switch n := n.(type) {
		case *syntax.CmdSubst:
			s.isolated(func() { s.walkStmts(n.Stmts, f.deeper()) })
			return false
		case *syntax.ProcSubst:
			s.isolated(func() { s.walkStmts(n.Stmts, f.deeper()) })
			return false
		}
		return true
	})
}

// knownValue gives a variable's value when the line set it to one it
// shows (for readers of a command's own text: jq's env.X).
func (s *state) knownValue(name string) (string, bool) {
	v, ok := s.vars[name]
	return v.val, ok && v.known
}

func (s *state) setVar(name, val string, known bool) {
	if s.vars == nil {
		s.vars = make(map[string]variable)
	}
	if s.readonly[name] {
		return // bash refuses the assignment and the variable keeps its value
	}
	s.logVar(name) // scopes.go
	s.vars[name] = variable{val: val, known: known}
}

// assign evaluates an assignment, stores it when store is set, and gives
// the word it would be written as ("X=rm").
func (s *state) assign(e *expander, a *syntax.Assign, store bool) (string, bool) {
	if a.Name == nil {
		return "", false
	}
	val, known := "", true
	nsubs := len(e.subs)
	switch {
	case a.Array != nil:
		s.walkNested(a.Array, e.f)
		val, known = e.f.slice(a.Array), false
		if store {
			s.keyedElems(e, a.Name.Value, a.Array, a.Append) // m=([k]=v): lines.go
		}
		nalts := len(e.alts)
		elems, ok := e.arrayElems(a.Array)
		if ok && a.Append {
			// a+=(x): the elements the array held, then these; an array
			// the line did not set, or not whole, stays unknown
			old := s.vars[a.Name.Value]
			if ok = old.known && old.elems != nil && len(old.alts) == 0; ok {
				elems = append(old.elems[:len(old.elems):len(old.elems)], elems...)
			}
		}
		if ok && len(e.alts) == nalts {
			// (An element read from a variable with alternatives is one
			// of several values: the array is not known, scopes.go.)
			if store {
				defer func() {
					v := s.vars[a.Name.Value]
					v.elems, v.known, v.val = elems, true, strings.Join(elems, " ")
					s.vars[a.Name.Value] = v
				}()
			}
		}
	case a.Value != nil:
		v, d := e.one(a.Value)
		val, known = v, !d
	}
	if a.Index != nil {
		s.walkNested(a.Index, e.f)
		if store && known && a.Value != nil && bashTableCommand(a.Name.Value) != "" {
			// (BASH_ALIASES[name]+=…: an alias of that name all the same)
			// BASH_ALIASES[name]=…, BASH_CMDS[name]=…: bashtables.go
			if k, ok := s.tableKey(e, a.Index); ok {
				s.bashTableElem(e.f, a.Name.Value, k, val)
			}
		}
		if k, ok := indexKey(a.Index); ok && store && known && a.Value != nil && !a.Append {
			// m[k]=v, a[2]=v: the element, read back as ${m[k]}
			s.setVar(s.refName(a.Name.Value)+"["+k+"]", val, true)
		}
		known = false
	}
	op := "="
	if a.Append {
		op = "+="
	}
	word := s.refName(a.Name.Value) + op + val
	added, addedKnown := val, known
	if store {
		if a.Append {
			old := s.vars[a.Name.Value]
			val, known = old.val+val, known && old.known
		}
		var subs []span
		if a.Append {
			subs = s.vars[a.Name.Value].subs
		}
		// A nameref's assignment writes the variable it names.
		target := s.refName(a.Name.Value)
		var alts []string
		if a.Value != nil && len(e.alts) > 0 && !a.Append {
			// X="$c -rf ~" with c one of several values: so is X (scopes.go).
			alts = s.valueAlts(e, a, val)
		}
		if len(alts) > maxAlts {
			known, alts = false, nil // too many values to follow: not known
		}
		s.setVar(target, val, known)
		if len(alts) > 0 && known {
			v := s.vars[target]
			v.alts = alts
			s.vars[target] = v
		}
		if len(e.subs) > nsubs || len(subs) > 0 {
			v := s.vars[target]
			v.subs = s.appendSpans(s.appendSpans(nil, subs...), e.subs[nsubs:]...)
			s.vars[target] = v
		}
	}
	if a.Value != nil && promptVar(a.Name.Value) && (strings.Contains(val, "$(") || strings.Contains(val, "`") || strings.Contains(val, "${ ")) {
		// PS4='$(CMD)' with bash -x, PS1/PS0 with bash -i: the shell
		// expands the prompt, running its command substitutions.
		s.parseString(": "+val, s.viaFrame(e.f, a.Name.Value))
	}
	if a.Value != nil {
		// GIT_PAGER='sh -c …', EDITOR=…: the value is a command that the
		// program will run (settings.go); appended to a value from
		// outside, what is appended is run still.
		s.assignedSetting(e.f, s.refName(a.Name.Value), val, known, added, addedKnown && a.Append)
	}
	return word, !known && a.Array == nil
}

// walkCall reports a simple command.
func (s *state) walkCall(c *syntax.CallExpr, redirs []*syntax.Redirect, f frame) {
	e := &expander{s: s, f: f, cur: s.fieldBuf[:0]}
	s.fieldBuf = nil // a command in a substitution in this one builds its own
	defer func() { s.fieldBuf = e.cur[:0] }()
	if len(c.Args) > 0 {
		e.words, e.dyn = s.strs(len(c.Args)), s.bools(len(c.Args))
	}
	// Assignments before a command hold for that command only (and the
	// strings it runs: T=$(x) sh -c '...$T'); alone, they hold for the line.
	var saved map[string]*variable
	for _, a := range c.Assigns {
		if len(c.Args) > 0 && a.Name != nil {
			if saved == nil {
				saved = map[string]*variable{}
			}
			if old, ok := s.vars[a.Name.Value]; ok {
				saved[a.Name.Value] = &old
			} else {
				saved[a.Name.Value] = nil
			}
		}
		w, _ := s.assign(e, a, true)
		if w != "" && (len(c.Args) > 0 || s.allExport || a.Name != nil && (settingName(s.refName(a.Name.Value)) || s.exported[a.Name.Value])) {
			// Alone, an assignment to a listed setting (PATH=.:$PATH;
			// git status), or any after set -a, which exports it to the
			// programs after it, or to a variable the line exported
			// before (export A=1; A=2; cmd), is reported as a command
			// with no program.
			e.assigns = append(e.assigns, w)
		}
	}
	for _, w := range c.Args {
		e.word(w, true)
	}
	s.finish(e, redirs)
	if len(e.alts) > 0 {
		// A word read a variable that may hold another value (scopes.go).
		s.altCalls(c, redirs, f, e.alts)
	}
	if saved == nil {
		return // (a range over a nil map still starts an iterator)
	}
	for name, old := range saved {
		if old == nil {
			delete(s.vars, name)
		} else {
			s.vars[name] = *old
		}
	}
}

// walkDecl reports export, declare, local, readonly, typeset and nameref,
// recording their assignments.
func (s *state) walkDecl(c *syntax.DeclClause, redirs []*syntax.Redirect, f frame) {
	e := &expander{s: s, f: f}
	e.words, e.dyn = append(e.words, c.Variant.Value), append(e.dyn, false)
	local := s.scope.inFunc > 0 && (c.Variant.Value == "local" || c.Variant.Value == "declare" || c.Variant.Value == "typeset") && !declGlobal(c)
	// A builtin's words are all expanded before it runs: in "export A=rm
	// B=$A", B takes A's value from before the line. Plain assignments
	// of several names are made once every value is known.
	var later []pendingAssign
	deferred := simpleAssigns(c.Args) > 1
	for _, a := range c.Args {
		if local && a.Name != nil {
			// Gone when the function returns (emitWords).
			old, had := s.vars[a.Name.Value]
			s.scope.locals = append(s.scope.locals, varUndo{a.Name.Value, old, had})
		}
		switch {
		case a.Naked && a.Name != nil:
			w := a.Name.Value
			if v, ok := s.vars[w]; ok && v.known && v.elems == nil && c.Variant.Value == "export" {
				// STAGE=prod; export STAGE: the value the line gave it is
				// what the programs after it see
				w += "=" + v.val
			}
			e.words, e.dyn = append(e.words, w), append(e.dyn, false)
		case a.Naked && a.Value != nil:
			n := len(e.words)
			e.word(a.Value, true)
			for k := n; k < len(e.words); k++ {
				// declare "c=rm", export $(echo D=x): an assignment all the
				// same (scopes.go).
				if strings.IndexByte(e.words[k], '=') > 0 {
					if local {
						name, _, _ := strings.Cut(e.words[k], "=")
						old, had := s.vars[name]
						s.scope.locals = append(s.scope.locals, varUndo{name, old, had})
					}
					s.declAssign(e.words[k], e.dyn[k])
				}
			}
		case deferred && simpleAssign(a):
			nalts, nsubs := len(e.alts), len(e.subs)
			w, d := s.assign(e, a, false)
			// a value read from a variable of several values is not one
			// value (scopes.go): it is not known
			later = append(later, pendingAssign{w, d || len(e.alts) > nalts, append([]span(nil), e.subs[nsubs:]...)})
			e.words, e.dyn = append(e.words, w), append(e.dyn, d)
		default:
			w, d := s.assign(e, a, true)
			e.words, e.dyn = append(e.words, w), append(e.dyn, d)
		}
	}
	defer s.declReadonly(c)
	defer s.declExported(c)
	for _, p := range later {
		s.declAssign(p.word, p.dyn)
		if name, _, _ := strings.Cut(p.word, "="); len(p.subs) > 0 && validName(name) {
			v := s.vars[name]
			v.subs = p.subs // what it was made from (assign)
			s.vars[name] = v
		}
	}
	s.namerefs(c) // settings.go
	s.finish(e, redirs)
}

// walkTime reports bash's time keyword like the time command: a wrapper.
func (s *state) walkTime(c *syntax.TimeClause, redirs []*syntax.Redirect, f frame) {
	e := &expander{s: s, f: f}
	e.words, e.dyn = append(e.words, "time"), append(e.dyn, false)
	if c.PosixFormat {
		e.words, e.dyn = append(e.words, "-p"), append(e.dyn, false)
	}
	if c.Stmt != nil {
		if call, ok := c.Stmt.Cmd.(*syntax.CallExpr); ok && !c.Stmt.Negated && !c.Stmt.Background {
			for _, a := range call.Assigns {
				s.assign(e, a, false)
			}
			for _, w := range call.Args {
				e.word(w, true)
			}
			s.finish(e, append(redirs[:len(redirs):len(redirs)], c.Stmt.Redirs...))
			return
		}
	}
	s.finish(e, redirs)
	if c.Stmt != nil {
		g := f
		g.via = s.appendVia(f.via, "time")
		s.walkStmt(c.Stmt, g)
	}
}

// finish reports the command whose words e holds: it links substitutions
// feeding an interpreter into the pipeline, emits the command and what it
// wraps, and runs here-documents through a shell that reads them.
func (s *state) finish(e *expander, redirs []*syntax.Redirect) {
	rs, rdyn, bodies := e.redirects(redirs)
	s.fdRedirects(e.words, redirs, rs)
	if len(s.infds) > 0 {
		e.dyn = s.fdPaths(e.words, e.dyn)
	}
	if s.compound {
		s.blockIn = stdinOf(rs, rdyn, bodies)
	} else if len(e.words) == 1 && e.words[0] == "exec" && len(e.procIn) == 0 {
		if in := stdinOf(rs, rdyn, bodies); in != nil {
			// exec < s.sh: the shell's own input from here on, what a
			// later shell reading its input takes in (exec < <(…) is
			// fdsubst.go's)
			s.execIn = in
		}
	}
	fdStdin := false
	if len(e.procIn)+len(e.procOut)+len(s.fdIn)+len(s.fdOut) > 0 || s.hasShellIn {
		var file string
		fdStdin, file = s.fdSubsts(e, redirs, rs) // fdsubst.go: exec 3< <(X); cmd <&3
		if file != "" {
			rs = append(rs[:len(rs):len(rs)], Redirect{Op: "<", Target: file}) // its known text
		}
	}
	if len(e.words) == 0 && len(rs) == 0 && len(e.assigns) == 0 {
		return
	}
	f := e.f
	if f.pl == nil {
		f.pl = s.newPipe()
	}
	s.cdpath(e.words, e.dyn)
	var chainBuf [4]string // the wrappers on the way, copied into via below
	// name: the program run at last, named once for the helpers below
	inner, chain, plain, name, kinds := innermostKinds(e.words, e.dyn, chainBuf[:0])
	if name != "" && (len(s.infds) > 0 || len(s.fds) > 0) && isInterpreter(name) {
		rs = s.inheritedSockets(rs)
	}
	// The program word's own name (xargs, parallel): name, unless a
	// wrapper runs the program.
	first := name
	if !plain && len(e.words) > 0 {
		first = progName(e.words[0])
	}
	xargs := first == "xargs"
	switch {
	case len(e.subs) > 0 && len(inner) > 0 && isInterpreter(name):
		s.link(f.pl, e.subs)
		if len(e.procIn) > 0 && (fdStdin || stdinProcSubst(redirs)) {
			f.inPipe = true // bash < <(X): X | bash
		}
	case len(e.procIn) > 0 && len(inner) > 0:
		// cmd < <(X), cmd <(X): X's output is what cmd reads, as in X | cmd.
		// A launcher given <(X) as the program it runs (accelerate
		// launch <(X), torchrun <(X)) runs X's output, as X | sh does.
		s.link(f.pl, e.procIn)
		if fdStdin || stdinProcSubst(redirs) || launchesSubst(chain, inner) {
			f.inPipe = true // and what reads it is judged as a pipeline's stage is
		}
	}
	if len(inner) > 0 {
		subs := e.subs
		if (inner[0] == "read" || inner[0] == "mapfile" || inner[0] == "readarray") && readsFile(rs) {
			// read x < FILE, mapfile -t a < /proc/self/environ: the
			// variables hold what the read command itself takes in, as
			// X=$(cat FILE) would.
			subs = append(subs[:len(subs):len(subs)], span{len(s.out), len(s.out) + 1})
		}
		names := s.readBuiltin(inner, subs)
		if inner[0] == "read" || inner[0] == "mapfile" || inner[0] == "readarray" {
			s.readKnownText(inner, rs, rdyn, subs) // readtext.go: read -r f <<< ~/.kube/config
		}
		s.tableElemsSet(f, names) // bashtables.go: printf -v 'BASH_ALIASES[gs]' …
	}
	start := len(s.out)
	s.inputs = e.subs
	if plain {
		s.plain, s.plainKinds, s.plainName = e.words, kinds, name // emitWords need not peel them again, nor name them
	}
	// parallel reading a stage's output that the walk read whole runs
	// the commands it builds from those lines (parallelLines below), not
	// a template filled with an unknown word.
	fed := f.inPipe && f.pl.stage > 0 && first == "parallel" &&
		!f.pl.unseenBelow() && f.pl.feedsBelow() && !stdinRedirected(rs) && len(e.procIn) == 0 && !parallelPipes(e.words)
	s.parallelFed = fed
	s.emitWords(f, e.words, e.dyn, rs, rdyn)
	s.inputs, s.parallelFed = nil, false
	if f.inPipe && f.pl.stage > 0 && f.pl.unseenBelow() {
		for k := start; k < len(s.out); k++ {
			s.out[k].StdinUnseen = true
		}
	}
	if len(s.coprocs) > 0 && start < len(s.out) {
		s.coprocRedirects(f.pl, rs) // cmd >&"${COPROC[1]}": cmd | the coprocess
	}
	if len(e.procOut) > 0 && start < len(s.out) {
		// tee >(sh), cmd > >(nc H P): what cmd writes there is X's input,
		// as in cmd | X.
		f.pl.stage++
		s.link(f.pl, e.procOut)
		s.procOutCode(e.procOut, name, inner, bodies, f) // procout.go
	}
	if s.scope.unknownPrompt {
		s.scope.unknownPrompt = false
		s.markUnknown(start, "sets a prompt (PS0, PS1, PS2, PS4) to text read from input: its substitutions run when the shell expands it")
	}
	if len(e.assigns) > 0 && start < len(s.out) {
		s.out[start].Assigns = e.assigns
	}

	if len(e.procTexts) > 0 && len(inner) > 0 {
		// bash <(echo CMD), node < <(echo CODE), mysql db < <(echo SQL):
		// the substitution's output is the program's script or input.
		bodies = append(bodies, e.procTexts...)
	}
	var fileIn []string
	if s.files != nil {
		// "xargs rm < FILE": a file the line wrote reaches the program's
		// stdin (a shell or interpreter runs it below, stdinFiles).
		for _, r := range rs {
			if text, ok := s.files[s.key(r.Target)]; ok && r.Op == "<" {
				fileIn = append(fileIn, text)
			}
		}
	}
	if start < len(s.out) && (len(bodies) > 0 || len(fileIn) > 0 || f.inPipe && f.pl.stage > 0) {
		// What reaches this command's stdin, for programs that read
		// statements from it (psql, mysql, redis-cli).
		n := len(bodies) + len(fileIn)
		if f.inPipe {
			n += len(f.pl.feeds)
		}
		in := append(append(s.strs(n), bodies...), fileIn...)
		if f.inPipe {
			for _, fd := range f.pl.feeds {
				if fd.stage < f.pl.stage {
					in = append(in, fd.text)
				}
			}
		}
		if len(in) > 0 {
			s.out[len(s.out)-1].Stdin = in
			if xargs && argFile(e.words) == "" {
				// (xargs -a FILE reads FILE, not its standard input)
				s.xargsInput(f, e.words, in)
			}
			if first == "parallel" && parallelReadsStdin(e.words) {
				if !s.parallelLines(f, e.words, in) && fed { // parallel.go
					s.parallelUnread(f, e.words)
				}
				fed = false
			}
			if name != "" {
				s.compiledStdin(f, name, inner, in) // compiled.go: cc -x c - <<< …
			}
		}
	}
	if start < len(s.out) && xargs {
		// xargs -a FILE: the lines of a file the line wrote.
		if file := argFile(e.words); file != "" {
			if text, ok := s.files[s.key(file)]; ok {
				s.xargsInput(f, e.words, []string{text})
			} else if xargsFeedsScript(e.words) {
				s.runsUnseen(start, file) // xargs -a F sh -c '{}' runs F's lines, as sh F
			} else {
				s.runsWritten(start, file) // written.go
			}
		}
	}
	lang, stdin := "", false
	if len(inner) > 0 {
		if kinds == 0 { // (innermostKinds did not name it)
			kinds = nameKinds.Get(name)
		}
		lang, stdin = readsStdinKinds(kinds, name, inner)
		if !stdin && launchesSubst(chain, inner) {
			lang, stdin = "python", true // accelerate launch <(X): X | python
		}
	}
	xargsFed := false
	if xargs && argFile(e.words) == "" {
		// The commands xargs builds read /dev/null, not its input (GNU and
		// BSD alike); only with -a FILE does its own standard input reach
		// them. Their words from the input are judged (xargsin.go); but a
		// shell whose -c script is the input (curl … | xargs sh -c, … |
		// xargs -I{} sh -c '{}') runs it: input the line prints is judged
		// as the commands xargs builds from it, input nobody can read is
		// code nobody can see. A command whose code option ends the
		// template runs an item as code, and with -0 or -d an item is the
		// input whole (curl … | xargs -0 python3 -c).
		stdin = false
		if xargsFeedsScript(e.words) {
			lang, stdin, xargsFed = "sh", true, true
		} else if n := len(inner); n > 1 && lang != "" && codeFlags.Get(inner[n-1]) && xargsWhole(e.words) {
			stdin = true
		}
	}
	if fed {
		s.parallelUnread(f, e.words) // its input was not read after all
	}
	if !stdin {
		unseenIn := false
		if f.inPipe {
			k := s.findBack(start, name)
			unseenIn = s.feedPipe(f.pl, name, inner, bodies, rs, k >= 0 && readsFileOnly(&s.out[k]))
		}
		s.forgetWritten(start) // fileflow.go
		if s.printing != nil {
			s.blockPrints(f, start, name, inner, bodies, rs) // blockout.go
		}
		s.recordWrites(f, name, kinds, inner, rs, bodies, unseenIn, xargs && argFile(e.words) == "")
		if bp := s.callPrint; bp != nil {
			s.callPrint = nil
			s.endBlockPrint(bp, s.printing, f) // blockout.go: f >> F
		}
		return
	}
	s.callPrint, s.bodyFed = nil, false
	if s.printing != nil {
		s.blockPrintsUnseen(f, name, rs) // a shell or interpreter's output
	}
	if len(chain) > 0 {
		f.via = append(f.via[:len(f.via):len(f.via)], chain...)
	}
	in := f.blockIn
	if in == nil && (!f.inPipe || f.pl.stage == 0) {
		in = s.execIn // a later stage of a pipeline reads the pipe
	}
	if in != nil && !stdinRedirected(rs) {
		// { bash; } < s.sh: the block's input is the code the shell reads
		rs = append(rs[:len(rs):len(rs)], in.rs...)
		bodies = append(bodies[:len(bodies):len(bodies)], in.bodies...)
		rdyn = rdyn || in.dyn
	}
	interp := s.findBack(start, name)
	ran := 0
	child := name != "source" && name != "."
	run := func(text string) {
		ran++
		if xargsFed {
			return
		}
		if lang == "cmd" {
			text, lang = translateCmdExe(text), "sh" // echo 'rd /s /q C:\x' | cmd.exe
		}
		if lang == "sh" && child {
			s.isolated(func() { s.parseString(text, f) }) // a child shell (scopes.go)
		} else if lang == "sh" {
			s.parseString(text, f)
		} else if lang == "cron" || lang == "make" || lang == "cmake" || lang == "expect" || lang == "pwsh" || tclInterpreter(lang) {
			s.runText(text, lang, f)
		} else if facts := s.scanCode(lang, text, f); interp >= 0 {
			s.out[interp].Code = s.out[interp].Code.or(facts)
			if env := s.envInputsOf(lang, text); len(env) > 0 {
				// codeenv.go: python3 - <<EOF reading os.environ["T"]
				s.out[interp].Inputs = append(s.out[interp].Inputs[:len(s.out[interp].Inputs):len(s.out[interp].Inputs)], s.inputIndices(env)...)
			}
		}
	}
	for _, b := range bodies {
		run(b)
	}
	for _, t := range s.stdinFiles(rs, interp) {
		run(t)
	}
	for _, r := range rs {
		if r.Op == "<" && strings.Contains(r.Target, "$") && dynName(r.Target) == r.Target {
			// bash < "$X", ssh HOST bash -s < "$X": a script no word names.
			s.markUnknown(interp, "code read from "+r.Target+", a file the line does not name")
		}
	}
	if rdyn && len(bodies) > 0 {
		s.markUnknown(interp, "code in a here-document or here-string with an unresolved expansion")
	}
	if f.inPipe {
		keep := f.pl.feeds[:0]
		for _, fd := range f.pl.feeds {
			if fd.stage < f.pl.stage {
				run(fd.text)
			} else {
				keep = append(keep, fd)
			}
		}
		f.pl.feeds = keep
		_, darkProg, from := f.pl.takeUnseen() // unseenout.go
		switch {
		case ran == 0 && f.pl.stage > 0 && !stdinRedirected(rs):
			if prev := s.stageBefore(f.pl, start); prev < 0 || !readsFileOnly(&s.out[prev]) {
				why := "code read from standard input, produced by an earlier stage"
				if prev >= 0 {
					why += " (" + s.out[prev].Name + ")"
				}
				s.markUnknown(interp, why)
			} else {
				if darkProg {
					// { pbpaste; cat t.sh; } | sh: the clipboard too
					s.markUnknown(interp, partlyUnseen(from))
				}
				// cat t.sh | sh runs t.sh, as sh t.sh does (cat < t.sh too).
				for _, a := range operands(s.out[prev].Args) {
					s.runsUnseen(interp, a)
				}
				for _, r := range s.out[prev].Redirects {
					if r.Op == "<" {
						s.runsUnseen(interp, r.Target)
					}
				}
			}
		case darkProg && f.pl.stage > 0 && !stdinRedirected(rs):
			// { echo set -e; pbpaste; } | bash: echo's line is read, and
			// the clipboard after it.
			s.markUnknown(interp, partlyUnseen(from))
		}
		if !stdoutAway(rs, f.pl.errIn&stageBit(f.pl.stage) != 0) {
			f.pl.markUnseen(true, name) // what the code prints
		}
	}
}

// stdinProcSubst reports whether a command's standard input is a process
// substitution (cmd < <(X)), which makes it a stage reading X's output.
func stdinProcSubst(rs []*syntax.Redirect) bool {
	for _, r := range rs {
		if r.Op == syntax.RdrIn && (r.N == nil || r.N.Value == "0") && r.Word != nil && len(r.Word.Parts) == 1 {
			if _, ok := r.Word.Parts[0].(*syntax.ProcSubst); ok {
				return true
			}
		}
	}
	return false
}

// findBack finds the last command named name emitted at or after start.
func (s *state) findBack(start int, name string) int {
	for i := len(s.out) - 1; i >= start; i-- {
		if s.out[i].Name == name {
			return i
		}
	}
	return -1
}

// stageBefore finds the command of pl's previous stage.
func (s *state) stageBefore(pl *pipe, before int) int {
	for i := before - 1; i >= 0; i-- {
		if c := &s.out[i]; c.Pipeline == pl.id && c.Stage == pl.stage-1 {
			return i
		}
	}
	return -1
}

// readsFileOnly reports whether c only copies files to its output, so a
// shell reading that output runs those files ("cat setup.sh | sh" is "sh
// setup.sh").
func readsFileOnly(c *Command) bool {
	switch c.Name {
	case "cat", "head", "tail", "more", "less":
	default:
		return false
	}
	if c.Dynamic {
		return false
	}
	for _, r := range c.Redirects {
		if r.Op == "<<" || r.Op == "<<<" || r.Op == "<<-" {
			return false
		}
	}
	return len(c.Args) > 0 || len(c.Redirects) > 0
}

// feedPipe records what a pipeline stage writes for a later stage that
// runs a shell. What earlier stages wrote passes through this one: filters
// the walk understands transform it (base64 -d, tr, sed s///, rev, xxd -r)
// or pass it on (cat, tee, grep, sort); any other program drops it, so a
// shell after it reads code nobody can see. Here-documents and here-strings
// are this stage's input too; echo and printf add their own output.
// name is progName(inner[0]), "" for no words.
func (s *state) feedPipe(pl *pipe, name string, inner []string, bodies []string, rs []Redirect, fileCopy bool) (unseenIn bool) {
	keep := pl.feeds[:0]
	var in []string
	for _, fd := range pl.feeds {
		if fd.stage < pl.stage {
			in = append(in, fd.text)
		} else {
			keep = append(keep, fd)
		}
	}
	in = append(in, bodies...)
	if stdinCopy(name, inner) != "" || stdinSink(name, inner) {
		s.stageIn = strings.Join(in, "") // what reaches install /dev/stdin F, sponge F (recordWrites)
	}
	var held []string // text given to filters the walk does not follow, which this stage's input may hold
	if len(pl.given) > 0 {
		keepG := pl.given[:0]
		for _, g := range pl.given {
			if g.stage < pl.stage {
				held = append(held, g.text)
			} else {
				keepG = append(keepG, g)
			}
		}
		pl.given = keepG
	}
	s.pipeIn = ""
	if len(in)+len(held) > 0 && (slices.ContainsFunc(rs, isWriteRedirect) || name == "tee" || name == "sponge" || filterOutputs(name, inner) != nil) {
		// what a filter writing to a file was given (recordWrites)
		s.pipeIn = strings.Join(in, "") + strings.Join(held, "")
	}
	pl.feeds = keep
	n0 := len(keep)
	passes := len(inner) > 0 && printsOutput(name, inner)
	for _, t := range in {
		if out, ok := transform(name, inner, t); ok {
			pl.feeds = append(pl.feeds, feed{out, pl.stage})
		} else if passes {
			pl.given = append(pl.given, feed{t, pl.stage}) // … | envsubst | cat >> F
		}
	}
	if passes {
		for _, t := range held {
			pl.given = append(pl.given, feed{t, pl.stage})
		}
		if !fileCopy {
			// tac /tmp/e | tee -a F, envsubst < /tmp/e | sponge F: the
			// text of a file the line wrote, given to a filter by name
			for _, t := range s.fileInputs(inner, rs) {
				pl.given = append(pl.given, feed{t, pl.stage})
			}
		}
	}
	if len(inner) > 0 {
		if t, ok := s.echoText(inner); ok {
			pl.feeds = append(pl.feeds, feed{t, pl.stage})
		}
		switch name {
		case "find":
			// What find prints is paths: those of a -name below each
			// starting point, else everything below them.
			pl.feeds = append(pl.feeds, feed{findOutput(inner), pl.stage})
		case "ls":
			// ls PATH... prints the paths it is given (a glob's matches).
			if t := lsOutput(inner); t != "" {
				pl.feeds = append(pl.feeds, feed{t, pl.stage})
			}
		case "locate", "plocate", "mlocate", "mdfind":
			// locate id_rsa | xargs cat, mdfind -name id_ed25519 | xargs
			// cat: the paths the index search may print (listing.go)
			if paths, ok := indexSearchOutput(name, inner[1:]); ok {
				pl.feeds = append(pl.feeds, feed{strings.Join(paths, "\n") + "\n", pl.stage})
			}
		}
	}
	if inPlace, t, ok := jqEditText(name, inner, s.knownValue); ok && inPlace == nil {
		// jq '.scripts.x = "…"' package.json | sponge package.json: the
		// document its assignments make is what it prints (jqwrites.go)
		pl.feeds = append(pl.feeds, feed{t, pl.stage})
	}
	if fileCopy && s.files != nil && len(inner) > 0 {
		// echo CMD > x; cat x | sh: cat prints what the line wrote there,
		// and the shell after it reads that text (cat < x too).
		for _, op := range operands(inner[1:]) {
			if t, ok := s.files[s.key(op)]; ok {
				pl.feeds = append(pl.feeds, feed{t, pl.stage})
			}
		}
		for _, r := range rs {
			if t, ok := s.files[s.key(r.Target)]; ok && r.Op == "<" {
				pl.feeds = append(pl.feeds, feed{t, pl.stage})
			}
		}
	}
	added := len(pl.feeds) > n0
	if added && fileCopy {
		// cat - notes.txt, cat - <(pbpaste): the files are printed
		// after what was passed on (unseenout.go)
		added, fileCopy = s.copiesUnread(inner, fileCopy)
	}
	return pl.passUnseen(name, inner, rs, added, fileCopy) // unseenout.go
}

func feedsOf(texts []string, stage int) []feed {
	var out []feed
	for _, t := range texts {
		out = append(out, feed{t, stage})
	}
	return out
}

// base64Text decodes standard or URL-safe base64, padded or not, ignoring
// white space.
func base64Text(t string) (string, bool) {
	t = strings.Join(strings.Fields(t), "")
	for _, enc := range []*base64.Encoding{base64.StdEncoding, base64.RawStdEncoding, base64.URLEncoding, base64.RawURLEncoding} {
		if b, err := enc.DecodeString(t); err == nil {
			return string(b), true
		}
	}
	return "", false
}

// link makes the commands of substitutions earlier stages of pl, as the
// substitution's output is what the interpreter runs.
func (s *state) link(pl *pipe, subs []span) {
	for _, sp := range subs {
		lastP, lastS := -1, -1
		for i := sp.start; i < sp.end && i < len(s.out); i++ {
			c := &s.out[i]
			if c.Pipeline != lastP || c.Stage != lastS {
				if lastP != -1 {
					pl.stage++
				}
				lastP, lastS = c.Pipeline, c.Stage
			}
			c.Pipeline, c.Stage = pl.id, pl.stage
		}
		pl.stage++
	}
}

// redirects evaluates redirections; bodies are the texts of here-documents
// and here-strings.
func (e *expander) redirects(rs []*syntax.Redirect) (out []Redirect, dyn bool, bodies []string) {
	for _, r := range rs {
		var target string
		var d bool
		switch r.Op {
		case syntax.Hdoc, syntax.DashHdoc:
			target, d = e.heredoc(r)
			bodies = append(bodies, target)
		default:
			if r.Word != nil {
				target, d = e.one(r.Word)
			}
			if r.Op == syntax.WordHdoc {
				bodies = append(bodies, target)
			}
		}
		dyn = dyn || d
		fd := redirFD(r)
		op := r.Op.String()
		if r.Op == syntax.DplOut && fd == "" && dupToFile(r.Word, target, e.f.src) {
			op = "&>" // >& FILE: standard output and error to FILE (bash)
		}
		out = append(out, Redirect{Op: op, Target: target, FD: fd})
	}
	return out, dyn, bodies
}

// heredoc gives the body of a here-document: literal when its delimiter is
// quoted, expanded as in double quotes otherwise.
func (e *expander) heredoc(r *syntax.Redirect) (string, bool) {
	if r.Hdoc == nil {
		return "", false
	}
	quoted := r.Word == nil
	if r.Word != nil {
		for _, p := range r.Word.Parts {
			if l, ok := p.(*syntax.Lit); !ok || strings.ContainsRune(l.Value, '\\') {
				quoted = true
			}
		}
	}
	if quoted {
		var b strings.Builder
		for _, p := range r.Hdoc.Parts {
			if l, ok := p.(*syntax.Lit); ok {
				b.WriteString(l.Value)
			}
		}
		return b.String(), false
	}
	n := len(e.words)
	e.cur.Reset()
	e.have, e.curDyn = true, false
	for _, p := range r.Hdoc.Parts {
		e.part(p, false, false, true)
	}
	e.flush()
	v, d := e.words[n], e.dyn[n]
	e.words, e.dyn = e.words[:n], e.dyn[:n]
	return v, d
}

// inputIndices turns substitution spans into command indices.
func (s *state) inputIndices(spans []span) []int {
	n := 0
	for _, sp := range spans {
		n += max(sp.end-sp.start, 0)
	}
	if n == 0 {
		return nil
	}
	out := s.ints(n) // sized once: no growing
	for _, sp := range spans {
		for i := sp.start; i < sp.end; i++ {
			out = append(out, i)
		}
	}
	return out
}

// markUnknown records, on the command at index i, something the walk could
// not see through.
func (s *state) markUnknown(i int, why string) {
	if i >= 0 && i < len(s.out) && !slices.Contains(s.out[i].Unknown, why) {
		// two readings may find the same file run (perl s.pl: its script
		// operand, and the catalogue's exec role): one reason is enough
		s.out[i].Unknown = append(s.out[i].Unknown, why)
	}
}

// promptVar reports a prompt the shell expands (and so runs the command
// substitutions of) each time it prints it.
func promptVar(name string) bool {
	return name == "PS0" || name == "PS1" || name == "PS2" || name == "PS4"
}

// pendingAssign is an assignment of a declaration builtin made once all
// its words are expanded (walkDecl): NAME=VALUE, and whether the value is
// not known.
type pendingAssign struct {
	word string
	dyn  bool
	subs []span // the substitutions its value came from
}

// simpleAssign reports an assignment NAME=VALUE: no array, index or
// append, which walkDecl may make after expanding its other words.
func simpleAssign(a *syntax.Assign) bool {
	return !a.Naked && a.Name != nil && a.Value != nil && a.Array == nil && a.Index == nil && !a.Append
}

// simpleAssigns counts a declaration's simple assignments; only when
// every word is one are they deferred.
func simpleAssigns(args []*syntax.Assign) int {
	for _, a := range args {
		if !simpleAssign(a) {
			return 0
		}
	}
	return len(args)
}

// declExported marks the names export, declare -x or typeset -x names or
// assigns as exported: a plain assignment to one later on the line changes
// what the programs after it see (export AWS_ENDPOINT_URL=x;
// AWS_ENDPOINT_URL=y; aws …), and is reported (walkCall).
func (s *state) declExported(c *syntax.DeclClause) {
	ex := c.Variant.Value == "export"
	for _, a := range c.Args {
		if a.Naked && a.Value != nil {
			if l := a.Value.Lit(); strings.HasPrefix(l, "-") && strings.Contains(l, "x") {
				ex = ex || c.Variant.Value == "declare" || c.Variant.Value == "typeset"
			}
		}
	}
	if !ex {
		return
	}
	for _, a := range c.Args {
		if a.Name == nil || !validName(a.Name.Value) {
			continue
		}
		if s.exported == nil {
			s.exported = map[string]bool{}
		}
		s.exported[a.Name.Value] = true
	}
}

// declReadonly marks the names readonly, declare -r or typeset -r assigns
// or names as read-only: an assignment to one later on the line fails and
// leaves its value (readonly T=rm; T=echo; "$T" -rf / removes /).
func (s *state) declReadonly(c *syntax.DeclClause) {
	ro := c.Variant.Value == "readonly"
	for _, a := range c.Args {
		if a.Naked && a.Value != nil {
			if l := a.Value.Lit(); strings.HasPrefix(l, "-") && strings.Contains(l, "r") {
				ro = true
			}
		}
	}
	if !ro {
		return
	}
	for _, a := range c.Args {
		if a.Name == nil || !validName(a.Name.Value) {
			continue
		}
		if s.readonly == nil {
			s.readonly = map[string]bool{}
		}
		s.readonly[a.Name.Value] = true
	}
}
