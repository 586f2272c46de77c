//go:build amd64 || arm64

package oneshot

// growStack grows the calling goroutine's stack to 32 KiB (from the 2 KiB
// it starts with) in one step, without touching the new stack's pages
// beyond the few in use.
func growStack()
