package effect

import "testing"

// storeWordCases are words that name a store, words near them, and words
// whose case folding leaves ASCII (the Kelvin sign, a dotted capital I).
var storeWordCases = []string{
	"", " ", "ls", "src/*.go", "-1", "HKLM\\SAM", "hklm/sam", "HKLMSAM", "hklm\\security ",
	"HKEY_LOCAL_MACHINE\\SYSTEM", "hkey_local_machinesystem", "C:\\Windows\\System32\\config\\SAM",
	"c:/windows/system32/config/security", "C:WindowsSystem32configSYSTEM", "\\\\?\\GLOBALROOT\\Device\\HarddiskVolumeShadowCopy1\\windows\\ntds\\NTDS.dit",
	"ntds.DIT\t", "sam", "system", "SECURITY", "samt", "mysystem", "config\\sam.bak",
	"HKLM\\\u212aSAM", "H\u212aLM\\SAM", "hklm\\secur\u0130ty", "ntds.d\u0130t", "lsass", "lsass.exe",
	"(Get-Process lsass).Id", "lsass.dmp", "\u00a0hklm\\sam\u00a0", "hklm\\sam\u2028", "\xffhklm\\sam",
	"hklm\\sa\xffm", "HKLM\\SAM\x00", "M", "y", "T", "\u212a",
}

// TestStoreWordFast checks that storeWord's quick rejection answers as
// the full reading does.
func TestStoreWordFast(t *testing.T) {
	for _, w := range storeWordCases {
		for _, attaches := range []bool{false, true} {
			if got, want := storeWord(w, attaches), storeWordSlow(w, attaches); got != want {
				t.Errorf("storeWord(%q, %v) = %q, want %q", w, attaches, got, want)
			}
		}
	}
}

// FuzzStoreWord checks storeWord against its full reading on any word.
func FuzzStoreWord(f *testing.F) {
	for _, w := range storeWordCases {
		f.Add(w, false)
	}
	f.Fuzz(func(t *testing.T, w string, attaches bool) {
		if got, want := storeWord(w, attaches), storeWordSlow(w, attaches); got != want {
			t.Errorf("storeWord(%q, %v) = %q, want %q", w, attaches, got, want)
		}
	})
}
