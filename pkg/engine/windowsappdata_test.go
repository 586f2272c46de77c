package engine

import (
	"testing"

	"rampart.dev/pkg/call"
)

// A Windows home's AppData named from the home (cmd.exe's %APPDATA%,
// PowerShell's $env:LOCALAPPDATA, both read as under ~) holds what
// ~/.config and ~/.local/share hold: gh's login is a credential there as
// it is under /mnt/c/Users/NAME/AppData.
func TestHomeAppDataIsTheWindowsHomes(t *testing.T) {
	e := standard(t)
	for _, tt := range []struct {
		tool, arg string
		want      call.Action
	}{
		{"read", "/home/dev/AppData/Roaming/gh/hosts.yml", call.Deny},
		{"read", "/mnt/c/Users/dev/AppData/Roaming/gh/hosts.yml", call.Deny},
		{"exec", `cmd.exe /c "type %APPDATA%\gh\hosts.yml"`, call.Deny},
		{"read", "/home/dev/AppData/Roaming/Code/User/settings.json", call.Allow},
		{"exec", `cmd.exe /c "del /s /q %TEMP%\webapp-build"`, call.Allow},
	} {
		if d := e.Evaluate(mkCall(tt.tool, tt.arg)); d.Decision != tt.want {
			t.Errorf("%s %q = %v (%s), want %v", tt.tool, tt.arg, d.Decision, d.Message, tt.want)
		}
	}
}
