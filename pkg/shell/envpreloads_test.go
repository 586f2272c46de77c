package shell

import "testing"

// TestEnvPreloads checks that what NODE_OPTIONS, PERL5OPT and RUBYOPT make
// an interpreter load, and the modules perl -M and ruby -r name, are files
// the command runs: a path as it is, a module's name as the file it is in
// each include directory the line gives; none when the line gives no
// directory (the system's own modules).
func TestEnvPreloads(t *testing.T) {
	cases := []struct {
		line, prog string
		want       []string
	}{
		{`NODE_OPTIONS="--require ./x.cjs" npm test`, "npm", []string{"./x.cjs"}},
		{`export NODE_OPTIONS='--import=/tmp/l.mjs'; npm test`, "npm", []string{"/tmp/l.mjs"}},
		{`NODE_OPTIONS="-r dotenv/config" npm start`, "npm", nil},
		{`env -S 'NODE_OPTIONS=--require=./x.cjs npm test'`, "npm", []string{"./x.cjs"}},
		{`env -S'NODE_OPTIONS="-r ./x.cjs"' npm test`, "npm", []string{"./x.cjs"}},
		{`env -iS 'PATH=/usr/bin NODE_OPTIONS=-r=./x.cjs npm test'`, "npm", nil},
		{`env -iS 'PATH=/usr/bin NODE_OPTIONS=--require=./x.cjs npm test'`, "npm", []string{"./x.cjs"}}, // a cluster before S
		{`env -0vS'NODE_OPTIONS=--require=./x.cjs' npm test`, "npm", []string{"./x.cjs"}},
		{`env NODE_OPTIONS='-r ./x.cjs' npm test -S x`, "npm", []string{"./x.cjs"}},
		{`PERL5OPT=-MData::Hook perl -Ilib script.pl`, "perl", []string{"lib/Data/Hook.pm", "script.pl"}},
		{`perl -Ilib -MData::Hook=run script.pl`, "perl", []string{"lib/Data/Hook.pm", "script.pl"}},
		{`PERL5LIB=/tmp:vendor PERL5OPT='-d:Trace' prove -l t/`, "prove", []string{"/tmp/Devel/Trace.pm", "vendor/Devel/Trace.pm"}},
		{`PERL5OPT=-MCarp::Always prove -l t/`, "prove", nil},
		{`RUBYLIB=/tmp RUBYOPT=-rhook bundle exec rspec`, "rspec", []string{"/tmp/hook.rb"}},
		{`ruby -I /tmp/lib -r ./h.rb -rjson app.rb`, "ruby", []string{"./h.rb", "/tmp/lib/json.rb", "app.rb"}},
		{`perl -wI/tmp/lib -MHook s.pl`, "perl", []string{"/tmp/lib/Hook.pm", "s.pl"}},        // a cluster led by -w
		{`perl -w -wMHook -Mlib=/tmp/lib s.pl`, "perl", []string{"/tmp/lib/Hook.pm", "s.pl"}}, // -Mlib= is -I
		{`PERL5LIB=/tmp perl -dt:Hook s.pl`, "perl", []string{"/tmp/Devel/Hook.pm", "s.pl"}},
		{`ruby -wI/tmp/lib -rhook app.rb`, "ruby", []string{"/tmp/lib/hook.rb", "app.rb"}},
		{`ruby -r /tmp/hook app.rb`, "ruby", []string{"/tmp/hook", "/tmp/hook.rb", "app.rb"}}, // the loader adds .rb
		{`NODE_OPTIONS='--require /tmp/h' npm test`, "npm", []string{"/tmp/h", "/tmp/h.js", "/tmp/h.cjs", "/tmp/h.mjs"}},
	}
	for _, c := range cases {
		checkRuns(t, c.line, c.prog, c.want)
	}
}

// TestCodeLoadsFile checks that code loading a file of its language by a
// path runs it, with the extension its loader adds; a module named by its
// package name is no file.
func TestCodeLoadsFile(t *testing.T) {
	for _, c := range []struct {
		line, prog string
		want       []string
	}{
		{`ruby -e 'require "/tmp/hook"'`, "ruby", []string{"/tmp/hook", "/tmp/hook.rb"}},
		{`ruby -e 'load "./tasks/x.rb"'`, "ruby", []string{"./tasks/x.rb"}},
		{`ruby -e 'require "json"; puts 1'`, "ruby", nil},
		{`perl -e 'require "/tmp/Hook.pm"; do "./x.pl"'`, "perl", []string{"/tmp/Hook.pm", "./x.pl"}},
		{`node -e 'require("/tmp/h.cjs")'`, "node", []string{"/tmp/h.cjs"}},
		{`node -e 'require("fs").readdirSync(".")'`, "node", nil},
		{`node -e 'console.log(require("./package.json").version)'`, "node", nil}, // data, parsed
	} {
		checkRuns(t, c.line, c.prog, c.want)
	}
}

// TestPerlModuleSwitchCode: a -M module name is no code of its own (the
// script operand still runs), while a -M value carrying code after the
// name is code, and -M beside -e is part of the one-liner.
func TestPerlModuleSwitchCode(t *testing.T) {
	for _, c := range []struct {
		words []string
		code  bool
	}{
		{[]string{"perl", "-MData::Dumper", "s.pl"}, false},
		{[]string{"perl", "-MList::Util=sum,max", "s.pl"}, false},
		{[]string{"perl", "-Mx;print(1)", "s.pl"}, true},
		{[]string{"perl", "-MPOSIX", "-e", "print 1"}, true},
	} {
		if _, _, ok := interpCode(c.words); ok != c.code {
			t.Errorf("interpCode(%q): code %v, want %v", c.words, ok, c.code)
		}
	}
}
