package match

import (
	"strings"
	"testing"
)

// endsBackupLowered is what mayEndBackup stands in for: whether the
// lowered name ends with a backup suffix.
func endsBackupLowered(base string) bool {
	lower := strings.ToLower(base)
	for _, suf := range backupSuffixes {
		if strings.HasSuffix(lower, suf) {
			return true
		}
	}
	return false
}

// Each backup suffix holds one '.', its first byte, as mayEndBackup's
// reading of a name's last '.' needs; and mayEndBackup says false only
// where the lowered name ends with no suffix.
func TestMayEndBackup(t *testing.T) {
	for _, suf := range backupSuffixes {
		if strings.LastIndexByte(suf, '.') != 0 || suf != strings.ToLower(suf) {
			t.Errorf("backup suffix %q: want one '.', first, and lower case", suf)
		}
	}
	for _, base := range []string{"", "out.txt", "id_rsa.BAK", "shadow.bak", ".bak", "a.b.orig", "x.Dpkg-Old", "x.bak.txt",
		"f.ba\u212a", "notes", "x.save~", ".env.swp", "\xff.bak", "a.rampart-backup"} {
		if got, want := mayEndBackup(base), endsBackupLowered(base); want && !got {
			t.Errorf("mayEndBackup(%q) = false, but its lowered form ends with a backup suffix", base)
		}
	}
}

// FuzzMayEndBackup checks mayEndBackup's false answers on any name.
func FuzzMayEndBackup(f *testing.F) {
	for _, s := range []string{"id_rsa.BAK", "out.txt", "f.ba\u212a"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, base string) {
		if !mayEndBackup(base) && endsBackupLowered(base) {
			t.Errorf("mayEndBackup(%q) = false, but its lowered form ends with a backup suffix", base)
		}
	})
}
