package catalog

import "testing"

// TestCodespaceSSHRunsItsCommand: gh codespace ssh runs the words after
// -- in the codespace, as kubectl exec does in a pod; its other verbs are
// the codespace's own and run nothing.
func TestCodespaceSSHRunsItsCommand(t *testing.T) {
	ssh := Default().Classify("gh", []string{"codespace", "ssh", "-c", "fluffy", "--", "cat", "x"})
	if ssh.Entry == nil || ssh.Entry.Prop("runs-after") != "--" {
		t.Fatalf("gh codespace ssh: entry %v, want runs-after=--", ssh.Entry)
	}
	if list := Default().Classify("gh", []string{"codespace", "list"}); list.Entry == nil || list.Entry.Prop("runs-after") != "" {
		t.Errorf("gh codespace list: entry %v runs a command", list.Entry)
	}
}
