package catalog

import "testing"

func TestPrefixedShell(t *testing.T) {
	for _, tc := range []struct {
		text, want string
		ok         bool
	}{
		{"!make test", "make test", true},
		{":!make", "make", true},
		{"silent !make", "make", true},
		{"silent! !make", "make", true},
		{"r !date", "date", true},
		{"w !sh", "sh", true},
		{"exe '!make'", "make", true},
		{"call system('make')", "make", true},
		{`silent call system("make")`, "make", true},
		{"q", "", false},
		{"/pattern", "", false},
		{"wq", "", false},
		{"42", "", false},
	} {
		got, ok := PrefixedShell(tc.text, "!")
		if got != tc.want || ok != tc.ok {
			t.Errorf("PrefixedShell(%q) = %q, %v; want %q, %v", tc.text, got, ok, tc.want, tc.ok)
		}
	}
}

// TestPlusOptions: vim and less take a command attached to "+"; after
// "--" such a word is a file.
func TestPlusOptions(t *testing.T) {
	c := Default()
	for _, tc := range []struct {
		name  string
		args  []string
		shell string
	}{
		{"vim", []string{"+q", "+!make", "x"}, "!make"},
		{"less", []string{"+G", "log.txt"}, ""},
		{"vim", []string{"--", "+!make"}, ""},
	} {
		_, sh, _ := c.Wrapped(tc.name, tc.args)
		if sh != tc.shell {
			t.Errorf("Wrapped(%s %q) shell = %q, want %q", tc.name, tc.args, sh, tc.shell)
		}
	}
}
