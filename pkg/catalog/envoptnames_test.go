package catalog

import "testing"

// TestMayHaveEnvOptions holds MayHaveEnvOptions, of the lazily parsed
// embedded catalogue and of a whole parse of it, to the entries: true for
// every program with the property on its entry or a subcommand's, false
// for the others (ls), whose subcommand lookup the walk then skips.
func TestMayHaveEnvOptions(t *testing.T) {
	c, err := Parse(table)
	if err != nil {
		t.Fatal(err)
	}
	var has func(e *Entry) bool
	has = func(e *Entry) bool {
		if e.Props["env-options"] != "" {
			return true
		}
		for _, s := range e.subs {
			if has(s) {
				return true
			}
		}
		return false
	}
	d, n := Default(), 0
	for name, e := range c.programs {
		if has(e) {
			n++
			if !d.MayHaveEnvOptions(name) || !c.MayHaveEnvOptions(name) {
				t.Errorf("%s has env-options, MayHaveEnvOptions is false (lazy %v, whole %v)", name, d.MayHaveEnvOptions(name), c.MayHaveEnvOptions(name))
			}
		} else if c.MayHaveEnvOptions(name) {
			t.Errorf("%s: MayHaveEnvOptions is true, no entry of it has env-options", name)
		}
	}
	if n == 0 {
		t.Fatal("no program has env-options: the test checks nothing")
	}
	if d.MayHaveEnvOptions("ls") || d.MayHaveEnvOptions("") {
		t.Error("MayHaveEnvOptions(ls or \"\") is true")
	}
}
