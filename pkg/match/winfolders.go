package match

import "strings"

// winFolders are the variables an agent on Windows writes a well-known
// folder with at the start of a path it reads or writes (cmd.exe's
// %USERPROFILE%, %HOMEPATH% and %SystemDrive%\Users\%USERNAME%,
// PowerShell's $env:USERPROFILE, ${env:USERPROFILE} and $HOME followed by
// a backslash), longest first, and the
// place each stands for under the home, as shell/cmdexe.go reads the same
// variables on a command line: the home is a home however it is named.
var winFolders = [...][2]string{
	{"%HOMEDRIVE%%HOMEPATH%", ""}, {"%USERPROFILE%", ""}, {"%LOCALAPPDATA%", "/AppData/Local"}, {"%APPDATA%", "/AppData/Roaming"},
	{"%TEMP%", "/AppData/Local/Temp"}, {"%TMP%", "/AppData/Local/Temp"},
	{"$env:USERPROFILE", ""}, {"$env:LOCALAPPDATA", "/AppData/Local"}, {"$env:APPDATA", "/AppData/Roaming"},
	{"$env:TEMP", "/AppData/Local/Temp"}, {"$env:TMP", "/AppData/Local/Temp"}, {"$env:HOME", ""},
	{"${env:USERPROFILE}", ""}, {"${env:LOCALAPPDATA}", "/AppData/Local"}, {"${env:APPDATA}", "/AppData/Roaming"},
	{"${env:HOME}", ""}, {"%SystemDrive%\\Users\\%USERNAME%", ""}, {"C:\\Users\\%USERNAME%", ""},
	{"%HOMEPATH%", ""}, {"$HOME", ""},
}

// winFolderAt reports a path that starts with one of winFolders.
func winFolderAt(p string) bool {
	_, ok := winFolderPath(p, "~")
	return ok
}

// winFolderPath is p with a leading folder variable (%USERPROFILE%\.ssh\x)
// put as the place under home it stands for, backslashes as slashes; ok
// is false when p starts with none.
func winFolderPath(p, home string) (string, bool) {
	for _, f := range winFolders {
		if len(p) >= len(f[0]) && strings.EqualFold(p[:len(f[0])], f[0]) {
			rest := strings.ReplaceAll(p[len(f[0]):], `\`, "/")
			if rest != "" && rest[0] != '/' {
				return "", false // %USERPROFILE%x is no folder
			}
			return home + f[1] + rest, true
		}
	}
	return "", false
}
