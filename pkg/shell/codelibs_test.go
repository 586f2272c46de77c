package shell

import (
	"slices"
	"testing"
)

// TestCodeLibs checks the directories Perl and Ruby code adds to its own
// module path, and the modules Perl code loads by name.
func TestCodeLibs(t *testing.T) {
	for _, tc := range []struct {
		lang, code string
		want       []string
	}{
		{"perl", `use lib "/tmp/lib"; use Hook;`, []string{"/tmp/lib"}},
		{"perl", `use lib qw(/tmp/a /tmp/b); use X;`, []string{"/tmp/a", "/tmp/b"}},
		{"perl", `BEGIN { unshift @INC, '/tmp/x' } require Hook;`, []string{"/tmp/x"}},
		{"perl", `use strict; print "@INC"`, nil},
		{"ruby", `$LOAD_PATH.unshift "/tmp/lib"; require "hook"`, []string{"/tmp/lib"}},
		{"ruby", `$: << '/tmp/r'; require 'h'`, []string{"/tmp/r"}},
		{"ruby", `require "json"`, nil},
		{"python", `sys.path.insert(0, "/tmp")`, []string{"/tmp"}},
		{"ruby", `$LOAD_PATH.insert(0, "/tmp/lib"); require "hook"`, []string{"/tmp/lib"}},
		{"ruby", `$:.concat(["/tmp/c"])`, []string{"/tmp/c"}},
		{"perl", `BEGIN { lib->import("/tmp/i") }`, []string{"/tmp/i"}},
		{"node", `module.paths.unshift("/tmp/n"); require("hook")`, []string{"/tmp/n"}},
	} {
		if got := codeLibs(tc.lang, tc.code); !slices.Equal(got, tc.want) {
			t.Errorf("codeLibs(%s, %q) = %q, want %q", tc.lang, tc.code, got, tc.want)
		}
	}
	if got, want := perlUses(`use lib "x"; use strict; use Acme::Util; require Hook; my $user = 1;`), []string{"Acme::Util", "Hook"}; !slices.Equal(got, want) {
		t.Errorf("perlUses = %q, want %q", got, want)
	}
}

// A module the code's own lib directory holds is a file the interpreter
// runs.
func TestRunsFromCodeLibs(t *testing.T) {
	checkRuns(t, `perl -e 'use lib "/tmp/l"; use Hook;'`, "perl", []string{"/tmp/l/Hook.pm"})
	checkRuns(t, `ruby -e '$LOAD_PATH.unshift "/tmp/r"; require "h"'`, "ruby", []string{"/tmp/r/h.rb"})
	checkRuns(t, `perl -e 'use Data::Dumper; print 1'`, "perl", nil)
	// a lower-case module that is no pragma; Python's sys.path and
	// Node's module.paths; files loaded by path in more languages
	checkRuns(t, `perl -e 'use lib "/tmp/l"; use strict; use hook;'`, "perl", []string{"/tmp/l/hook.pm"})
	checkRuns(t, `python3 -c 'import sys; sys.path.insert(0, "/tmp/p"); import hook'`, "python3", []string{"/tmp/p/hook.py"})
	checkRuns(t, `node -e 'module.paths.unshift("/tmp/n"); require("hook")'`, "node", []string{"/tmp/n/hook.js"})
	checkRuns(t, `python3 -c 'import runpy; runpy.run_path("/tmp/h.py")'`, "python3", []string{"/tmp/h.py"})
	checkRuns(t, `ruby -e 'require_relative "/tmp/h"'`, "ruby", []string{"/tmp/h", "/tmp/h.rb"})
	checkRuns(t, `lua -e 'dofile("/tmp/h.lua")'`, "lua", []string{"/tmp/h.lua"})
}
