package shell

import "strings"

// cmdSemicolonLine reports a line led by cmd /c whose words a POSIX shell
// splits at a semicolon (cmd /c rd;/s;/q;DIR), where cmd.exe, were it
// the agent's shell, takes the semicolons as blanks: such a line is
// judged both ways (ParseIn). A line one of whose commands is cmd.exe's
// own is cmdLine's.
func cmdSemicolonLine(src string) bool {
	return strings.IndexByte(src, ';') > 0 && cmdLedLine(src)
}

// cmdLedLine reports a line whose first word is cmd.exe (cmd, cmd.exe,
// in any case, after an @) given /c or /k.
func cmdLedLine(src string) bool {
	src = strings.TrimLeft(src, " \t@")
	k := strings.IndexAny(src, " \t")
	if k < 0 || !isCmdExe(src[:k]) {
		return false
	}
	rest := strings.TrimLeft(src[k:], " \t")
	return len(rest) > 3 && rest[0] == '/' && (rest[1]|0x20 == 'c' || rest[1]|0x20 == 'k') && (rest[2] == ' ' || rest[2] == '\t')
}
