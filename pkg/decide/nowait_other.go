//go:build !unix

package decide

// openNoWait is 0 where opening a file never waits for a writer.
const openNoWait = 0
