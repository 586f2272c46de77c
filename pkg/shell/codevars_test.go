package shell

import "testing"

// TestCodeVariables: a name assigned a readable value once is read as that
// value; one assigned twice, or something unreadable, stays unknown; a
// keyword argument is not an assignment.
func TestCodeVariables(t *testing.T) {
	for _, tc := range []struct {
		lang, code, name string
		want             string
		known, found     bool
	}{
		{"python", "p='/x/y'; open(p)", "p", "/x/y", true, true},
		{"python", "import os;p=os.path.join('/a','b','c')", "p", "/a/b/c", true, true},
		{"python", "p='/x'\np='/y'", "p", "", false, false},
		{"python", "open(f, mode='w')", "mode", "", false, false},
		{"python", "d=json.load(open('x'))", "d", "$_", false, true},
		{"node", "const p = '/etc/x'; fs.writeFileSync(p, 'x')", "p", "/etc/x", true, true},
		{"perl", "my $f = '/etc/x'; unlink $f", "$f", "/etc/x", true, true},
		{"php", `$f = "/a" . "/b"; unlink($f);`, "$f", "/a/b", true, true},
		{"python", "if a == b: pass", "a", "", false, false},
	} {
		sc := scanner{lang: tc.lang, code: tc.code}
		v, ok := sc.assignments()[tc.name]
		if ok != tc.found || ok && (v.known != tc.known || tc.known && v.str != tc.want) {
			t.Errorf("%s %q: %s = %+v, %v; want %q known %v, found %v", tc.lang, tc.code, tc.name, v, ok, tc.want, tc.known, tc.found)
		}
	}
}

// TestFixedListBareCall: perl's call without brackets (system @cmd) hands
// the list over whole, as system(@cmd) does, so the list keeps the words
// its assignment shows; one grown or used twice does not.
func TestFixedListBareCall(t *testing.T) {
	for _, tc := range []struct {
		code  string
		known bool
	}{
		{`@cmd = ("git", "status"); system @cmd`, true},
		{`my @cmd = ("git", "status"); system @cmd;`, true},
		{`@cmd = ("git", "status"); system(@cmd)`, true},
		{`@cmd = ("git", "status"); exec @cmd or die`, true},
		{`@cmd = ("git", "status"); system @cmd . "x"`, false},
		{`@cmd = ("git"); push @cmd, $ENV{HOME}; system @cmd`, false},
		{`@cmd = ("git", "status"); print @cmd; system @cmd`, false},
	} {
		sc := scanner{lang: "perl", code: tc.code}
		v, ok := sc.assignments()["@cmd"]
		if !ok || !v.list || v.known != tc.known {
			t.Errorf("%q: @cmd = %+v, %v; want a list, known %v", tc.code, v, ok, tc.known)
		}
	}
	// the call reads the list's words and nothing is left unread
	r := Parse(`perl -e '@cmd = ("git", "status"); system @cmd'`)
	var ran bool
	for _, c := range r.Commands {
		if c.Name == "perl" && len(c.Code.Opaque) > 0 {
			t.Errorf("perl's system @cmd left opaque: %q", c.Code.Opaque)
		}
		ran = ran || c.Name == "git" && len(c.Args) == 1 && c.Args[0] == "status"
	}
	if !ran {
		t.Errorf("perl's system @cmd: git status not reported")
	}
}
