package shell

import (
	"strings"
	"testing"
)

// TestPipMain reads pip's main called from Python as the pip command line
// its list makes, under each name the code calls it by.
func TestPipMain(t *testing.T) {
	for src, want := range map[string]string{
		"python3 -c \"import pip; pip.main(['install', 'git+https://github.com/a/b'])\"":                                     "install git+https://github.com/a/b",
		"python3 -c \"import pip\nargs = ['install', '-r', 'requirements.txt']\npip.main(args)\"":                            "install -r requirements.txt",
		"python3 -c \"from pip._internal import main\nmain(['list'])\"":                                                      "list",
		"python3 -c \"from pip._internal.cli.main import main as run_pip\nrun_pip(['install', 'https://x.example/p.tgz'])\"": "install https://x.example/p.tgz",
	} {
		got := ""
		for _, c := range Parse(src).Commands {
			if c.Name == "pip" {
				got = strings.Join(c.Args, " ")
			}
		}
		if got != want {
			t.Errorf("Parse(%q): pip %q, want pip %q", src, got, want)
		}
	}
}
