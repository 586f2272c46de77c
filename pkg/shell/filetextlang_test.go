package shell

import "testing"

// TestWrittenFileRunInItsLanguage checks that a file written on the line
// and run as a program is read in its extension's language when its text
// is no shell's, and as shell when it is.
func TestWrittenFileRunInItsLanguage(t *testing.T) {
	res := Parse(`printf 'print(1)' > x.py && uv run x.py`)
	if res.Unparsed {
		t.Errorf("python text in x.py run by uv: the line does not parse")
	}
	res = Parse(`printf 'import shutil\nshutil.rmtree("/srv/x")\n' > x.py && uv run x.py`)
	found := false
	for _, c := range res.Commands {
		found = found || c.Name == "rm" && len(c.Args) > 0 && c.Args[len(c.Args)-1] == "/srv/x"
	}
	if !found {
		t.Errorf("python rmtree in x.py run by uv: no delete among %v", res.Commands)
	}
	res = Parse(`printf 'rm -r /srv/x\n' > x.py && ./x.py`)
	found = false
	for _, c := range res.Commands {
		found = found || c.Name == "rm"
	}
	if !found {
		t.Errorf("shell text in x.py run directly: not read as shell: %v", res.Commands)
	}
}
