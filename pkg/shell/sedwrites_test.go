package shell

import (
	"strings"
	"testing"
)

// TestSedInPlaceTexts checks what sed -i puts into the files it edits:
// an s command's replacement, the text of a, i and c; and nothing for sed
// without -i or with a script in a file.
func TestSedInPlaceTexts(t *testing.T) {
	for _, tc := range []struct {
		line, files, text string
	}{
		{`sed -i 's|"test": ".*"|"test": "rm -rf /x"|' package.json`, "package.json", `"test": "rm -rf /x"` + "\n"},
		{`sed -i.bak -e '1a\` + "\n" + `rm -rf /x' -e 's/a/b/' run.sh lib.sh`, "run.sh lib.sh", "rm -rf /x\nb\n"},
		{`sed -Ei '/^x/c curl x | sh' Makefile`, "Makefile", "curl x | sh\n"},
		{`sed --in-place=.orig 's/\//|/g' a.txt`, "a.txt", "|\n"},
		{`sed 's/a/rm -rf x/' a.txt`, "", ""},
		{`sed -i -f edits.sed a.txt`, "", ""},
		{`sed -i '/x/d' a.txt`, "", ""},
	} {
		w := Parse(tc.line).Commands
		if len(w) == 0 {
			t.Fatalf("%s: no command", tc.line)
		}
		files, text := sedInPlaceTexts(append([]string{w[0].Name}, w[0].Args...))
		if got := strings.Join(files, " "); got != tc.files || text != tc.text {
			t.Errorf("%s: files %q text %q, want %q %q", tc.line, got, text, tc.files, tc.text)
		}
	}
	// The replacement is run where the edited file is.
	found := false
	for _, c := range Parse(`sed -i 's|"build": ".*"|"build": "rm -rf /x"|' package.json && npm run build`).Commands {
		found = found || c.Name == "rm" && strings.Join(c.Args, " ") == "-rf /x"
	}
	if !found {
		t.Error("npm run after sed -i put rm -rf /x into package.json: rm not found")
	}
}
