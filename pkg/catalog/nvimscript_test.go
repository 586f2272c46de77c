package catalog

import "testing"

// TestNvimLuaScript checks that nvim -l FILE runs FILE (a Lua script) and
// that vim's -l, its lisp mode, is a flag.
func TestNvimLuaScript(t *testing.T) {
	exec := func(name string, args ...string) bool {
		for _, w := range Default().Classify(name, args).Words {
			if w.Role == Exec && w.Text == "x.lua" {
				return true
			}
		}
		return false
	}
	if !exec("nvim", "-l", "x.lua") || !exec("nvim", "--headless", "-l", "x.lua", "arg") {
		t.Error("nvim -l x.lua: x.lua not run")
	}
	if exec("vim", "-l", "x.lua") {
		t.Error("vim -l x.lua: lisp mode read as running x.lua")
	}
}
