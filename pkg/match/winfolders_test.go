package match

import "testing"

func TestWinFolderPaths(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{`%USERPROFILE%\.ssh\id_rsa`, "/home/dev/.ssh/id_rsa"},
		{`%userprofile%/.aws/credentials`, "/home/dev/.aws/credentials"},
		{`%HOMEDRIVE%%HOMEPATH%\.docker\config.json`, "/home/dev/.docker/config.json"},
		{`%APPDATA%\gh\hosts.yml`, "/home/dev/AppData/Roaming/gh/hosts.yml"},
		{`%LOCALAPPDATA%\Google\Chrome\User Data\Default\Login Data`, "/home/dev/AppData/Local/Google/Chrome/User Data/Default/Login Data"},
		{`$env:USERPROFILE\.ssh\id_ed25519`, "/home/dev/.ssh/id_ed25519"},
		{`%USERPROFILE%`, "/home/dev"},
		{`%USERPROFILE%x`, "/home/dev/project/%USERPROFILE%x"},
		{`%OTHER%\x`, `/home/dev/project/%OTHER%\x`},
		{`$HOME/.ssh/id_rsa`, "/home/dev/.ssh/id_rsa"},
		{`$HOME\.aws\credentials`, "/home/dev/.aws/credentials"},
		{`%HOMEPATH%\.ssh\id_rsa`, "/home/dev/.ssh/id_rsa"},
		{`${env:USERPROFILE}\.ssh\id_ed25519`, "/home/dev/.ssh/id_ed25519"},
		{`%SystemDrive%\Users\%USERNAME%\.ssh\id_rsa`, "/home/dev/.ssh/id_rsa"},
	} {
		if got := CleanPath(tc.in, "/home/dev/project", "/home/dev"); got != tc.want {
			t.Errorf("CleanPath(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}
