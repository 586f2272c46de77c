package catalog

import "testing"

// TestSubBare: a program whose options alone are one subcommand's (llm -s
// TEXT prompts), beside its named subcommands and a positional that names
// none (sub-else).
func TestSubBare(t *testing.T) {
	c := Default()
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"-s", "explain"}, "llm prompt"},
		{[]string{"-m", "gpt-4o", "-s", "x"}, "llm prompt"},
		{[]string{"hello"}, "llm prompt"},
		{[]string{"keys", "get", "openai"}, "llm keys get"},
		{[]string{"models", "list"}, "llm models"},
		{nil, "llm prompt"},
	} {
		e, _ := c.Lookup("llm", tc.args)
		if e == nil || e.Name != tc.want {
			got := "<nil>"
			if e != nil {
				got = e.Name
			}
			t.Errorf("Lookup(llm %q) = %s, want %s", tc.args, got, tc.want)
		}
	}
	// pnpm's sub-else is not a sub-bare: pnpm alone stays pnpm
	if e, _ := c.Lookup("pnpm", nil); e == nil || e.Name != "pnpm" {
		t.Errorf("Lookup(pnpm) = %v, want pnpm itself", e)
	}
}
