package effect

import (
	"strings"
	"testing"
)

// TestUdisksMountsForTheUser: udisksctl mounts a device for the user who
// asks, as a file manager does; mount itself changes the host's mounts.
func TestUdisksMountsForTheUser(t *testing.T) {
	for line, want := range map[string]bool{
		"udisksctl mount -b /dev/sdb1":               false,
		"udisksctl unmount --block-device /dev/sdb1": false,
		"udisksctl status":                           false,
		"mount /dev/sdb1 /mnt":                       true,
		"mount -o remount,rw /":                      true,
	} {
		got := false
		for _, e := range effectsOf(line) {
			got = got || strings.HasPrefix(e.String(), "admin")
		}
		if got != want {
			t.Errorf("%q: admin = %v, want %v (%v)", line, got, want, effectsOf(line))
		}
	}
}
