package effect

import "testing"

// TestTruncateEmptiesFiles checks that truncate to nothing deletes what
// the files it names hold, as a tree's delete leaves nothing, and each
// file as a file (for the rules that name files); a size other than
// nothing is a write only, and rsync --delete still deletes a tree.
func TestTruncateEmptiesFiles(t *testing.T) {
	for _, line := range []string{"truncate -s 0 notes.txt", "truncate --size=0 config/app.yml", "truncate -s 0 -c missing-file.txt"} {
		effs := effectsOf(line)
		if !hasEffect(effs, "delete:file") || !hasEffect(effs, "delete:recursive") {
			t.Errorf("%s: want delete:file and delete:recursive, got %v", line, effs)
		}
	}
	if effs := effectsOf("truncate -s 10M disk.img"); hasEffect(effs, "delete:file") || !hasEffect(effs, "write") {
		t.Errorf("truncate -s 10M: %v", effs)
	}
	if effs := effectsOf("rsync -a --delete empty/ dst/"); !hasEffect(effs, "delete:recursive") {
		t.Errorf("rsync --delete: %v", effs)
	}
}
