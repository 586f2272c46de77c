package audit

import "testing"

func TestAdapterName(t *testing.T) {
	for _, tc := range []struct{ via, want string }{
		{"serve", "rampart-serve"},
		{"mcp", "rampart-mcp"},
		{"hook", "rampart-hook"},
		{"rampart-serve", "rampart-serve"},
		{"rampart-eval", "rampart-eval"},
		{"", ""},
		{"something-else", "something-else"},
	} {
		if got := AdapterName(tc.via); got != tc.want {
			t.Errorf("AdapterName(%q) = %q, want %q", tc.via, got, tc.want)
		}
	}
	for _, a := range Adapters {
		if AdapterName(a) != a {
			t.Errorf("AdapterName(%q) = %q, want it unchanged", a, AdapterName(a))
		}
	}
}
