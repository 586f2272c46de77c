package effect

import "testing"

// TestWindowsHomeTreeDeletes: a tree of a Windows home's files deleted
// from WSL or Git Bash is a tree of the person's own files (destroy:home),
// as under the Unix home; its AppData's programs' directories and its
// temporary directory are not, AppData's Roaming or Local whole is.
func TestWindowsHomeTreeDeletes(t *testing.T) {
	for line, want := range map[string]bool{
		"rm -rf /mnt/c/Users/dev/source/repos/old-project":        true,
		"rm -rf /c/Users/dev/Documents/reports":                   true,
		"rm -rf /mnt/c/Users/dev/AppData/Local/Temp/webapp-cache": false,
		"rm -rf /mnt/c/Users/dev/AppData/Roaming/Code/CachedData": false,
		"rm -rf /mnt/c/Users/dev/AppData/Roaming":                 true,
		"rm -rf ~/AppData/Local/Temp/x":                           false,
		"rm -rf ~/AppData/Local":                                  true,
		"rm -rf /mnt/c/Windows/Temp/x":                            false,
	} {
		if got := hasEffect(effectsOf(line), "destroy:home"); got != want {
			t.Errorf("%s: destroy:home %v, want %v (%v)", line, got, want, effectsOf(line))
		}
	}
}
