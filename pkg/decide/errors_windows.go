package decide

import "golang.org/x/sys/windows"

// The errors by which a write says the disk is full, or the user's quota
// is exhausted.
var (
	diskFull      = []error{windows.ERROR_DISK_FULL, windows.ERROR_HANDLE_DISK_FULL}
	quotaExceeded = []error{windows.ERROR_DISK_QUOTA_EXCEEDED, windows.ERROR_NOT_ENOUGH_QUOTA}
)
