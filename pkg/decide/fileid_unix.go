//go:build unix

package decide

import (
	"io/fs"
	"syscall"
)

// fileID returns the device and inode of the file at path, whose
// os.Stat is fi.
func fileID(path string, fi fs.FileInfo) (dev, ino uint64) {
	if st, ok := fi.Sys().(*syscall.Stat_t); ok {
		return uint64(st.Dev), uint64(st.Ino)
	}
	return 0, 0
}
