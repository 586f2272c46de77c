package shell

import "testing"

// TestAwkBeginText checks the text an awk that prints one literal string
// in its BEGIN block carries, and that any other awk program is not read
// as a text carrier.
func TestAwkBeginText(t *testing.T) {
	for _, c := range []struct {
		words []string
		want  string
		ok    bool
	}{
		{[]string{"awk", `BEGIN{print "make build"}`}, "make build\n", true},
		{[]string{"gawk", `BEGIN { print "rm -rf dist" }`}, "rm -rf dist\n", true},
		{[]string{"awk", `BEGIN{printf "ls\n"}`}, "ls\n", true},
		{[]string{"awk", `BEGIN{printf "rm -rf %s\n", ENVIRON["HOME"]}`}, "", false},
		{[]string{"awk", `BEGIN{print "a" "b"}`}, "", false},
		{[]string{"awk", `{print $1}`, "access.log"}, "", false},
		{[]string{"awk", "-v", "x=1", `BEGIN{print "x"}`}, "", false},
	} {
		got, ok := (&state{}).echoText(c.words)
		if got != c.want || ok != c.ok {
			t.Errorf("echoText(%q) = %q, %v; want %q, %v", c.words, got, ok, c.want, c.ok)
		}
	}
	// carried into a shell, the text is judged as its script
	for line, want := range map[string]bool{
		`awk 'BEGIN{print "rm -rf ~"}' | sh`: true,
		`awk 'BEGIN{print "echo hi"}' | sh`:  false,
	} {
		res := Parse(line)
		found := false
		for _, c := range res.Commands {
			found = found || c.Name == "rm"
		}
		if found != want {
			t.Errorf("%s: rm found %v, want %v", line, found, want)
		}
	}
}
