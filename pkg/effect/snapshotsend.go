package effect

import (
	"path"
	"strings"

	"rampart.dev/pkg/shell"
)

// A filesystem's snapshot streamed out (zfs send POOL/DATASET@SNAP, btrfs
// send SNAPSHOT) carries every file of the filesystem: a snapshot of the
// home is the home read whole, its keys and credentials with it, as tar
// of the home is. Where the stream goes (a file, zfs recv on this machine,
// ssh or nc to another host) is judged as the archive's would be.

// snapshotSendsHome reports a command that streams a snapshot of the home:
// zfs send of a dataset named for it (tank/home, pool/home/dev,
// rpool/USERDATA/dev_abc), or btrfs send of a snapshot kept under /home
// or the home.
func snapshotSendsHome(c *shell.Command, home string) bool {
	if len(c.Args) < 2 || c.Args[0] != "send" || home == "" {
		return false
	}
	user := path.Base(home)
	for k, w := range c.Args[1:] {
		if strings.HasPrefix(w, "-") || k > 0 && (c.Args[k] == "-i" || c.Args[k] == "-I") {
			continue // an option, or the incremental source after -i/-I
		}
		switch c.Name {
		case "zfs":
			ds, _, _ := strings.Cut(w, "@")
			ds, _, _ = strings.Cut(ds, "#")
			parts := strings.Split(ds, "/")
			for j, p := range parts {
				if j == 0 {
					continue // the pool
				}
				if p == "home" && j >= len(parts)-2 || p == user && j == len(parts)-1 ||
					p == "USERDATA" && j == len(parts)-2 && strings.HasPrefix(parts[j+1], user) {
					return true
				}
			}
		case "btrfs":
			p := path.Clean(w)
			if p == "/home" || strings.HasPrefix(p, "/home/") || p == home || strings.HasPrefix(p, home+"/") {
				return true
			}
		}
	}
	return false
}
