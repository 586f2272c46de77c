//go:build !race

package proxy

// raceEnabled: the race detector is on (sync.Pool then drops some of what
// is put back, so allocation counts do not hold).
const raceEnabled = false
