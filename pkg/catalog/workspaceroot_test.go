package catalog

import "testing"

// TestWorkspaceRootSwitch: pnpm's -w (--workspace-root) takes no value, so
// the package after it is still what is installed; npm's -w NAME does.
func TestWorkspaceRootSwitch(t *testing.T) {
	for _, tc := range []struct {
		name string
		args []string
		pkg  string
	}{
		{"pnpm", []string{"add", "-w", "github:someone/plugin#main"}, "github:someone/plugin#main"},
		{"pnpm", []string{"add", "-D", "-w", "github:someone/plugin"}, "github:someone/plugin"},
		{"pnpm", []string{"-w", "add", "github:someone/plugin"}, "github:someone/plugin"},
		{"yarn", []string{"add", "-W", "github:someone/plugin"}, "github:someone/plugin"},
		{"npm", []string{"install", "-w", "packages/core", "github:someone/plugin"}, "github:someone/plugin"},
	} {
		cl := Default().Classify(tc.name, tc.args)
		found := false
		for _, w := range cl.Words {
			if w.Role == Package && w.Text == tc.pkg {
				found = true
			}
			if w.Role == Package && w.Text == "packages/core" {
				t.Errorf("%s %v: npm's -w value read as a package", tc.name, tc.args)
			}
		}
		if !found {
			t.Errorf("%s %v: %q not read as the package installed; words %+v", tc.name, tc.args, tc.pkg, cl.Words)
		}
	}
}
