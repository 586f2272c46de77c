package catalog

import "testing"

// Every role's name reads back as the role, and a name that is no role's
// reads as none.
func TestRoleNames(t *testing.T) {
	for r := Data; r <= Method; r++ {
		n := r.String()
		if n == "none" {
			t.Fatalf("role %d has no name", r)
		}
		if got, ok := roleNamed(n); !ok || got != r {
			t.Errorf("roleNamed(%q) = %v, %v; want %v", n, got, ok, r)
		}
	}
	for _, n := range []string{"", "none", "Data", "reads", "sql "} {
		if r, ok := roleNamed(n); ok || r != None {
			t.Errorf("roleNamed(%q) = %v, %v; want none", n, r, ok)
		}
	}
	if None.String() != "none" || Role(200).String() != "none" {
		t.Error("a role without a name is not none")
	}
}
