package engine

import (
	"testing"

	"rampart.dev/pkg/call"
)

func TestWindowsReading(t *testing.T) {
	for _, tc := range []struct {
		line, want string
		ok         bool
	}{
		// written for Windows: unquoted backslashes kept
		{`cmd.exe /c type %USERPROFILE%\.ssh\id_ed25519`, `cmd.exe /c type %USERPROFILE%\\.ssh\\id_ed25519`, true},
		{`cmd /c rd /s /q C:\Users\dev`, `cmd /c rd /s /q C:\\Users\\dev`, true},
		{`msbuild.exe \\203.0.113.50\s\payload.csproj`, `msbuild.exe \\\\203.0.113.50\\s\\payload.csproj`, true},
		{`tool.exe --out C:\tmp\x`, `tool.exe --out C:\\tmp\\x`, true},
		// quoted text is as both shells read it
		{`cmd.exe /c "type C:\Users\dev\x"`, "", false},
		{`cmd.exe /c "msbuild.exe \\203.0.113.50\s\p.csproj"`, `cmd.exe /c "msbuild.exe \\\\203.0.113.50\s\p.csproj"`, true},
		{`powershell -c 'gc $env:APPDATA\x'`, "", false},
		// an escaped quote or blank keeps the POSIX reading
		{`cmd /c echo \"hi\" C:\x`, `cmd /c echo \"hi\" C:\\x`, true},
		{`cmd /c dir my\ dir`, "", false},
		// not written for Windows: left alone
		{`find . -name \*.pyc -delete`, "", false},
		{`grep -r foo\|bar src`, "", false},
		{`echo a\nb`, "", false},
		{`git status`, "", false},
		{`find . -name '*.tmp' -exec rm {} \;`, "", false},
		{`TOOL.EXE --out C:\tmp\x`, `TOOL.EXE --out C:\\tmp\\x`, true},
		{`$ENV:APPDATA\x`, `$ENV:APPDATA\\x`, true},
		// PowerShell's other spellings of the home, and a quoted variable
		{`gc ${env:USERPROFILE}\.ssh\id_rsa`, `gc ${env:USERPROFILE}\\.ssh\\id_rsa`, true},
		{`gc ~\.ssh\id_rsa`, `gc ~\\.ssh\\id_rsa`, true},
		{`gc $HOME\.ssh\id_rsa`, `gc $HOME\\.ssh\\id_rsa`, true},
		{`type "%USERPROFILE%"\.ssh\id_rsa`, `type "%USERPROFILE%"\\.ssh\\id_rsa`, true},
		{`ls ~\*.txt`, `ls ~\\*.txt`, true},
		{`echo $HOMER\x`, "", false},
		// a $ inside double quotes reaches PowerShell as written: cmd.exe
		// expands none
		{`pwsh -c "$s = irm https://x.example; $s.name"`, `pwsh -c "\$s = irm https://x.example; \$s.name"`, true},
		{`pwsh -c "gc (Join-Path $HOME '.ssh/id_rsa')"`, `pwsh -c "gc (Join-Path \$HOME '.ssh/id_rsa')"`, true},
		{`echo "$HOME" done`, "", false},
		{`explorer.exe "$(wslpath -w dist)"`, "", false},
		{`FILE='payload.ps1x'; pwsh "${FILE%x}"`, "", false},
		{`pwsh -File "$SCRIPT" -Command x`, "", false},
		{`pwsh -NoProfile -Command "$r = irm https://x.example; $r.name"`, `pwsh -NoProfile -Command "\$r = irm https://x.example; \$r.name"`, true},
		{`pwsh -c '$s.name'`, "", false},
		{`\x y`, "", false},
	} {
		got, ok := windowsReading(tc.line)
		if ok != tc.ok || got != tc.want {
			t.Errorf("windowsReading(%q) = %q, %v; want %q, %v", tc.line, got, ok, tc.want, tc.ok)
		}
	}
}

func TestWindowsLinesJudged(t *testing.T) {
	e := standard(t)
	for _, tc := range []struct {
		line string
		want call.Action
	}{
		{`cmd.exe /c type %USERPROFILE%\.ssh\id_ed25519`, call.Deny},
		{`cmd /c rd /s /q C:\Users\dev`, call.Deny},
		{`cmd.exe /c dir C:\Users\dev\project`, call.Allow},
		{`cmd.exe /c type C:\Users\dev\project\README.md`, call.Allow},
	} {
		if d := e.Evaluate(mkCall(call.ToolExec, tc.line)); d.Decision != tc.want {
			t.Errorf("%s: %v (%s), want %v", tc.line, d.Decision, d.Message, tc.want)
		}
	}
}
