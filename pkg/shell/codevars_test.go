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
