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
	for _, tc := range []struct {
		text, want string
		ok         bool
	}{
		{"!make", "make", true},
		{"|.make", "make", true},
		{"|a make", "make", true},
		{"|make", "ake", true}, // the m is the mark
		{"|", "", false},
		{"/pattern", "", false},
	} {
		got, ok := PrefixedShell(tc.text, "!,pipe")
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

// TestSubElse: pnpm and yarn run a program by name when the word names
// none of their subcommands; their own subcommands stay themselves.
func TestSubElse(t *testing.T) {
	c := Default()
	for _, tc := range []struct {
		name  string
		args  []string
		start int
		ok    bool
	}{
		{"pnpm", []string{"vitest", "run"}, 0, true},
		{"pnpm", []string{"--filter", "web", "tsc"}, 2, true},
		{"yarn", []string{"exec", "jest"}, 1, true},
		{"yarn", []string{"install"}, 0, false},
		{"pnpm", []string{"add", "left-pad"}, 0, false},
		{"npm", []string{"vitest"}, 0, false}, // npm has no such fallback
	} {
		start, _, ok := c.Wrapped(tc.name, tc.args)
		if ok != tc.ok || ok && start != tc.start {
			t.Errorf("Wrapped(%s %q) = %d, %v; want %d, %v", tc.name, tc.args, start, ok, tc.start, tc.ok)
		}
	}
}

// TestPrefixedCodeGroups: a code-prefix property may name several
// interpreters, joined by ";", each with its words.
func TestPrefixedCodeGroups(t *testing.T) {
	const prefixes = "python3:py3,python;lua:lua;ruby:ruby"
	for _, c := range []struct{ text, interp, code string }{
		{"py3 print(1)", "python3", "print(1)"},
		{":python import os", "python3", "import os"},
		{"lua print(2)", "lua", "print(2)"},
		{"ruby puts 3", "ruby", "puts 3"},
		{"silent py3 print(4)", "python3", "print(4)"},
		{":silent! lua print(5)", "lua", "print(5)"},
		{"silent", "", ""},
		{"luafile x.lua", "", ""},
		{"set ft=lua", "", ""},
	} {
		interp, code, _ := PrefixedCode(c.text, prefixes)
		if interp != c.interp || code != c.code {
			t.Errorf("PrefixedCode(%q) = %q, %q; want %q, %q", c.text, interp, code, c.interp, c.code)
		}
	}
}
