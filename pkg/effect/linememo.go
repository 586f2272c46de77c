package effect

// Answers found once per command of a line.
//
// Some questions about a command depend only on the line the walk gave
// (its words, its assignments, the commands around it), not on what the
// passes have found so far: whether a word names production
// (productionWord), which other machine's database it addresses
// (remoteDatabase). Several passes ask them of every command, so the
// first answer is kept in the command's facts and the others read it.
// The facts are reset for each analysis (cmdFacts.reset), so an answer
// never outlives its line.

// memoKind is one kept answer's bit in lineMemo.known.
type memoKind uint8

const (
	memoProductionWord memoKind = 1 << iota
	memoRemoteDatabase
)

// lineMemo holds a command's kept answers; known says which are set.
type lineMemo struct {
	known    memoKind
	prodWord string // productionWord
	remoteDB string // remoteDatabase
}

func (m *lineMemo) has(k memoKind) bool { return m.known&k != 0 }
func (m *lineMemo) set(k memoKind)      { m.known |= k }
