package verbs

import "testing"

func TestSpelledAndJoin(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"reinitialise", "reinitialize"},
		{"wipeout", "wipe"},
		{"delete", "delete"},
		{"format", "format"},
		{"ise", "ise"},
	} {
		if got := Spelled(c.in); got != c.want {
			t.Errorf("Spelled(%q) = %q, want %q", c.in, got, c.want)
		}
	}
	for _, c := range []struct{ a, b, want string }{
		{"re", "init", "reinit"},
		{"de", "provision", "deprovision"},
		{"re", "initialise", "reinitialize"},
		{"tear", "down", "teardown"},
		{"re", "port", ""},
		{"de", "bug", ""},
	} {
		got, _ := Join(c.a, c.b)
		if got != c.want {
			t.Errorf("Join(%q, %q) = %q, want %q", c.a, c.b, got, c.want)
		}
	}
	if Class("obliterate") != "destroy" || Class("reinitialise") != "reset" || Class("list") != "read" {
		t.Error("Class does not read the lexicon's classes")
	}
}

// Taking a loaded thing out of service (a search core, a module) is
// disabling it.
func TestUnloadDisables(t *testing.T) {
	if c := Class("unload"); c != "disable" {
		t.Errorf("Class(unload) = %q, want disable", c)
	}
}
