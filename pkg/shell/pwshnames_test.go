package shell

import "testing"

// A word in a cmdlet's shape is PowerShell; a POSIX program that shares
// a verb, written in lower case, is not.
func TestPwshCmdletShape(t *testing.T) {
	for _, tc := range []struct {
		word string
		want bool
	}{
		{"Set-MpPreference", true},
		{"New-NetFirewallRule", true},
		{"Set-ExecutionPolicy", true},
		{"Get-FileHash", true},
		{"Register-ScheduledTask", true},
		{"update-alternatives", false},
		{"install-info", false},
		{"start-stop-daemon", false},
		{"Foo-Bar", false},
		{"Set-", false},
		{"Set-mp", false},
		{"Set-Mp.exe", false},
	} {
		if got := pwshCmdletShape(tc.word); got != tc.want {
			t.Errorf("pwshCmdletShape(%q) = %v, want %v", tc.word, got, tc.want)
		}
	}
}

// An agent's PowerShell tool running a cmdlet the translation table does
// not name: a read-only verb looks, any other is unknown.
func TestUnlistedCmdletUnknown(t *testing.T) {
	for _, tc := range []struct {
		line    string
		unknown bool
	}{
		{"Set-MpPreference -DisableRealtimeMonitoring $true", true},
		{"New-NetFirewallRule -DisplayName Dev -Direction Inbound -LocalPort 3000 -Action Allow", true},
		{"Get-FileHash ./dist/app.zip", false},
		{"Test-Path ./build", false},
	} {
		unknown := false
		for _, c := range Parse(tc.line).Commands {
			if len(c.Unknown) > 0 || c.Name == "$_" {
				unknown = true
			}
		}
		if unknown != tc.unknown {
			t.Errorf("%q: unknown = %v, want %v", tc.line, unknown, tc.unknown)
		}
	}
}
