package effect

import "testing"

// TestTruncateEmptiesFiles checks that truncate to nothing deletes the
// contents of the files it names, file by file, and every file of a glob
// as a tree's delete does; rsync --delete still deletes a tree.
func TestTruncateEmptiesFiles(t *testing.T) {
	for line, want := range map[string]string{
		"truncate -s 0 notes.txt":           "delete:file",
		"truncate --size=0 config/app.yml":  "delete:file",
		"truncate -s 0 logs/*.log":          "delete:recursive",
		"rsync -a --delete empty/ dst/":     "delete:recursive",
		"truncate -s 10M disk.img":          "write",
		"truncate -s 0 -c missing-file.txt": "delete:file",
	} {
		if !hasEffect(effectsOf(line), want) {
			t.Errorf("%s: no %s in %v", line, want, effectsOf(line))
		}
	}
	if hasEffect(effectsOf("truncate -s 0 notes.txt"), "delete:recursive") {
		t.Errorf("truncate of one file deletes a tree: %v", effectsOf("truncate -s 0 notes.txt"))
	}
}
