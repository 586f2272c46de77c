package shell

import (
	"slices"
	"testing"
)

func TestAssignedValues(t *testing.T) {
	for _, tc := range []struct {
		code, name string
		values     []string
		compound   bool
	}{
		{`u = 'https://a'; get(u)`, "u", []string{`'https://a'; get(u)`}, false},
		{`const u='x'; u = y`, "u", []string{`'x'; u = y`, `y`}, false},
		{`base = 'a'; base += 'b'`, "base", []string{`'a'; base += 'b'`}, true},
		{`b := f()`, "b", nil, true},
		{`if u == 'x' or u=>1: pass`, "u", nil, false},
		{`self.u = 'x'; uu = 'y'; $u = 'z'`, "u", nil, false},
		{`verb='patch'`, "", nil, false},
		{"u = 'https://a'\nfor u in hooks:\n    post(u)", "u", []string{"'https://a'\nfor u in hooks:\n    post(u)"}, true},
		{"let u='a'; for (const [k, u] of xs) f(u)", "u", []string{"'a'; for (const [k, u] of xs) f(u)"}, true},
		{"def send(u='https://a'):\n    post(u)\nsend(h)", "u", nil, true},
		{"def me(u='https://a'):\n    get(u)\nme()", "u", []string{"'https://a'):\n    get(u)\nme()"}, false},
		{"const me=(u='a')=>f(u); me()", "u", []string{"'a')=>f(u); me()"}, false},
		{"const send=(u='a')=>f(u); send(x)", "u", nil, true},
		{"print(dict(u='a'))", "u", nil, true},
		{"def f(u='a'):\n    get(u)\nlist(map(f, hs))", "u", nil, true},
		{"const {hook: u = 'a'} = cfg", "u", nil, true},
		{"let u='a'; [u] = xs; f(u)", "u", []string{"'a'; [u] = xs; f(u)"}, true},
		{"let u='a'; ({k: u} = cfg); f(u)", "u", []string{"'a'; ({k: u} = cfg); f(u)"}, true},
		{"u = 'a'\nu, n = h, 1", "u", []string{"'a'\nu, n = h, 1"}, true},
		{"u: str = h", "u", nil, true},
		{"with open(p) as u:\n    pass", "u", nil, true},
		{"for u in ['https://a', 'https://b']:\n    get(u)", "u", []string{"'https://a', 'https://b']:\n    get(u)", "'https://b']:\n    get(u)"}, false},
		{"for k, u in [('a', 'https://a')]:\n    get(u)", "u", nil, true},
		{"requests.post(u, headers=h); u = 'a'", "u", []string{"'a'"}, false},
		{"function f() { const u = 'a'; return g(u, {x: 1}) }", "u", []string{"'a'; return g(u, {x: 1}) }"}, false},
		{"const o = {u: 1}; get(str(u), x=2)", "u", nil, false},
	} {
		values, compound := AssignedValues(tc.code, tc.name)
		if !slices.Equal(values, tc.values) || compound != tc.compound {
			t.Errorf("AssignedValues(%q, %q) = %q, %v; want %q, %v", tc.code, tc.name, values, compound, tc.values, tc.compound)
		}
	}
}
