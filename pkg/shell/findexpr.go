package shell

// find's expression, read as far as what its actions act on needs: a list
// of alternatives joined by -o (or ","), each a conjunction of tests and
// actions. An action acts on the files its own alternative's tests pick:
//
//   - "find . -path ./node_modules -prune -o -name '*.orig' -delete"
//     deletes the *.orig files; the pruning alternative before -o widens
//     nothing;
//   - "find ~ -name '*.log' -o -delete" deletes everything the first
//     alternative did not pick: the second has no test of its own;
//   - a test after ! or -not picks most files and narrows nothing
//     ("find ~ ! -name keep -delete");
//   - a group in parentheses narrows when each of its alternatives does
//     ("find . -type d \( -name bin -o -name obj \) -prune -exec rm -rf {} +");
//     a group inside a group is not looked into, and narrows nothing.

// findBranch is the state of the alternative being read.
type findBranch struct {
	narrowed bool   // a test of the alternative picks some files
	named    string // the first -name pattern that did
	negate   bool   // the next test or group is negated
	depth    int    // parentheses open
	groupNeg bool   // the outermost open group is negated
	groupAll bool   // every finished alternative of that group narrowed
	groupCur bool   // its current alternative narrowed
}

// or starts the next alternative: of the whole expression at the top, of
// the outermost group inside one.
func (b *findBranch) or() {
	switch b.depth {
	case 0:
		*b = findBranch{}
	case 1:
		b.groupAll = b.groupAll && b.groupCur
		b.groupCur = false
	}
}

// narrow records a test that picks some files (name: its -name pattern).
func (b *findBranch) narrow(name string) {
	if b.negate {
		return
	}
	switch b.depth {
	case 0:
		b.narrowed = true
		if b.named == "" {
			b.named = name
		}
	case 1:
		b.groupCur = true
	}
}

// open starts a group.
func (b *findBranch) open() {
	if b.depth == 0 {
		b.groupNeg, b.groupAll, b.groupCur = b.negate, true, false
	}
	b.depth++
}

// close ends a group: the outermost narrows its alternative when each of
// its own alternatives did and it is not negated.
func (b *findBranch) close() {
	if b.depth == 0 {
		return // a stray ")": find refuses it
	}
	b.depth--
	if b.depth == 0 && b.groupAll && b.groupCur && !b.groupNeg {
		b.narrowed = true
	}
}
