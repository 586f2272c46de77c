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
		{`env NODE_OPTIONS='-r ./x.cjs' npm test -S x`, "npm", []string{"./x.cjs"}},
		{`PERL5OPT=-MData::Hook perl -Ilib script.pl`, "perl", []string{"lib/Data/Hook.pm", "script.pl"}},
		{`perl -Ilib -MData::Hook=run script.pl`, "perl", []string{"lib/Data/Hook.pm", "script.pl"}},
		{`PERL5LIB=/tmp:vendor PERL5OPT='-d:Trace' prove -l t/`, "prove", []string{"/tmp/Devel/Trace.pm", "vendor/Devel/Trace.pm"}},
		{`PERL5OPT=-MCarp::Always prove -l t/`, "prove", nil},
		{`RUBYLIB=/tmp RUBYOPT=-rhook bundle exec rspec`, "rspec", []string{"/tmp/hook.rb"}},
		{`ruby -I /tmp/lib -r ./h.rb -rjson app.rb`, "ruby", []string{"./h.rb", "/tmp/lib/json.rb", "app.rb"}},
	}
	for _, c := range cases {
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
