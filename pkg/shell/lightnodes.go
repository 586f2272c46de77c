package shell

import "mvdan.cc/sh/v3/syntax"

// The nodes lightParse builds live only as long as the walk of their
// line: no Result points into a tree (its strings are the line's own
// bytes), and free lets go of the trees (stmtBufs, the functions). So a
// walker keeps the arrays its light parses took their nodes from, and the
// next walk takes its nodes from the same arrays, zeroed, rather than
// allocating a batch of each kind per text it parses: a 20-command line
// built some fifteen batches (most of the bytes it allocated), and a line
// of the same size after it builds none.

// lightNodes are the node arrays of one walker's light parses.
type lightNodes struct {
	lits   nodeBatch[syntax.Lit]
	words  nodeBatch[wordAlloc]
	stmts  nodeBatch[syntax.Stmt]
	calls  nodeBatch[callAlloc]
	bins   nodeBatch[syntax.BinaryCmd]
	sgls   nodeBatch[syntax.SglQuoted]
	substs nodeBatch[syntax.CmdSubst] // $(…)
	files  nodeBatch[syntax.File]     // one per light parse
	lists  nodeBatch[stmtList]        // a list's first statement (list)
}

// stmtList is the array of a list of one statement, the usual length (a
// line, a $(…)): a list that grows past it is copied out by append.
type stmtList [1]*syntax.Stmt

// maxKeptNodes bounds an array kept for the next walk: a walk that grew
// one past it (a line of thousands of words) leaves it to the collector.
const maxKeptNodes = 1024

// reset zeroes the nodes handed out and empties the arrays for the next
// walk. Call it only when no tree built from them is still walked.
func (n *lightNodes) reset() {
	n.lits.reset()
	n.words.reset()
	n.stmts.reset()
	n.calls.reset()
	n.bins.reset()
	n.sgls.reset()
	n.substs.reset()
	n.files.reset()
	n.lists.reset()
}

// nodeBatch hands out nodes of one kind from an array: those handed out
// are buf[:len(buf)], and every element past len(buf) is zero. When the
// array is full a new one twice its size is made (the full one stays with
// the nodes it handed out, which the tree still points to), so after a
// walk or two a line of the same size takes every node from one array.
type nodeBatch[T any] struct {
	buf []T
}

// take returns a zero node, making an array of at least n when the
// current one is full.
func (b *nodeBatch[T]) take(n int) *T {
	k := len(b.buf)
	if k == cap(b.buf) {
		b.buf = make([]T, 0, max(2*k, n))
		k = 0
	}
	b.buf = b.buf[:k+1]
	return &b.buf[k]
}

// reset zeroes the nodes handed out from the current array and empties it
// (or drops it, past maxKeptNodes).
func (b *nodeBatch[T]) reset() {
	if cap(b.buf) > maxKeptNodes {
		b.buf = nil
		return
	}
	clear(b.buf)
	b.buf = b.buf[:0]
}
