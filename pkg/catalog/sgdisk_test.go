package catalog

import (
	"strings"
	"testing"
)

// TestSgdiskChangesOnlyByItsOptions checks that sgdisk erases a disk's
// table only through an option that changes it; printing, verifying and
// saving a backup of the table leave the disk as it is.
func TestSgdiskChangesOnlyByItsOptions(t *testing.T) {
	cat := Default()
	for line, want := range map[string]bool{
		"sgdisk -p /dev/nvme0n1":                 false,
		"sgdisk --verify /dev/sda":               false,
		"sgdisk -b /tmp/sda.gpt /dev/sda":        false,
		"sgdisk --zap-all /dev/nvme0n1":          true,
		"sgdisk -p -Z /dev/sda":                  true,
		"sgdisk -n 1:0:+512M -t 1:ef00 /dev/sdb": true,
		"sgdisk -o /dev/sdb":                     true,
	} {
		f := strings.Fields(line)
		c := cat.Classify(f[0], f[1:])
		if got := c.Mark("erase") && c.Entry.Prop("delete-if") == "erase"; got != want {
			t.Errorf("%s: erases = %v, want %v", line, got, want)
		}
	}
}
