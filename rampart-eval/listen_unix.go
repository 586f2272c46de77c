//go:build unix

package main

import (
	"fmt"
	"net"
	"os"
	"syscall"
)

// listenPrivate listens on a new socket at path that only its owner can
// connect to: mode 0600.
func listenPrivate(path string) (*net.UnixListener, error) {
	// The socket file takes its mode from the umask: 0600 from the start,
	// not after a window in which others could connect.
	old := syscall.Umask(0o177)
	ln, err := net.ListenUnix("unix", &net.UnixAddr{Name: path, Net: "unix"})
	syscall.Umask(old)
	if err != nil {
		return nil, err
	}
	if err := os.Chmod(path, 0o600); err != nil {
		ln.Close()
		return nil, err
	}
	return ln, nil
}

// openToOthers describes how dir is open to users other than its owner
// (its mode), or is "" when it is not.
func openToOthers(dir string) string {
	if st, err := os.Stat(dir); err == nil && st.Mode().Perm()&0o077 != 0 {
		return fmt.Sprintf("mode %v", st.Mode().Perm())
	}
	return ""
}
