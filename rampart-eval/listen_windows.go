package main

import (
	"fmt"
	"net"

	"rampart.dev/pkg/private"
)

// listenPrivate listens on a new AF_UNIX socket at path that only its
// owner can connect to. Windows has no umask: the socket file is created
// with the access its directory passes down (see openToOthers), then its
// DACL is replaced by one granting only the current user and SYSTEM.
// Failing that, the socket is closed: it is never served open.
func listenPrivate(path string) (*net.UnixListener, error) {
	ln, err := net.ListenUnix("unix", &net.UnixAddr{Name: path, Net: "unix"})
	if err != nil {
		return nil, err
	}
	if err := private.Restrict(path); err != nil {
		ln.Close()
		return nil, err
	}
	return ln, nil
}

// openToOthers describes who besides its owner may open dir, or is ""
// when nobody may.
func openToOthers(dir string) string {
	open, err := private.OpenToOthers(dir)
	if err != nil {
		return fmt.Sprintf("its access list could not be read: %v", err)
	}
	return open
}
