package shell

import "testing"

func TestTranslateCmdExe(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{`rd /s /q C:\work\build`, `rm -r -f /mnt/c/work/build`},
		{`rmdir C:\work\empty`, `rmdir /mnt/c/work/empty`},
		{`del /q notes.txt`, `rm -f notes.txt`},
		{`del /f /s /q %USERPROFILE%\*`, `rm -r -f '~/'`},
		{`rd /s /q %SystemRoot%`, `rm -r -f /mnt/c/Windows`},
		{`del /s /q D:\cache\*`, `rm -r -f /mnt/d/cache/`},
		{`type "C:\work\read me.txt"`, `cat '/mnt/c/work/read me.txt'`},
		{`copy a.txt C:\out`, `cp a.txt /mnt/c/out`},
		{`npm test && git status`, "npm test\ngit status"},
		{`format E: /q`, `mkfs /mnt/e/`},
	} {
		if got := translateCmdExe(tc.in); got != tc.want {
			t.Errorf("translateCmdExe(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestCmdExeCode(t *testing.T) {
	for _, tc := range []struct {
		words []string
		want  string
		ok    bool
	}{
		{[]string{"cmd.exe", "/c", "dir"}, "dir", true},
		{[]string{"CMD", "/Q", "/C", "npm", "test"}, "npm test", true},
		{[]string{"cmd.exe", "/c"}, "", false},
		{[]string{"cmd.exe", "script.bat"}, "", false},
	} {
		got, ok := cmdExeCode(tc.words)
		if got != tc.want || ok != tc.ok {
			t.Errorf("cmdExeCode(%q) = %q, %v; want %q, %v", tc.words, got, ok, tc.want, tc.ok)
		}
	}
}

// format run by its bare name is Windows' only when given a drive.
func TestDriveFormat(t *testing.T) {
	for _, tc := range []struct {
		words []string
		want  bool
	}{
		{[]string{"format", "D:", "/q", "/y"}, true},
		{[]string{"FORMAT", `e:\`}, true},
		{[]string{"format", "src/"}, false},
		{[]string{"format"}, false},
		{[]string{"format", "--help"}, false},
	} {
		if got := driveFormat(tc.words); got != tc.want {
			t.Errorf("driveFormat(%q) = %v, want %v", tc.words, got, tc.want)
		}
	}
}
