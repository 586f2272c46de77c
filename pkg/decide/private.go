package decide

import (
	"errors"
	"io/fs"
	"os"
)

// privateFile answers engine.Env.Private with one stat: the file at p is
// private when it exists and others may not read it (0600 as ssh and most
// tools keep a login; 0640 as a service keeps its configuration under
// /etc for its own group: grafana.ini, gitea's app.ini, zabbix_server.conf),
// or when a directory on the way may not be searched by this user (EACCES:
// its owner keeps what is below from us). The group bit is not asked: on
// most systems a user's files belong to a group of their own, and a
// service's group is the service. A file that does not exist, a directory, and any
// other error are not private: the read then meets the rules it would
// meet anyway (a settings read in a home still asks).
func privateFile(p string) bool {
	fi, err := os.Stat(p)
	if err != nil {
		return errors.Is(err, fs.ErrPermission)
	}
	return fi.Mode().IsRegular() && fi.Mode().Perm()&0o004 == 0
}
