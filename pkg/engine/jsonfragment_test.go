package engine

import "testing"

// TestJSONFragment holds the shapes of an edit's new text that are read as
// a JSON object: a whole object, members without their braces (with a
// comma after them or before), an object with a comma after it; and text
// that is no object is not.
func TestJSONFragment(t *testing.T) {
	for _, c := range []struct {
		text string
		key  string // a key the object must have; "" when none is read
	}{
		{`{"scripts": {"test": "jest"}}`, "scripts"},
		{`  "postinstall": "node x.js",`, "postinstall"},
		{`, "postinstall": "node x.js"`, "postinstall"},
		{"  \"scripts\": {\n    \"build\": \"tsc\"\n  },", "scripts"},
		{"{\n  \"label\": \"t\",\n  \"command\": \"npm test\"\n},", "command"},
		{`{"a": 1, /* note */ "b": 2,}`, "b"},
		{`npm test`, ""},
		{`"just a string"`, ""},
	} {
		m, ok := jsonFragment(c.text)
		if c.key == "" {
			if ok {
				t.Errorf("jsonFragment(%q) = %v, want no object", c.text, m)
			}
			continue
		}
		if _, has := m[c.key]; !ok || !has {
			t.Errorf("jsonFragment(%q) = %v, %v; want an object with %q", c.text, m, ok, c.key)
		}
	}
}

// TestPatchFiles holds the files a patch names and the lines it adds to
// each, in both envelopes.
func TestPatchFiles(t *testing.T) {
	for _, c := range []struct {
		patch string
		want  []patchFile
	}{
		{"*** Begin Patch\n*** Update File: package.json\n@@\n-  \"a\": 1\n+  \"b\": 2\n*** Add File: x.sh\n+echo hi\n*** End Patch",
			[]patchFile{{"package.json", "  \"b\": 2"}, {"x.sh", "echo hi"}}},
		{"--- a/Makefile\n+++ b/Makefile\n@@ -1 +1,2 @@\n all:\n+\tmake x\n", []patchFile{{"Makefile", "\tmake x"}}},
		{"no patch here", nil},
	} {
		got := patchFiles(c.patch)
		if len(got) != len(c.want) {
			t.Errorf("patchFiles(%q) = %v, want %v", c.patch, got, c.want)
			continue
		}
		for i := range got {
			if got[i] != c.want[i] {
				t.Errorf("patchFiles(%q)[%d] = %v, want %v", c.patch, i, got[i], c.want[i])
			}
		}
	}
}
