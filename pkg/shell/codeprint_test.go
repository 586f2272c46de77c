package shell

import "testing"

// TestCodePrintText checks what an interpreter one-liner that only prints
// literals prints, and that any other code is not read.
func TestCodePrintText(t *testing.T) {
	known := []struct {
		words []string
		want  string
	}{
		{[]string{"python3", "-c", `print("A=1")`}, "A=1\n"},
		{[]string{"python3", "-c", `print('A=1'); print("B=2")`}, "A=1\nB=2\n"},
		{[]string{"python3", "-c", `import sys` + "\n" + `sys.stdout.write("A\n")`}, "A\n"},
		{[]string{"python3", "-c", `print("A", end="")`}, "A"},
		{[]string{"python3", "-c", `print("A", end="\n", flush=True)`}, "A\n"},
		{[]string{"python3", "-c", `print("go " 'test')`}, "go test\n"},
		{[]string{"python3", "-c", `print(r"A\n")`}, `A\n` + "\n"},
		{[]string{"perl", "-e", `print "\LRM -RF\E ~ \uab\n"`}, "rm -rf ~ Ab\n"},
		{[]string{"perl", "-le", `print "A"`}, "A"},
		{[]string{"python3", "-c", `sys.stdout.write("A\n")`}, "A\n"},
		{[]string{"node", "-e", `console.log("A=1")`}, "A=1\n"},
		{[]string{"node", "-e", `process.stdout.write('A')`}, "A"},
		{[]string{"perl", "-e", `print "A=1\n"`}, "A=1\n"},
		{[]string{"perl", "-e", `print 'A=1\n'`}, `A=1\n`},
		{[]string{"perl", "-E", `say "A"`}, "A\n"},
		{[]string{"ruby", "-e", `puts "A"; print 'B'`}, "A\nB"},
		{[]string{"php", "-r", `echo "A\n";`}, "A\n"},
	}
	for _, c := range known {
		got, ok := codePrintText(c.words)
		if c.want == "" {
			if ok {
				t.Errorf("codePrintText(%q) = %q, want not read", c.words, got)
			}
			continue
		}
		if !ok || got != c.want {
			t.Errorf("codePrintText(%q) = %q, %v; want %q", c.words, got, ok, c.want)
		}
	}
	for _, words := range [][]string{
		{"python3", "-c", `print(f"A={x}")`},
		{"python3", "-c", `print("A", file=sys.stderr)`},
		{"python3", "-c", `import os; print("A")`},
		{"perl", "-pe", `print "A"`},
		{"perl", "-ne", `print "A"`},
		{"perl", "-MPOSIX", "-e", `print "A"`},
		{"perl", "-e", `print "\QA"`},
		{"ruby", "-pe", `print "A"`},
		{"ruby", "-r./x", "-e", `puts "A"`},
		{"node", "-r", "/tmp/h.js", "-e", `console.log("A")`},
		{"php", "-d", "auto_prepend_file=/tmp/x.php", "-r", `echo "A";`},
		{"python3", "-c", `print("A" + x)`},
		{"python3", "-c", `print(open("f").read())`},
		{"node", "-e", "console.log(`A=${x}`)"},
		{"perl", "-e", `print "A=$x\n"`},
		{"ruby", "-e", `puts "A=#{x}"`},
		{"ruby", "-e", `puts "A".upcase`},
		{"python3", "script.py"},
		{"python3", "-c", `printx("A")`},
	} {
		if got, ok := codePrintText(words); ok {
			t.Errorf("codePrintText(%q) = %q, want not read", words, got)
		}
	}
}
