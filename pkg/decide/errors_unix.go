//go:build unix

package decide

import "syscall"

// The errors by which a write says the disk is full, or the user's quota
// is exhausted.
var (
	diskFull      = []error{syscall.ENOSPC}
	quotaExceeded = []error{syscall.EDQUOT}
)
