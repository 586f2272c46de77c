package effect

import "testing"

// TestPythonModulePrograms: Python's own modules run as programs
// (python3 -m tarfile, zipfile, base64, gzip, json.tool) read the files
// they name as the programs they stand for do.
func TestPythonModulePrograms(t *testing.T) {
	for line, path := range map[string]string{
		"python3 -m tarfile -c /tmp/a.tar /home/dev/.aws":    "/home/dev/.aws",
		"python3 -m zipfile -c out.zip /home/dev/.ssh":       "/home/dev/.ssh",
		"python3 -m base64 /home/dev/.netrc":                 "/home/dev/.netrc",
		"python3 -m gzip -c /home/dev/.pgpass":               "/home/dev/.pgpass",
		"python3 -m json.tool /home/dev/.docker/config.json": "/home/dev/.docker/config.json",
	} {
		found := false
		for _, e := range effectsOf(line) {
			found = found || e.Kind == Read && e.Path == path
		}
		if !found {
			t.Errorf("%q: no read of %s (%v)", line, path, effectsOf(line))
		}
	}
	for _, e := range effectsOf("python3 -m json.tool data.json pretty.json") {
		if e.Kind == Read && e.Path == "/home/dev/project/pretty.json" {
			t.Errorf("json.tool's output read: %v", e)
		}
	}
}
