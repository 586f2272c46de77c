package shell

import "strings"

// cmd.exe expands %NAME% before it reads a command, from an environment
// the line does not show. The translation (cmdexe.go) knows the folder
// variables (%USERPROFILE%, %TEMP%) and the variables the line's own set
// commands give; any other reference is a value nobody can read here,
// and so is a part of one (%USERPROFILE:~0,12%, %TEMP:a=b%) or a batch
// file's argument (%1, %~dp0, %*). Such a piece becomes the walk's
// unknown expansion, so that a delete, read or upload of it is judged as
// the walk judges "$X": never as a file literally named %X%.

// cmdUnknown marks an unknown piece in a translated word until
// cmdQuoteWord writes it as the walk's unknown expansion ("$_"). A byte
// no word of a command line holds, so that text written as $_ inside a
// word (a PowerShell script block's $_) stays the literal it is.
const cmdUnknown = "\x00"

// cmdResolveVars rewrites the variable references of one translated word:
// a folder variable with a modifier that keeps its whole value
// (%USERPROFILE:~0%) is the folder variable; %CD% is the working
// directory; every other reference, and %% as one percent sign aside, is
// cmdUnknown. In a path (anywhere) every reference counts; in another
// program's word only one that starts the word or a value after = or @
// (-T %F%, -F f=@%F%, --out=%D%), so that a format in code handed to an
// interpreter (print('%s%s' % t)) stays the text it is. A word without %
// is returned as it is.
func cmdResolveVars(w string, anywhere bool) string {
	if strings.IndexByte(w, '!') >= 0 {
		w = cmdDelayedRefs(w)
	}
	if strings.IndexByte(w, '%') < 0 {
		return w
	}
	var b strings.Builder
	for i := 0; i < len(w); i++ {
		if w[i] != '%' || !anywhere && i > 0 && w[i-1] != '=' && w[i-1] != '@' {
			b.WriteByte(w[i])
			continue
		}
		ref, n := cmdVarRef(w[i:])
		switch {
		case n == 0:
			b.WriteByte('%') // a lone percent sign
			continue
		case ref == "%%":
			b.WriteByte('%')
		case cmdFolderAt(ref) && len(ref) == cmdFolderLen(ref):
			b.WriteString(ref)
		case strings.EqualFold(ref, "%cd%"):
			b.WriteByte('.')
		default:
			if whole, ok := cmdWholeValue(ref); ok {
				b.WriteString(whole)
			} else {
				b.WriteString(cmdUnknown)
			}
		}
		i += n - 1
	}
	return b.String()
}

// cmdVarRef reads the variable reference at the start of s (which starts
// with %): %NAME% or %NAME:MODIFIER%, a batch argument (%0 to %9, %*, and
// the %~ forms: %~1, %~dp0), or %%. It gives the reference and its length,
// or a length of 0 where none starts there.
func cmdVarRef(s string) (string, int) {
	if len(s) < 2 {
		return "", 0
	}
	switch c := s[1]; {
	case c == '%':
		return "%%", 2
	case c == '*' || c >= '0' && c <= '9':
		return s[:2], 2
	case c == '~':
		// %~[modifiers]DIGIT: the argument with its quotes taken off, or a
		// part of its path
		for j := 2; j < len(s) && j < 16; j++ {
			if s[j] >= '0' && s[j] <= '9' || s[j] == '*' {
				return s[:j+1], j + 1
			}
			if !(s[j]|0x20 >= 'a' && s[j]|0x20 <= 'z') && s[j] != '$' && s[j] != ':' {
				break
			}
		}
		return "", 0
	}
	j := 1
	for j < len(s) && (isIdent(s[j]) || s[j] == '(' || s[j] == ')' || s[j] == '.' || s[j] == '-') {
		j++ // %ProgramFiles(x86)%, %COMMONPROGRAMFILES%
	}
	if j == 1 || j >= len(s) {
		return "", 0
	}
	if s[j] == '%' {
		return s[:j+1], j + 1
	}
	if s[j] != ':' {
		return "", 0
	}
	if e := strings.IndexByte(s[j:], '%'); e > 0 {
		return s[:j+e+1], j + e + 1 // %NAME:~0,5%, %NAME:a=b%
	}
	return "", 0
}

// cmdWholeValue reads a folder variable given a modifier that keeps its
// whole value: %NAME:~0% (from the first character, no length), as the
// folder variable itself.
func cmdWholeValue(ref string) (string, bool) {
	name, mod, ok := strings.Cut(ref[1:len(ref)-1], ":")
	if !ok || mod != "~0" && mod != "~0,-0" {
		return "", false
	}
	whole := "%" + name + "%"
	if !cmdFolderAt(whole) || cmdFolderLen(whole) != len(whole) {
		return "", false
	}
	return whole, true
}

// cmdFolderLen is the length of the folder variable at the start of s,
// or 0.
func cmdFolderLen(s string) int {
	for _, f := range cmdFolders {
		if len(s) >= len(f[0]) && strings.EqualFold(s[:len(f[0])], f[0]) {
			return len(f[0])
		}
	}
	return 0
}

// cmdVarWord reports a word that starts with a variable reference cmd.exe
// expands (%NAME%, %NAME:~0,5%, %~dp0) followed by a backslash path:
// Windows' way of naming a place, which a POSIX shell keeps as a file
// named %NAME%… with the backslashes dropped.
func cmdVarWord(w string) bool {
	w = strings.TrimLeft(w, `"`)
	if len(w) < 3 || w[0] != '%' {
		return false
	}
	ref, n := cmdVarRef(w)
	return n > 0 && ref != "%%" && strings.HasPrefix(strings.TrimLeft(w[n:], `"`), `\`)
}

// cmdDelimited appends to out the pieces of a builtin's word split at the
// separators cmd.exe reads as blanks there (, ; =), but not inside a
// variable reference, which cmd.exe expands before it splits
// (%USERPROFILE:~0,40% is one value, %TEMP:a=b% another).
func cmdDelimited(out []string, w string) []string {
	start := 0
	for i := 0; i < len(w); i++ {
		switch w[i] {
		case '%':
			if _, n := cmdVarRef(w[i:]); n > 0 {
				i += n - 1
			}
		case ',', ';', '=':
			if i > start {
				out = append(out, w[start:i])
			}
			start = i + 1
		}
	}
	if start < len(w) {
		out = append(out, w[start:])
	}
	return out
}

// cmdDelayedRefs writes the references of delayed expansion (cmd /v:on:
// !NAME!) as the %NAME% they expand like; a lone ! or one around text
// that is no name (echo done!, "hi!!") stays as it is.
func cmdDelayedRefs(w string) string {
	var b strings.Builder
	from := 0
	for i := 0; i < len(w); i++ {
		if w[i] != '!' {
			continue
		}
		j := i + 1
		for j < len(w) && (isIdent(w[j]) || w[j] == '(' || w[j] == ')') {
			j++
		}
		if j == i+1 || j >= len(w) || w[j] != '!' {
			continue
		}
		b.WriteString(w[from:i])
		b.WriteString("%" + w[i+1:j] + "%")
		from = j + 1
		i = j
	}
	if from == 0 {
		return w
	}
	b.WriteString(w[from:])
	return b.String()
}
