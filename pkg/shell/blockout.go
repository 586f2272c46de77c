package shell

import (
	"strings"

	"mvdan.cc/sh/v3/syntax"
)

// What a block or loop prints into the file its redirection names.
//
// { echo A; echo B; } >> F, ( printf … ) > F, for …; do echo …; done > F
// and if …; then cat <<EOF …; fi > F write into F what the commands
// inside print, as echo A >> F does for one command. The commands at
// the block's own level (not in a substitution, a string run by another
// shell, or a command sending its output elsewhere) are fed, in the order
// walked, to a pipe of the block's own, as a pipeline's stage feeds the
// next (feedPipe): echo and printf output, here-documents through cat,
// files the line wrote copied out, find's paths; a program whose output
// the walk cannot read, a shell or interpreter reading its input, or a
// pipeline inside, makes that output unseen (unseenout.go). When all of it
// is known, F holds the text (Result.Files) and is judged as any file the
// line writes: its settings, a CI job's later steps, a script run later.
// When some of it is unseen, F stays a file written with text nobody
// knows, as every block's output file was before.

// blockPrint is the output of a block or loop redirected to a file.
type blockPrint struct {
	pl     pipe // what the block's commands print, as stage 0
	depth  int  // the block's Command.Depth: commands deeper print elsewhere
	noting bool // the block's own redirections are being walked (emptyWrites notes the file)
	file   string
	// appendTo: >> or &>>; prior: the file's text before the block,
	// when the line wrote it (known); unseen: written before with text
	// nobody knows.
	appendTo, known, unseen bool
	overwrite               bool // 1<> F: written over F's start, the rest unseen
	prior                   string
	dir                     string // where the line was when the block opened the file (state.dir)
	// shown: text given to filters inside the block that the walk does
	// not follow ({ … | envsubst; } >> F), which F holds in some form
	shown string
}

// printsToFile reports whether a compound command's redirections may
// send its standard output to a file (> F, >> F, >| F, &> F, &>> F, >& F,
// 1<> F); src is the line.
func printsToFile(rs []*syntax.Redirect, src string) bool {
	for _, r := range rs {
		if r.N != nil && r.N.Value != "1" {
			continue
		}
		switch r.Op {
		case syntax.RdrOut, syntax.AppOut, syntax.ClbOut, syntax.RdrAll, syntax.AppAll:
			return true
		case syntax.RdrInOut:
			if r.N != nil { // 1<> F: printed over F's start
				return true
			}
		case syntax.DplOut:
			lit := "file"
			if r.Word != nil && r.Word.Lit() != "" {
				lit = r.Word.Lit()
			}
			if r.N == nil && dupToFile(r.Word, lit, src) {
				return true
			}
		}
	}
	return false
}

// startBlockPrint begins collecting what a block at f prints, when its
// redirections send it to a file; it returns the collector, or nil.
func (s *state) startBlockPrint(rs []*syntax.Redirect, f frame) *blockPrint {
	if f.inPipe || !printsToFile(rs, f.src) {
		return nil
	}
	return &blockPrint{depth: f.depth, noting: true}
}

// noteBlockFile records, for the block whose redirections rs are, the
// file its standard output goes to last (> a > b writes b) and what the
// line knew of that file before.
func (s *state) noteBlockFile(bp *blockPrint, rs []Redirect) {
	if bp == nil || !bp.noting {
		return
	}
	bp.file = ""
	for _, r := range rs {
		if r.FD != "" && r.FD != "1" {
			continue
		}
		switch r.Op {
		case ">", ">>", ">|", "&>", "&>>":
			bp.file, bp.appendTo = r.Target, r.Op == ">>" || r.Op == "&>>"
		case "<>":
			if r.FD == "1" { // 1<> F: over the start of F, whose rest stays
				bp.file, bp.appendTo, bp.overwrite = r.Target, false, true
			}
		case ">&":
			if r.Target != "1" { // >&1 leaves it where it was
				bp.file = "" // >&2: to a descriptor, not the file
			}
		}
	}
	if bp.file == "" || strings.HasPrefix(bp.file, "/dev/") {
		bp.file = ""
		return
	}
	k := s.key(bp.file)
	bp.dir = s.dir
	bp.prior, bp.known = s.files[k]
	bp.unseen = s.opaque.has(k)
}

// printsToFileRs is printsToFile for resolved redirections.
func printsToFileRs(rs []Redirect) bool {
	for _, r := range rs {
		if r.FD != "" && r.FD != "1" {
			continue
		}
		switch r.Op {
		case ">", ">>", ">|", "&>", "&>>":
			return true
		case "<>":
			if r.FD == "1" {
				return true
			}
		}
	}
	return false
}

// startCallPrint begins collecting what the body of a function prints,
// when the call sends its output to a file (f >> F: F holds what f's body
// prints, as { …; } >> F does; toFile) or the call is inside a block
// whose output is collected (outer: { f; } >> F). The caller walks the
// body at depth with s.printing the collector, then ends it
// (endCallPrint).
func (s *state) startCallPrint(rs []Redirect, f frame, depth int, outer *blockPrint) (bp *blockPrint, toFile bool) {
	switch {
	case f.inPipe:
		return nil, false
	case printsToFileRs(rs):
		bp = &blockPrint{depth: depth, noting: true}
		s.noteBlockFile(bp, rs)
		bp.noting = false
		return bp, true
	case outer != nil && outer.depth == f.depth && !stdoutAway(rs, false):
		return &blockPrint{depth: depth}, false
	}
	return nil, false
}

// endCallPrint ends what startCallPrint began: a call to a file has its
// text recorded once the call's own writes are (finish, s.callPrint); a
// call inside a block hands what its body printed to the block's.
func (s *state) endCallPrint(bp *blockPrint, toFile bool) {
	if toFile {
		s.callPrint = bp
		return
	}
	outer := s.printing
	outer.pl.feeds = append(outer.pl.feeds, bp.pl.feeds...)
	outer.pl.dark |= bp.pl.dark
	s.bodyFed = true // the call itself prints nothing more (blockPrints)
}

// noteExecPrint follows a bare exec that sends the line's standard output to
// a file (exec >> F): what the commands after it print at its level is
// F's text, collected as a block's is, until the line ends (endExecPrint)
// or another exec sends the output elsewhere.
//
// noteExecPrint ends what an earlier exec began and notes the file and
// what the line knew of it, before the exec's own writes; startExecPrint
// then collects.
func (s *state) noteExecPrint(f frame, rs []Redirect) *blockPrint {
	if s.execOutPrint != nil {
		s.endExecPrint(f)
	}
	if f.inPipe || s.printing != nil {
		return nil
	}
	bp := &blockPrint{depth: f.depth, noting: true}
	s.noteBlockFile(bp, rs)
	bp.noting = false
	if bp.file == "" {
		return nil
	}
	return bp
}

// startExecPrint is noteExecPrint's second half.
func (s *state) startExecPrint(bp *blockPrint) {
	if bp != nil && s.printing == nil {
		s.printing, s.execOutPrint = bp, bp
	}
}

// endExecPrint records what the commands after exec >> F printed.
func (s *state) endExecPrint(f frame) {
	bp := s.execOutPrint
	s.execOutPrint = nil
	if s.printing == bp {
		s.endBlockPrint(bp, nil, f)
	}
}

// blockPrints feeds what a command inside the block prints.
func (s *state) blockPrints(f frame, start int, name string, inner, bodies []string, rs []Redirect) {
	bp := s.printing
	if bp == nil || bp.noting || f.inPipe || f.depth != bp.depth || len(inner) == 0 || stdoutAway(rs, false) {
		return
	}
	if s.bodyFed {
		s.bodyFed = false // a function's body printed for it (endCallPrint)
		return
	}
	k := s.findBack(start, name)
	s.feedPipe(&bp.pl, name, inner, bodies, rs, k >= 0 && readsFileOnly(&s.out[k]))
}

// blockPrintsUnseen records that a command inside the block prints what
// the walk cannot read (a shell or interpreter reading its input, a
// pipeline's last stage).
func (s *state) blockPrintsUnseen(f frame, name string, rs []Redirect) {
	bp := s.printing
	if bp == nil || bp.noting || f.inPipe || f.depth != bp.depth || stdoutAway(rs, false) {
		return
	}
	bp.pl.markUnseen(true, name)
}

// endBlockPrint records the block's file with what the block printed,
// when all of it is known, and puts back the collector of the block
// around it.
func (s *state) endBlockPrint(bp, outer *blockPrint, f frame) {
	s.printing = outer
	if bp.file == "" {
		return
	}
	var text strings.Builder
	if bp.appendTo && bp.known {
		text.WriteString(bp.prior)
	}
	n := text.Len()
	for _, fd := range bp.pl.feeds {
		text.WriteString(fd.text)
	}
	// the file was opened where the block started (cd inside it moves
	// what comes after, not the file)
	dir := s.dir
	s.dir = bp.dir
	defer func() { s.dir = dir }()
	k := s.key(bp.file)
	if bp.pl.dark != 0 || bp.appendTo && bp.unseen || bp.overwrite {
		// unseen text, or appended to unseen text: the file stays unseen,
		// holding what the walk read among the rest
		s.addShown(k, text.String()[n:]+bp.shown)
		return
	}
	s.opaque.remove(k)
	delete(s.shown, k)
	s.recordFile(bp.file, text.String(), false)
	s.walkConfigFile(f, bp.file) // settings.go
}
