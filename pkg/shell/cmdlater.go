package shell

import "strings"

// cmdLaterLine reports a line whose first command is not cmd.exe's but a
// later one is, as cmdLine reads a command (git status && rd /s /q
// C:\Users\dev, echo x & del /s /q %USERPROFILE%\*): a POSIX shell or
// PowerShell finds no rd there, while an agent whose shell tool is
// cmd.exe runs the line as written. So is a line led by cmd /c whose
// words a POSIX shell splits at a semicolon (cmd /c rd;/s;/q;DIR), where
// cmd.exe takes the semicolons as blanks. Such a line is judged both
// ways (ParseIn): as the shell that would parse it and as cmd.exe's.
func cmdLaterLine(src string) bool {
	if strings.IndexByte(src, ';') > 0 && cmdLedLine(src) {
		return true
	}
	if strings.IndexByte(src, '&') < 0 && strings.IndexByte(src, '|') < 0 {
		return false // the common case, decided without a scan
	}
	if strings.IndexByte(src, '\\') < 0 && !strings.Contains(src, " /") && strings.IndexByte(src, '%') < 0 {
		return false // nothing only cmd.exe reads: no switch, path or variable
	}
	quoted := false
	for i := 0; i < len(src); i++ {
		switch c := src[i]; {
		case c == '"':
			quoted = !quoted
		case c == '^' && !quoted:
			i++
		case !quoted && (c == '&' || c == '|'):
			j := i + 1
			for j < len(src) && src[j] == c {
				j++
			}
			next := strings.TrimLeft(src[j:], " \t(")
			if end := strings.IndexAny(next, "&|\n"); end >= 0 {
				next = next[:end]
			}
			if cmdLine(next) {
				return true
			}
			i = j - 1
		}
	}
	return false
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
