package effect

import (
	"testing"
)

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
