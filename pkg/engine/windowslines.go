package engine

import "strings"

// An agent on Windows hands its command lines to cmd.exe or PowerShell,
// where a backslash separates a path's parts instead of escaping the next
// character as the POSIX shell's does: `cmd.exe /c type
// %USERPROFILE%\.ssh\id_ed25519` names the SSH key there, while a POSIX
// reading of the same text sees `%USERPROFILE%.sshid_ed25519`. Which shell
// an agent's tool runs is not in the call, so a line written for Windows
// (a drive path C:\…, a %VAR%\ or $env:…\ path, a UNC path, a Windows
// interpreter or an .exe) is judged a second time with its unquoted
// backslashes kept as written, and the stricter verdict stands.

// windowsReading returns line with each backslash outside quotes doubled,
// so that the POSIX parse keeps it (the words cmd.exe and PowerShell
// see), and, on a line that runs PowerShell, each $ inside double quotes
// escaped, so that it reaches PowerShell as written, when line looks
// written for Windows and has such a backslash or $.
// Inside double quotes, where the POSIX shell keeps a lone backslash
// already, a doubled one (a UNC path's \\host) is doubled again. A
// backslash before a quote, a blank or the end of a line is left as it
// is: both readings of those agree closely enough, and doubling one
// would change where a quoted word ends.
func windowsReading(line string) (string, bool) {
	dollars := dollarInDoubleQuotes(line) && namesPwsh(line)
	if strings.IndexByte(line, '\\') < 0 && !dollars || !windowsLine(line) {
		return "", false
	}
	var b strings.Builder
	changed := false
	quote := byte(0)
	code := false // the double-quoted word is PowerShell's -Command code
	for i := 0; i < len(line); i++ {
		c := line[i]
		switch {
		case quote == '\'':
			if c == '\'' {
				quote = 0
			}
		case quote == '"':
			if c == '\\' && i+1 < len(line) && line[i+1] == '\\' {
				// "\\host\share": cmd.exe and PowerShell keep both
				b.WriteString(`\\\\`)
				i++
				changed = true
				continue
			} else if c == '\\' && i+1 < len(line) {
				b.WriteByte(c)
				i++
				c = line[i] // \" \$: the POSIX shell's escape
			} else if c == '"' {
				quote = 0
			} else if c == '$' && code {
				// cmd.exe expands no $: "$HOME", "$env:TEMP", "$(Join-Path
				// …)" reach PowerShell as written
				b.WriteByte('\\')
				changed = true
			}
		case c == '\'' || c == '"':
			quote = c
			code = c == '"' && dollars && commandOptionBefore(line[:i])
		case c == '\\' && i+1 < len(line) && keptAfterBackslash(line[i+1]):
			b.WriteByte('\\')
			changed = true
		case c == '\\' && i+1 < len(line):
			b.WriteByte(c)
			i++
			c = line[i] // \' \" \  and a continued line: the POSIX shell's escape
		}
		b.WriteByte(c)
	}
	if !changed {
		return "", false
	}
	return b.String(), true
}

// commandOptionBefore reports text that ends with PowerShell's -Command
// option (-c, -Command, -co …) and a blank: the quoted word after it is
// PowerShell code. A $ elsewhere ("$FILE" as -File's value, pwsh
// "${SCRIPT}") is the POSIX shell's, as the line's own assignments show.
func commandOptionBefore(text string) bool {
	text = strings.TrimRight(text, " \t")
	w := text[strings.LastIndexAny(text, " \t")+1:]
	if len(w) < 2 || w[0] != '-' && w[0] != '/' {
		return false
	}
	w = strings.ToLower(w[1:])
	return strings.HasPrefix("command", w)
}

// namesPwsh reports a line that runs PowerShell (pwsh, powershell.exe):
// the program a double-quoted $ reaches as written from cmd.exe. Another
// Windows program given "$(wslpath -w dist)" is run from a POSIX shell.
func namesPwsh(line string) bool {
	for w := range strings.FieldsSeq(line) {
		w = strings.TrimSuffix(strings.Trim(w, `"'(;&|`), ".exe")
		if strings.EqualFold(w, "powershell") || strings.EqualFold(w, "pwsh") {
			return true
		}
	}
	return false
}

// dollarInDoubleQuotes reports a $ inside double quotes, which a POSIX
// shell expands and cmd.exe hands on as written.
func dollarInDoubleQuotes(line string) bool {
	d := strings.IndexByte(line, '$')
	if d < 0 {
		return false
	}
	q := strings.IndexByte(line, '"')
	return q >= 0 && q < d && strings.IndexByte(line[d:], '"') >= 0
}

// keptAfterBackslash reports a character a Windows path's separator comes
// before: a name's first character, a wildcard, another separator (UNC),
// a variable's % or $.
func keptAfterBackslash(c byte) bool {
	switch {
	case c >= 'a' && c <= 'z', c >= 'A' && c <= 'Z', c >= '0' && c <= '9', c >= 0x80:
		return true
	}
	return strings.IndexByte(`._-*?\%$~`, c) >= 0
}

// windowsLine reports a line written for Windows' shells: a drive path
// (C:\), a variable's path (%USERPROFILE%\, $env:APPDATA\), a UNC path
// (\\host\share), or a Windows interpreter or program (cmd, cmd.exe,
// powershell, pwsh, anything.exe) among its words.
func windowsLine(line string) bool {
	for i := 0; i+1 < len(line); i++ {
		if line[i] != '\\' {
			continue
		}
		switch {
		case i >= 2 && line[i-1] == ':' && asciiLetter(line[i-2]) && (i == 2 || !nameByteAt(line, i-3)):
			return true // C:\
		case i >= 2 && line[i-1] == '%', i >= 3 && line[i-1] == '"' && line[i-2] == '%':
			return true // %USERPROFILE%\, "%USERPROFILE%"\
		case i >= 1 && line[i-1] == '~' && (i == 1 || line[i-2] == ' ' || line[i-2] == '"' || line[i-2] == '\''):
			return true // PowerShell's ~\.ssh
		case i >= 5 && (strings.EqualFold(line[i-5:i], "$HOME") || i >= 7 && strings.EqualFold(line[i-7:i], "${HOME}")):
			return true // PowerShell's $HOME\.ssh
		case line[i+1] == '\\' && i+2 < len(line) && (asciiLetter(line[i+2]) || line[i+2] >= '0' && line[i+2] <= '9') && (i == 0 || line[i-1] == ' ' || line[i-1] == '"' || line[i-1] == '\''):
			return true // \\host\share
		}
	}
	// (no lower-cased copy: find … -exec … \; reaches here on every call)
	if containsFold(line, "$env:") || containsFold(line, "{env:") || containsFold(line, ".exe") {
		return true
	}
	for w := range strings.FieldsSeq(line) {
		w = strings.Trim(w, `"'(;&|`)
		if strings.EqualFold(w, "cmd") || strings.EqualFold(w, "powershell") || strings.EqualFold(w, "pwsh") {
			return true
		}
	}
	return false
}

// containsFold reports whether s holds sub, an ASCII word, in any case.
func containsFold(s, sub string) bool {
	for i := 0; i+len(sub) <= len(s); i++ {
		if s[i] == sub[0] && strings.EqualFold(s[i:i+len(sub)], sub) {
			return true
		}
	}
	return false
}

// asciiLetter reports an ASCII letter.
func asciiLetter(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }

// nameByteAt reports whether line[i] is a letter, digit or underscore.
func nameByteAt(line string, i int) bool {
	c := line[i]
	return asciiLetter(c) || c >= '0' && c <= '9' || c == '_'
}
