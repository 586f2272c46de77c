//go:build !amd64 && !arm64

package oneshot

// growStack does nothing on this architecture: the stack grows as Go code
// needs it.
func growStack() {}
