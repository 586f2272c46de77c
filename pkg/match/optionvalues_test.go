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

// dockerSubs stands in for the catalogue's subcommands of docker: run,
// container and volume, and container's run and rm; --context takes a
// value, any other option is unknown.
func dockerSubs(name string, args []string) []int {
	var chain []int
	level := map[string]bool{"run": true, "container": true, "volume": true}
	for i := 0; i < len(args); i++ {
		switch a := args[i]; {
		case a == "--context":
			i++
		case len(a) > 1 && a[0] == '-':
			return chain
		case level[a]:
			chain = append(chain, i)
			if a != "container" {
				return chain
			}
			level = map[string]bool{"run": true, "rm": true}
		default:
			return chain
		}
	}
	return chain
}

func TestLeadingNamesAreSubcommands(t *testing.T) {
	cases := []struct {
		pattern string
		args    []string
		want    bool
	}{
		{"docker rm -v", []string{"run", "--rm", "-v", "/w:/w", "alpine", "rm", "-v", "x"}, false},
		{"docker container rm -v", []string{"container", "run", "alpine", "rm", "-v", "x"}, false},
		{"docker container rm -v", []string{"container", "rm", "-v", "x"}, true},
		{"docker volume rm", []string{"--context", "default", "volume", "rm", "x"}, true},
		// an option the table does not know: its value may be the word
		// that looks like the subcommand, so every positional counts
		{"docker volume rm", []string{"--tlscacert", "run", "volume", "rm", "x"}, true},
		// a word after a glob or a lone * is no subcommand's
		{"docker * rm", []string{"run", "alpine", "rm"}, true},
	}
	for _, c := range cases {
		cp, err := CompileCommand(c.pattern)
		if err != nil {
			t.Fatal(err)
		}
		buf := &ArgvBuf{Subcommands: dockerSubs}
		buf.Reserve(len(c.args), 64, "/w", "/h")
		a := buf.NewArgv("docker", "docker", c.args, "/w", "/h")
		if got := cp.Match(&a, "/h"); got != c.want {
			t.Errorf("%q on docker %q: got %v, want %v", c.pattern, c.args, got, c.want)
		}
	}
}
