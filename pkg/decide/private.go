package decide

import (
	"errors"
	"io/fs"
	"os"
)

// privateFile answers engine.Env.Private with one stat: the file at p is
// private when it exists and grants no read to group or other (its owner
// keeps it, as ssh and most tools keep a login), or when a directory on
// the way may not be searched by this user (EACCES: its owner keeps what
// is below from us). A file that does not exist, a directory, and any
// other error are not private: the read then meets the rules it would
// meet anyway (a settings read in a home still asks).
func privateFile(p string) bool {
	fi, err := os.Stat(p)
	if err != nil {
		return errors.Is(err, fs.ErrPermission)
	}
	return fi.Mode().IsRegular() && fi.Mode().Perm()&0o044 == 0
}
