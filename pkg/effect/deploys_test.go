package effect

import "testing"

func TestLookCompound(t *testing.T) {
	for w, want := range map[string]bool{
		"get-role": true, "describe-services": true, "list-deployments": true, "read": false,
		"deploy": false, "update-service": false, "get": false, "get/role": false,
	} {
		if got := lookCompound(w); got != want {
			t.Errorf("lookCompound(%q) = %v, want %v", w, got, want)
		}
	}
}

func TestTargetDryRun(t *testing.T) {
	if !targetDryRun([]string{"-n", "deploy", "ENV=production"}) || !targetDryRun([]string{"deploy", "--dry-run"}) {
		t.Error("a task runner's dry run not seen")
	}
	if targetDryRun([]string{"deploy", "--", "-n"}) || targetDryRun([]string{"deploy", "ENV=production"}) {
		t.Error("a run read as a dry run")
	}
}
