package effect

import "testing"

// TestPatchPaths checks that a log or show that prints the changes to the
// paths after "--" reads them, that a log without a patch option does
// not, and that an upload tool's operand is read as a tree (a directory
// sends every file in it).
func TestPatchPaths(t *testing.T) {
	for line, want := range map[string]string{
		"git log -p -- .env":                   "read /home/dev/project/.env",
		"git log --patch -- ./config/prod.key": "read /home/dev/project/config/prod.key",
		"git whatchanged -p -- .npmrc":         "read /home/dev/project/.npmrc",
		"git show HEAD~2 -- .env":              "read /home/dev/project/.env",
	} {
		if effs := effectsOf(line); !hasEffect(effs, want) {
			t.Errorf("%s: no %q in %v", line, want, effs)
		}
	}
	for line, not := range map[string]string{
		"git log --oneline -- .env":        "read /home/dev/project/.env",
		"git log -- .env":                  "read /home/dev/project/.env",
		"git log -p -- ':(exclude)vendor'": "read /home/dev/project/:(exclude)vendor",
	} {
		if effs := effectsOf(line); hasEffect(effs, not) {
			t.Errorf("%s: %q in %v", line, not, effs)
		}
	}
	for _, e := range effectsOf("croc send /home/dev/.aws") {
		if e.Kind == Read && e.Path == "/home/dev/.aws" && !e.Recursive {
			t.Errorf("croc send /home/dev/.aws: the directory's read is not recursive: %v", e)
		}
	}
}
