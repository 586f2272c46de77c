package decide

import (
	"io/fs"

	"golang.org/x/sys/windows"
)

// fileID returns the volume serial number and file index of the file at
// path (fi, its os.Stat, does not carry them on Windows), or zeros when it
// cannot be opened: the size and time in the stamp still tell versions
// apart then.
func fileID(path string, fi fs.FileInfo) (dev, ino uint64) {
	p, err := windows.UTF16PtrFromString(path)
	if err != nil {
		return 0, 0
	}
	h, err := windows.CreateFile(p, 0,
		windows.FILE_SHARE_READ|windows.FILE_SHARE_WRITE|windows.FILE_SHARE_DELETE,
		nil, windows.OPEN_EXISTING, windows.FILE_FLAG_BACKUP_SEMANTICS, 0)
	if err != nil {
		return 0, 0
	}
	defer windows.CloseHandle(h)
	var d windows.ByHandleFileInformation
	if err := windows.GetFileInformationByHandle(h, &d); err != nil {
		return 0, 0
	}
	return uint64(d.VolumeSerialNumber), uint64(d.FileIndexHigh)<<32 | uint64(d.FileIndexLow)
}
