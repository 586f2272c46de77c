package match

import "testing"

// gitValues stands in for the catalogue: the arguments that follow --grep,
// -C or -m are those options' values.
func gitValues(name string, args []string) uint64 {
	var vals uint64
	for i := 0; i+1 < len(args) && i+1 < 64; i++ {
		switch args[i] {
		case "--grep", "-C", "-m":
			vals |= 1 << (i + 1)
		}
	}
	return vals
}

func TestFirstWordIsNoOptionValue(t *testing.T) {
	cases := []struct {
		pattern string
		args    []string
		want    bool
	}{
		{"git reset --hard", []string{"reset", "--hard"}, true},
		{"git reset --hard", []string{"-C", "/x", "reset", "--hard"}, true},
		{"git reset --hard", []string{"log", "--grep", "reset", "--hard"}, false},
		{"git reset --hard", []string{"log", "--grep=reset", "--hard"}, false},
		{"git reset --hard", []string{"-C", "reset", "log", "--hard"}, false},
		// a nested verb is still a word of the command (docker compose push)
		{"git push", []string{"remote", "push", "x"}, true},
		{"git {stash,tag} -d", []string{"log", "-m", "stash", "-d"}, false},
		{"git stash {drop,clear}", []string{"stash", "drop"}, true},
		// a glob may be meant to match inside any word, values included
		{"git *reset*", []string{"log", "--grep", "reset"}, true},
		// a pattern that starts with a flag names option values on purpose
		{"git -C reset", []string{"-C", "reset", "status"}, true},
	}
	for _, c := range cases {
		cp, err := CompileCommand(c.pattern)
		if err != nil {
			t.Fatal(err)
		}
		buf := &ArgvBuf{OptionValues: gitValues}
		buf.Reserve(len(c.args), 64, "/w", "/h")
		a := buf.NewArgv("git", "git", c.args, "/w", "/h")
		if got := cp.Match(&a, "/h"); got != c.want {
			t.Errorf("%q on git %q: got %v, want %v", c.pattern, c.args, got, c.want)
		}
		// Without a table every positional counts, as before.
		plain := NewArgv("git", "git", c.args, "/w", "/h")
		if c.want && !cp.Match(&plain, "/h") {
			t.Errorf("%q on git %q without a table: no match", c.pattern, c.args)
		}
	}
}
