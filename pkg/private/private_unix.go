//go:build unix

package private

import (
	"fmt"
	"os"
)

// OpenToOthers describes how the file at path is open to users other than
// its owner ("mode 0644"), or returns "" when it is not.
func OpenToOthers(path string) (string, error) {
	st, err := os.Stat(path)
	if err != nil {
		return "", err
	}
	if st.Mode().Perm()&0o077 != 0 {
		return fmt.Sprintf("mode %04o", st.Mode().Perm()), nil
	}
	return "", nil
}

// Restrict makes the file at path private to its owner: mode 0600.
func Restrict(path string) error { return os.Chmod(path, 0o600) }

// Required says what a private file is.
const Required = "0600"

// Fix is the command that makes the file at path private to its owner.
func Fix(path string) string { return "chmod 600 " + path }
