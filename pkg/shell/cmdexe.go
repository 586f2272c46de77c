package shell

import (
	"strings"
)

// Windows' command interpreter run from WSL (cmd.exe /c LINE) is read by
// translation, as PowerShell is (pwsh.go): each command of the line
// becomes the POSIX command with the same effect (rd /s becomes rm -r,
// del /s rm -r, type cat, copy cp, move mv, format a mkfs of the drive),
// with drive paths as WSL sees them (C:\Users\dev is /mnt/c/Users/dev),
// and the translation is walked like any shell string. A command it does
// not translate is passed on with its words as written, so a program the
// catalogue knows (npm test, git status) is judged as itself.

// isCmdExe reports whether a program is Windows' command interpreter.
func isCmdExe(name string) bool {
	return foldEqual(name, "cmd.exe") || foldEqual(name, "cmd")
}

// cmdExeCode gives the line cmd.exe runs: the words after /c or /k (in
// any case), joined as cmd.exe joins them.
func cmdExeCode(words []string) (string, bool) {
	for i := 1; i < len(words); i++ {
		w := words[i]
		if foldEqual(w, "/c") || foldEqual(w, "/k") || foldEqual(w, "/r") {
			if i+1 < len(words) {
				return strings.Join(words[i+1:], " "), true
			}
			return "", false
		}
		if !strings.HasPrefix(w, "/") {
			return "", false
		}
	}
	return "", false
}

// translateCmdExe translates a cmd.exe line into a POSIX one.
func translateCmdExe(line string) string {
	var out []string
	for _, part := range cmdSplit(line) {
		if s := translateCmdCommand(cmdWords(part)); s != "" {
			out = append(out, s)
		}
	}
	return strings.Join(out, "\n")
}

// cmdSplit splits a line at cmd.exe's separators (& && || |), outside
// double quotes.
func cmdSplit(line string) []string {
	var parts []string
	quoted, start := false, 0
	for i := 0; i < len(line); i++ {
		switch c := line[i]; {
		case c == '"':
			quoted = !quoted
		case !quoted && (c == '&' || c == '|'):
			parts = append(parts, line[start:i])
			start = i + 1
		}
	}
	return append(parts, line[start:])
}

// cmdWords splits one command into words at spaces outside double quotes,
// the quotes removed; a backslash is a path separator, never an escape.
func cmdWords(s string) []string {
	var words []string
	var b strings.Builder
	quoted, any := false, false
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == '"':
			quoted, any = !quoted, true
		case !quoted && (c == ' ' || c == '\t'):
			if any {
				words = append(words, b.String())
				b.Reset()
				any = false
			}
		default:
			b.WriteByte(c)
			any = true
		}
	}
	if any {
		words = append(words, b.String())
	}
	return words
}

// cmdBuiltins are cmd.exe's commands that translateCmdCommand reads, by
// which a line an agent's Windows shell tool sends starts.
var cmdBuiltins = map[string]bool{
	"del": true, "erase": true, "rd": true, "rmdir": true, "copy": true, "xcopy": true,
	"robocopy": true, "move": true, "ren": true, "rename": true, "type": true,
}

// cmdLine reports a line that is cmd.exe's as an agent's Windows shell
// tool sends it: led by one of cmdBuiltins, with a backslash (which cmd
// keeps as a path separator where sh removes it as an escape: del /s
// C:\Users\dev\* would be C:Usersdev*) and a word only Windows writes so:
// a switch (/s, /q) or a path from a drive (C:\…). Such a line is read
// as cmd /c LINE, so its paths are the paths it names.
func cmdLine(src string) bool {
	if strings.IndexByte(src, '\\') < 0 {
		return false // the common case, decided without allocating
	}
	words := strings.Fields(src)
	if len(words) < 2 || !cmdBuiltins[strings.ToLower(words[0])] {
		return false
	}
	for _, w := range words[1:] {
		if len(w) >= 2 && len(w) <= 3 && w[0] == '/' && (w[1]|0x20) >= 'a' && (w[1]|0x20) <= 'z' || drivePathWord(w) {
			return true
		}
	}
	return false
}

// drivePathWord reports a word that is a path from a drive's root
// written with a backslash (C:\, d:\work).
func drivePathWord(w string) bool {
	w = strings.Trim(w, `"'`)
	return len(w) >= 3 && w[1] == ':' && w[2] == '\\' && (w[0]|0x20) >= 'a' && (w[0]|0x20) <= 'z'
}

// cmdPath is a cmd.exe path word as WSL sees it: backslashes as slashes,
// a drive letter as its mount (C:\* and C:* both the drive's root), and
// the variables that name the user's profile (the home directory, as
// PowerShell's $env:USERPROFILE is read) or the system's folders.
func cmdPath(w string) string {
	w = cmdFolderVars(w)
	w = strings.ReplaceAll(w, `\`, "/")
	if len(w) >= 2 && w[1] == ':' && (len(w) == 2 || w[2] != '/') {
		w = w[:2] + "/" + w[2:]
	}
	w = windowsDrivePath(w)
	if strings.HasSuffix(w, "/*") && len(w) > 2 {
		w = strings.TrimSuffix(w, "*")
	}
	return w
}

// driveFormat reports Windows' format run by its bare name on a drive
// (format D: /q, from an agent's PowerShell or cmd tool): cmd.exe and
// PowerShell find format.com so. The drive letter tells it from a tool's
// own format verb (gleam format, mytool format src/).
func driveFormat(words []string) bool {
	if len(words) < 2 || !foldEqual(words[0], "format") {
		return false
	}
	w := strings.TrimRight(words[1], `\/`)
	return len(w) == 2 && w[1] == ':' && (w[0]|0x20) >= 'a' && (w[0]|0x20) <= 'z'
}

// translateCmdCommand translates one command's words.
func translateCmdCommand(words []string) string {
	if len(words) == 0 {
		return ""
	}
	name := strings.ToLower(words[0])
	var flags, operands []string
	for _, w := range words[1:] {
		if strings.HasPrefix(w, "/") && len(w) <= 3 {
			flags = append(flags, strings.ToLower(w))
		} else {
			operands = append(operands, w)
		}
	}
	has := func(f string) bool {
		for _, g := range flags {
			if g == f {
				return true
			}
		}
		return false
	}
	paths := func() []string {
		ps := make([]string, len(operands))
		for i, o := range operands {
			ps[i] = cmdPath(o)
		}
		return ps
	}
	var argv []string
	switch name {
	case "rd", "rmdir":
		argv = []string{"rmdir"}
		if has("/s") {
			argv = []string{"rm", "-r", "-f"}
		}
		argv = append(argv, paths()...)
	case "del", "erase":
		argv = []string{"rm", "-f"}
		if has("/s") {
			argv = []string{"rm", "-r", "-f"}
		}
		argv = append(argv, paths()...)
	case "type":
		argv = append([]string{"cat"}, paths()...)
	case "copy", "xcopy", "robocopy":
		argv = []string{"cp"}
		if name != "copy" && (has("/s") || has("/e") || has("/mir")) {
			argv = append(argv, "-r")
		}
		argv = append(argv, paths()...)
	case "move", "ren", "rename":
		argv = append([]string{"mv"}, paths()...)
	case "format":
		argv = append([]string{"mkfs"}, paths()...)
	default:
		argv = words
		for i := 1; i < len(argv); i++ {
			if w := argv[i]; len(w) >= 2 && w[1] == ':' && (w[0]|0x20) >= 'a' && (w[0]|0x20) <= 'z' && (len(w) == 2 || w[2] == '\\' || w[2] == '/') {
				argv[i] = cmdPath(argv[i])
			}
		}
	}
	return quoteWords(argv)
}

// cmdFolders are cmd.exe's variables for well-known folders, longest
// first, and the paths they stand for.
var cmdFolders = [...][2]string{
	{"%HOMEDRIVE%%HOMEPATH%", "~"}, {"%USERPROFILE%", "~"}, {"%SYSTEMROOT%", `C:\Windows`}, {"%WINDIR%", `C:\Windows`},
	{"%PROGRAMFILES%", `C:\Program Files`}, {"%PROGRAMDATA%", `C:\ProgramData`}, {"%SYSTEMDRIVE%", "C:"},
}

// cmdFolderVars replaces a leading folder variable (%USERPROFILE%\x) by
// the path it stands for.
func cmdFolderVars(w string) string {
	if !strings.HasPrefix(w, "%") {
		return w
	}
	for _, f := range cmdFolders {
		if len(w) >= len(f[0]) && strings.EqualFold(w[:len(f[0])], f[0]) {
			return f[1] + w[len(f[0]):]
		}
	}
	return w
}
