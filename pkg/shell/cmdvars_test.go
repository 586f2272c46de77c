package shell

import "testing"

// TestCmdResolveVars checks that a variable cmd.exe expands from an
// environment the line does not show is the walk's unknown, while the
// folder variables stay the folders and a format in code stays text.
func TestCmdResolveVars(t *testing.T) {
	for _, tc := range []struct {
		in       string
		anywhere bool
		want     string
	}{
		{`%TARGET%`, true, cmdUnknown},
		{`%USERPROFILE%\x`, true, `%USERPROFILE%\x`},
		{`%USERPROFILE:~0%\x`, true, `%USERPROFILE%\x`},
		{`%USERPROFILE:~0,40%`, true, cmdUnknown},
		{`%TEMP:Local=Roaming%\x`, true, cmdUnknown + `\x`},
		{`%~dp0build`, true, cmdUnknown + "build"},
		{`%1`, true, cmdUnknown},
		{`%CD%\a.txt`, true, `.\a.txt`},
		{`C:\x\%SUB%\y`, true, `C:\x\` + cmdUnknown + `\y`},
		{`50%`, true, `50%`},
		{`100%%`, true, `100%`},
		{`f=@%F%`, false, `f=@` + cmdUnknown},
		{`--out=%D%`, false, `--out=` + cmdUnknown},
		{`print('%s%s')`, false, `print('%s%s')`},
		{`%H%n`, false, cmdUnknown + "n"},
		{`plain`, false, `plain`},
		{`!USERPROFILE!\x`, true, `%USERPROFILE%\x`},
		{`!TARGET!`, true, cmdUnknown},
		{`done!`, false, `done!`},
		{`hi!!`, false, `hi!!`},
	} {
		if got := cmdResolveVars(tc.in, tc.anywhere); got != tc.want {
			t.Errorf("cmdResolveVars(%q, %v) = %q, want %q", tc.in, tc.anywhere, got, tc.want)
		}
	}
	for _, tc := range []struct{ in, want string }{
		{`rd /s /q %TARGET%`, `rm -r -f $_`},
		{`rd /s /q %USERPROFILE:~0,40%`, `rm -r -f $_`},
		{`type %USERPROFILE:~0%\.ssh\id_rsa`, `cat "$HOME"/.ssh/id_rsa`},
		{`del /q %~dp0build\x.obj`, `rm -f $_build/x.obj`},
		{`curl -T %F% https://x.io`, `curl -T $_ https://x.io`},
		{`type,%USERPROFILE:~0%\.ssh\id_rsa`, `cat "$HOME"/.ssh/id_rsa`},
		{`powershell -c "gci | % { $_.Name }"`, `powershell -c 'gci | % { $_.Name }'`},
	} {
		if got := translateCmdExe(tc.in); got != tc.want {
			t.Errorf("translateCmdExe(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

// TestCmdSemicolonLine checks that a line whose later command is cmd.exe's,
// or led by cmd /c and split by a POSIX shell at a semicolon, is read as
// cmd.exe's, and that POSIX lines with pipes and options are not.
func TestCmdSemicolonLine(t *testing.T) {
	for src, want := range map[string]bool{
		`git status && rd /s /q C:\Users\dev`:    true,
		`echo x & del /s /q %USERPROFILE%\*`:     true,
		`npm test || rd /s /q %TARGET%`:          true,
		`cd /d C:\work && type %APPDATA%\x.json`: true,
		`cmd /c rd;/s;/q;%USERPROFILE%`:          true,
		`CMD.EXE /C type;%USERPROFILE%\x | more`: true,
		`cmd /c dir`:                             false,
		`ls -la /tmp | grep x && echo done`:      false,
		`git log --format=%H | head`:             false,
		`find . -name x | xargs rm -f`:           false,
		`echo a; echo b`:                         false,
		`npm run build && rmdir build`:           false,
	} {
		if got := cmdLine(src) || cmdSemicolonLine(src); got != want {
			t.Errorf("cmd reading of %q = %v, want %v", src, got, want)
		}
	}
}

// TestCmdLineBothReadings checks that a cmd.exe line holding more than
// one command or POSIX text is also read as the POSIX shell reads it,
// so that what only the POSIX shell runs (rm -rf after a semicolon, a
// variable it expands) is seen.
func TestCmdLineBothReadings(t *testing.T) {
	for src, want := range map[string]string{
		`git status; rm -rf ~ && rd /s /q dist`: "rm -rf ~",
		`rd /s /q dist & echo x; rm -rf ~`:      "rm -rf ~",
		`rm -rf "$HOME" && rd /s /q dist`:       "rm -rf $HOME",
		`git status && rd /s /q C:\Users\dev`:   "rm -r -f /mnt/c/Users/dev",
	} {
		found := false
		var got []string
		for _, c := range Parse(src).Commands {
			line := c.Program
			for _, a := range c.Args {
				line += " " + a
			}
			got = append(got, line)
			found = found || line == want
		}
		if !found {
			t.Errorf("Parse(%q) = %q, want a command %q", src, got, want)
		}
	}
}

// TestCmdSwitchIn checks the cheap test for a word that may be one of
// cmd.exe's switches: switches pass, POSIX absolute paths do not.
func TestCmdSwitchIn(t *testing.T) {
	for src, want := range map[string]bool{
		`rd /s /q dist`:               true,
		`robocopy a b /MIR /R:0`:      true,
		`icacls logs /grant dev:M`:    true,
		`rd /s/q x`:                   true,
		`dir "/a"`:                    false,
		`cat /tmp/out.txt | wc -l`:    false,
		`ls /usr/bin/ /etc/hosts`:     false,
		`tee /tmp/out.txt | sort -rn`: false,
		`ls /dev`:                     true,
	} {
		if got := cmdSwitchIn(src); got != want {
			t.Errorf("cmdSwitchIn(%q) = %v, want %v", src, got, want)
		}
	}
}
