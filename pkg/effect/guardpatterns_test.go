package effect

import "testing"

// TestPatternPicksGuard: a pattern that matches Rampart's program names
// without spelling them picks the guard; one that matches every process,
// or no guard, does not.
func TestPatternPicksGuard(t *testing.T) {
	for w, want := range map[string]bool{
		"ramp.rt-serve": true, "r.mpart": true, "^ramp": true, "r(a)mpart": true, "RAMP.RT": true,
		".": false, ".*": false, "e": false, "^node": false, "next dev": false, "serve": false, "[": false,
		"art-serve": true, "rt-serv[e]": true, "hook-fas[t]": true, "127.0.0.1:909[0]": true, "--addr 127.0.0.1:9090": true,
		"mpart-hook": true, "vite": false, "node server.js": false, "server": false, "hook": false, "http.server": false,
	} {
		if got := patternPicksGuard(w); got != want {
			t.Errorf("patternPicksGuard(%q) = %v, want %v", w, got, want)
		}
	}
	if got := awkPatterns(`$2 ~ /^ramp/ && /x/ {print $1}`); len(got) != 2 || got[0] != "^ramp" {
		t.Errorf("awkPatterns = %q", got)
	}
}

// TestApprovalText: the request a word spells, as the server routes it.
func TestApprovalText(t *testing.T) {
	for in, want := range map[string]string{
		"http://127.0.0.1:9090/v1/./approvals/X/resolve":    "http://127.0.0.1:9090/v1/approvals/X/resolve",
		"http://127.0.0.1:9090/v1//%61pprovals/X/res%6Flve": "http://127.0.0.1:9090/v1/approvals/X/resolve",
		"r.post('http://h:9090/v1/approv' 'als/X/resolve')": "r.post('http://h:9090/v1/approvals/X/resolve')",
		"'/v1/' + 'approvals/' + i":                         "'/v1/approvals/' + i",
		"http://127.0.0.1:9090/v1/approvals?status=pending": "http://127.0.0.1:9090/v1/approvals?status=pending",
	} {
		if got := approvalText(in); got != want {
			t.Errorf("approvalText(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestUnboundedShellPrefixes: a tool pattern whose prefix is a shell or a
// program that runs the rest allows every command; one naming a command
// does not. Settings given as JSON are read with their escapes decoded.
func TestUnboundedShellPrefixes(t *testing.T) {
	for tool, want := range map[string]bool{
		"Bash(sh:*)": true, "Bash(env:*)": true, "Bash(python3:*)": true, "ShellTool": true,
		"Bash(npm test:*)": false, "Bash(git log:*)": false, "ShellTool(git status)": false, "Bash(sh)": false,
	} {
		if got := unboundedShellTool(tool); got != want {
			t.Errorf("unboundedShellTool(%q) = %v, want %v", tool, got, want)
		}
	}
	if got := compactJSON("{\"a\":\t\"b\\u0050\"}"); got != `{"a":"bP"}` {
		t.Errorf("compactJSON = %q", got)
	}
	if got := settingsAllowsShell(`{"permissions":{"allow":["Read","Bash"]}}`); got != "Bash" {
		t.Errorf("settingsAllowsShell = %q", got)
	}
	if !approvalsOffSetting(`"approval_policy"`, "never") || !approvalsOffSetting("profiles.yolo.approval_policy", "never") {
		t.Error("approvalsOffSetting: quoted and profile keys not read")
	}
}
