package shell

import (
	"strings"

	"rampart.dev/pkg/internal/table"
)

// Windows' command interpreter run from WSL (cmd.exe /c LINE) is read by
// translation, as PowerShell is (pwsh.go): each command of the line
// becomes the POSIX command with the same effect (rd /s becomes rm -r,
// del /s rm -r, type cat, copy cp, move mv, format a mkfs of the drive),
// with drive paths as WSL sees them (C:\Users\dev is /mnt/c/Users/dev),
// and the translation is walked like any shell string. A command it does
// not translate is passed on with its words as written, so a program the
// catalogue knows (npm test, git status) is judged as itself.

// CmdExeName reports whether a program name is Windows' command
// interpreter's: its words are a line the walk translates and reads as
// the commands it runs, never operands of its own.
func CmdExeName(name string) bool { return isCmdExe(name) }

// isCmdExe reports whether a program is Windows' command interpreter,
// also as cmd.exe names itself (%COMSPEC%).
func isCmdExe(name string) bool {
	return foldEqual(name, "cmd.exe") || foldEqual(name, "cmd") || foldEqual(name, "%comspec%")
}

// cmdExeCode gives the line cmd.exe runs: the words after /c or /k (in
// any case), joined as cmd.exe joins them.
func cmdExeCode(words []string) (string, bool) {
	for i := 1; i < len(words); i++ {
		w := words[i]
		if foldEqual(w, "/c") || foldEqual(w, "/k") || foldEqual(w, "/r") || foldEqual(w, "//c") || foldEqual(w, "//k") {
			// (//c: Git Bash's MSYS turns it into /c for cmd)
			switch {
			case i+2 == len(words):
				return words[i+1], true // cmd.exe /c "LINE": the line itself
			case i+1 < len(words):
				return cmdJoin(words[i+1:]), true
			}
			return "", false
		}
		if !strings.HasPrefix(w, "/") {
			return "", false
		}
	}
	return "", false
}

// cmdJoin joins words into the line cmd.exe is handed, as WSL and Git
// Bash quote them for Windows: a word with a blank or one of cmd's
// operators in double quotes, so that powershell -c "iwr …|iex" stays one
// word and its pipe PowerShell's.
func cmdJoin(words []string) string {
	var b strings.Builder
	for i, w := range words {
		if i > 0 {
			b.WriteByte(' ')
		}
		if strings.ContainsAny(w, " \t&|<>^") && !strings.Contains(w, `"`) {
			b.WriteString(`"` + w + `"`)
		} else {
			b.WriteString(w)
		}
	}
	return b.String()
}

// translateCmdExe translates a cmd.exe line into a POSIX one: its
// commands in order, a pipe still a pipe (curl … | cmd), && and || as
// they are, & a new line.
func translateCmdExe(line string) string {
	var b strings.Builder
	parts, seps := cmdSplit(line)
	pending := ""
	var vars map[string]string
	for i, part := range parts {
		words := cmdWords(cmdExpandVars(part, vars))
		if name, val, ok := cmdSetVar(words); ok {
			if vars == nil {
				vars = map[string]string{}
			}
			vars[name] = val
		}
		s := translateCmdStatement(words, 0)
		if s == "" {
			if pending == "|" {
				pending = "\n" // a pipe into nothing read
			}
			continue
		}
		if b.Len() > 0 {
			if pending == "" {
				pending = "\n"
			}
			b.WriteString(" " + pending + " ")
		}
		b.WriteString(s)
		pending = ""
		if i < len(seps) {
			pending = seps[i]
		}
	}
	return strings.ReplaceAll(b.String(), " \n ", "\n")
}

// cmdSplit splits a line at cmd.exe's separators (& && || |), outside
// double quotes (and a ^ escaping the next character), and at line ends (a
// batch file's lines are its commands): the commands, and
// after each but the last its separator as POSIX writes it.
func cmdSplit(line string) (parts, seps []string) {
	quoted, start := false, 0
	for i := 0; i < len(line); i++ {
		switch c := line[i]; {
		case c == '^' && !quoted:
			i++
		case c == '"':
			quoted = !quoted
		case c == '\n' || c == '\r':
			// a batch file's next line: a new command, its quotes closed
			parts = append(parts, line[start:i])
			seps = append(seps, "\n")
			quoted, start = false, i+1
		case !quoted && (c == '&' || c == '|'):
			if i > 0 && line[i-1] == '>' {
				continue // 2>&1
			}
			sep := string(c)
			if i+1 < len(line) && line[i+1] == c {
				sep += string(c)
			}
			if sep == "&" {
				sep = "\n"
			}
			parts = append(parts, line[start:i])
			seps = append(seps, sep)
			if sep == "&&" || sep == "||" {
				i++
			}
			start = i + 1
		}
	}
	return append(parts, line[start:]), seps
}

// cmdWords splits one command into words at spaces outside double quotes,
// the quotes removed and a caret's escape undone (r^d is rd); a backslash
// is a path separator, never an escape.
func cmdWords(s string) []string {
	var words []string
	var b strings.Builder
	quoted, any := false, false
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == '^' && !quoted && i+1 < len(s):
			i++ // cmd's escape: the next character as itself (r^d is rd)
			b.WriteByte(s[i])
			any = true
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

// cmdSetVar reads set NAME=VALUE (or set "NAME=VALUE"): the variable a
// later command of the line reads as %NAME% (or !NAME! with delayed
// expansion), its name upper-cased.
func cmdSetVar(words []string) (name, val string, ok bool) {
	if len(words) != 2 || !foldEqual(words[0], "set") || strings.HasPrefix(words[1], "/") {
		return "", "", false
	}
	name, val, ok = strings.Cut(words[1], "=")
	if !ok || name == "" || strings.ContainsAny(name, "%! ") {
		return "", "", false
	}
	return strings.ToUpper(name), val, true
}

// cmdExpandVars replaces %NAME% and !NAME! in a command by the values the
// line's earlier set commands gave them (set D=%USERPROFILE%&& rd /s /q
// %D%): cmd.exe reads what they stand for.
func cmdExpandVars(part string, vars map[string]string) string {
	if len(vars) == 0 {
		return part
	}
	var b strings.Builder
	for i := 0; i < len(part); i++ {
		c := part[i]
		if c == '%' || c == '!' {
			if e := strings.IndexByte(part[i+1:], c); e > 0 {
				if v, ok := vars[strings.ToUpper(part[i+1:i+1+e])]; ok {
					b.WriteString(v)
					i += e + 1
					continue
				}
			}
		}
		b.WriteByte(c)
	}
	return b.String()
}

// cmdStatementDepth bounds the statements read inside if and for.
const cmdStatementDepth = 4

// translateCmdStatement translates one command with what cmd.exe reads
// before its name: an @ (no echo) and a ( that opens a block, the
// separators cmd.exe takes after a name as well as a blank (type;F,
// rd,/s,/q,D), an if's condition (if exist X CMD, if 1==1 CMD, CMD else
// CMD), and a for loop, read as its body for each item of its set (for
// %i in (A B) do rd /s /q %i), or, for /f over a command's output whose
// lines are run as commands, as that output run.
func translateCmdStatement(words []string, depth int) string {
	words = cmdLeadWords(words)
	if len(words) == 0 || depth > cmdStatementDepth {
		return ""
	}
	switch strings.ToLower(words[0]) {
	case "if":
		return translateCmdIf(words, depth)
	case "for":
		return translateCmdFor(words, depth)
	}
	return translateCmdCommand(words)
}

// cmdLeadWords takes @ and ( off a command's first word (and a block's )
// off its last), and splits the first word at the separators cmd.exe
// reads after a name; a builtin's words are split at them too.
func cmdLeadWords(words []string) []string {
	if len(words) == 0 {
		return words
	}
	first := strings.TrimLeft(words[0], "@(")
	block := len(first) < len(words[0]) && strings.Contains(words[0], "(")
	var out []string
	if k := strings.IndexAny(first, ";,="); k > 0 {
		out = append(out, first[:k])
		if rest := first[k+1:]; rest != "" {
			out = append(out, rest)
		}
	} else if first != "" {
		out = append(out, first)
	}
	out = append(out, words[1:]...)
	if block && len(out) > 0 {
		last := strings.TrimSuffix(out[len(out)-1], ")")
		if last == "" {
			out = out[:len(out)-1]
		} else {
			out[len(out)-1] = last
		}
	}
	if len(out) == 0 || !cmdBuiltins.Get(strings.ToLower(out[0])) {
		return out
	}
	split := out[:1:1]
	for _, w := range out[1:] {
		split = cmdDelimited(split, w)
	}
	return split
}

// translateCmdIf translates an if statement as the command it may run
// (and the else branch's): if [/i] [not] exist|defined|errorlevel X CMD,
// if [/i] [not] A==B CMD, if A EQU B CMD.
func translateCmdIf(words []string, depth int) string {
	i := 1
	if i < len(words) && foldEqual(words[i], "/i") {
		i++
	}
	if i < len(words) && foldEqual(words[i], "not") {
		i++
	}
	switch {
	case i >= len(words):
		return ""
	case foldEqual(words[i], "exist") || foldEqual(words[i], "defined") || foldEqual(words[i], "errorlevel") || foldEqual(words[i], "cmdextversion"):
		i += 2
	case strings.Contains(words[i], "=="):
		i++
	case i+1 < len(words) && (words[i+1] == "==" || cmdCompare.Get(strings.ToLower(words[i+1]))):
		i += 3
	default:
		return ""
	}
	if i >= len(words) {
		return ""
	}
	body := words[i:]
	for k, w := range body {
		if foldEqual(w, "else") || foldEqual(w, ")else") {
			a := translateCmdStatement(body[:k], depth+1)
			b := translateCmdStatement(body[k+1:], depth+1)
			return strings.Trim(a+"\n"+b, "\n")
		}
	}
	return translateCmdStatement(body, depth+1)
}

// cmdCompare are if's comparison words.
var cmdCompare = table.Map[string, bool]{Words: "equ neq lss leq gtr geq"}

// cmdForItems bounds the items of a for loop's set read one by one (a
// line long enough to hold more is read no further).
const cmdForItems = 256

// translateCmdFor translates for [/d /r /l /f [opts]] %V in (SET) do BODY:
// BODY once for each item of SET with %V replaced by it; for /f over
// a command ('CMD') whose lines BODY runs as commands (do %V), that
// command's output run as a script.
func translateCmdFor(words []string, depth int) string {
	i := 1
	root := "" // for /r ROOT: the items are found in ROOT's tree
	// the variable is the %word before in (a root may be %USERPROFILE%)
	for i+1 < len(words) && !(strings.HasPrefix(words[i], "%") && foldEqual(words[i+1], "in")) {
		if foldEqual(words[i-1], "/r") && !strings.HasPrefix(words[i], "/") {
			root = words[i]
		}
		i++
	}
	if i+3 >= len(words) || !foldEqual(words[i+1], "in") {
		return "$_" // a loop nobody can read: what it runs is unknown
	}
	v := words[i]
	j := i + 2
	var set []string
	for ; j < len(words); j++ {
		w := words[j]
		set = append(set, strings.Trim(w, "()"))
		if strings.HasSuffix(w, ")") {
			j++
			break
		}
	}
	if j >= len(words) || !foldEqual(words[j], "do") || j+1 >= len(words) {
		return "$_"
	}
	body := words[j+1:]
	text := strings.Join(set, " ")
	if strings.HasPrefix(text, "'") && strings.HasSuffix(text, "'") && len(text) > 1 {
		// for /f %i in ('CMD') do …: CMD's output, line by line
		src := translateCmdExe(strings.Trim(text, "'"))
		if len(body) > 0 && strings.EqualFold(body[0], v) {
			return src + " | sh"
		}
		text = "item"
	}
	var out []string
	for n, item := range strings.FieldsFunc(text, func(r rune) bool { return r == ' ' || r == ',' || r == ';' }) {
		if n >= cmdForItems {
			break
		}
		if root != "" && !drivePathWord(item) {
			// for /r C:\Users\dev %i in (*) do del "%i": the files of the
			// root's tree, as ROOT\* names them
			item = strings.TrimRight(strings.Trim(root, `"`), `\/`) + `\` + item
		}
		b := make([]string, len(body))
		for k, w := range body {
			b[k] = strings.ReplaceAll(w, v, item)
		}
		if t := translateCmdStatement(b, depth+1); t != "" {
			out = append(out, t)
		}
	}
	return strings.Join(out, "\n")
}

// cmdBuiltins are cmd.exe's commands that translateCmdCommand reads, by
// which a line an agent's Windows shell tool sends starts.
var cmdBuiltins = table.Map[string, bool]{Words: `del erase rd rmdir copy xcopy
	robocopy move ren rename type findstr icacls`}

// cmdLine reports a line that is cmd.exe's as an agent's Windows shell
// tool sends it: one of its commands (split at & && || |, led by @, a
// bracket or call, as cmd.exe reads them) is one of cmdBuiltins, with a
// backslash (which cmd keeps as a path separator where sh removes it as
// an escape: del /s C:\Users\dev\* would be C:Usersdev*) and a word only
// Windows writes so: a switch (/s, /q, /s/q), a path from a drive (C:\…)
// or from a folder variable (%USERPROFILE%\…). A builtin given a switch is
// cmd.exe's without a backslash too (rd /s /q .git, rmdir /s /q dist: no
// POSIX rmdir is handed /s), whichever command of the line it is (cd /d
// %USERPROFILE% && rd /s /q ., title x & rd /s /q DIR), and so is a line
// led by cmd.exe's own if or for (if exist build rd /s /q build, for /r
// %i in (*.tmp) do del "%i"), which no POSIX shell parses. Such a line is
// read as cmd /c LINE, so its paths are the paths it names.
func cmdLine(src string) bool {
	if strings.IndexByte(src, '\\') < 0 && !strings.Contains(src, ":/") && !cmdSwitchIn(src) && !cmdControlLead(src) {
		return false // the common case, decided without allocating
	}
	slash := strings.IndexByte(src, '\\') >= 0
	found, start, quoted := false, 0, false
	for i := 0; i <= len(src) && !found; i++ {
		// each command of the line, at cmd.exe's separators (& && || |)
		// outside double quotes, as cmdSplit finds them
		switch {
		case i == len(src):
			found = cmdCommandLine(src[start:], slash, start == 0)
		case src[i] == '^' && !quoted:
			i++
		case src[i] == '"':
			quoted = !quoted
		case !quoted && (src[i] == '&' || src[i] == '|') && (i == 0 || src[i-1] != '>'):
			found = cmdCommandLine(src[start:i], slash, start == 0)
			if i+1 < len(src) && src[i+1] == src[i] {
				i++
			}
			start = i + 1
		}
	}
	// or a program run from a folder variable's or a drive's path after
	// one of cmd's separators (… && %TEMP%\p.exe), which only cmd.exe finds
	return found || slash && strings.ContainsAny(src, "&|") && cmdRunsFolderPath(src)
}

// cmdCommandLine reports one command of a line (first: the line's first)
// as cmd.exe's, as cmdLine says; slash is whether the line has a
// backslash. Its first word decides before anything is allocated.
func cmdCommandLine(part string, slash, first bool) bool {
	lead, rest := cmdLeadWord(part)
	if lead == "" {
		return false
	}
	lower := strings.ToLower(lead)
	if first && (lower == "if" || lower == "for") {
		words := strings.Fields(rest)
		if len(words) == 0 {
			return false
		}
		if lower == "if" {
			return cmdIfHead(words)
		}
		return cmdForHead(words)
	}
	name := lower
	if k := strings.IndexByte(name, '/'); k > 0 {
		name = name[:k] // rd/s/q: the builtin and its switches
	}
	name = strings.TrimSuffix(name, ".exe")
	if !cmdBuiltins.Get(name) {
		return false
	}
	words := cmdSwitches(append([]string{lead}, strings.Fields(rest)...))
	if len(words) < 2 {
		return false
	}
	if slash && name == "icacls" {
		return true // no POSIX program is called icacls
	}
	for _, w := range words[1:] {
		if len(w) >= 2 && len(w) <= 3 && w[0] == '/' && (w[1]|0x20) >= 'a' && (w[1]|0x20) <= 'z' || drivePathWord(w) {
			return true
		}
		if icaclsSwitch(w) && name == "icacls" {
			return true // icacls /grant, /inheritance:r
		}
		// "%USERPROFILE%"\.ssh: the variable quoted, the path run on
		// %~dp0\x, %USERPROFILE:~0%\x: a variable cmd.exe expands, a path on
		if w = strings.TrimLeft(w, `"`); slash && w != "" && w[0] == '%' && (strings.IndexByte(w, '\\') > 0 && cmdFolderAt(w) || cmdVarWord(w)) {
			return true
		}
	}
	return false
}

// cmdLeadWord is a command's first word as cmd.exe reads it, past @, a
// bracket and call (@rd, ( rd, call rd), and the text after it.
func cmdLeadWord(part string) (lead, rest string) {
	rest = part
	for {
		rest = strings.TrimLeft(rest, " \t@(")
		k := strings.IndexAny(rest, " \t")
		if k < 0 {
			return rest, ""
		}
		if foldEqual(rest[:k], "call") {
			rest = rest[k:]
			continue
		}
		return rest[:k], rest[k:]
	}
}

// cmdRunsFolderPath reports a command of the line that runs a program by
// a folder variable's path (%TEMP%\p.exe, %LOCALAPPDATA%\x\y.exe) or a
// drive's (C:\Users\Public\p.exe): a word after &, && or || that cmd.exe
// expands and runs (after start's or call's words, start "" %TEMP%\p.exe),
// and a POSIX shell would run as a file named %TEMP%p.exe.
func cmdRunsFolderPath(src string) bool {
	words := strings.Fields(src)
	for i := 1; i < len(words); i++ {
		switch words[i-1] {
		case "&", "&&", "||":
			j := i
			for j < len(words) && (foldEqual(words[j], "start") || foldEqual(words[j], "call")) {
				j++
				for j < len(words) && (words[j] == `""` || strings.HasPrefix(words[j], "/")) {
					j++ // start "" /b /min: its title and switches
				}
			}
			if j == len(words) {
				continue
			}
			w := strings.Trim(words[j], `"`)
			if (cmdFolderAt(w) || drivePathWord(w)) && strings.IndexByte(w, '\\') > 0 {
				return true
			}
		}
	}
	return false
}

// cmdControlLead reports a line led by cmd.exe's if or for (in any case,
// after an @), the cheap test before cmdIfHead and cmdForHead read on.
func cmdControlLead(src string) bool {
	src = strings.TrimLeft(src, "@")
	return len(src) > 3 && foldEqual(src[:3], "if ") || len(src) > 4 && foldEqual(src[:4], "for ")
}

// cmdIfHead reports the words after if as cmd.exe's condition: [/i] [not]
// exist, defined, errorlevel or cmdextversion, or a comparison A==B. A
// POSIX if runs a command there ([, test, grep), never one of these.
func cmdIfHead(words []string) bool {
	w := strings.ToLower(words[0])
	switch w {
	case "/i", "not", "exist", "defined", "errorlevel", "cmdextversion":
		return true
	}
	return strings.Contains(w, "==") && !strings.HasPrefix(w, "[")
}

// cmdForHead reports the words after for as cmd.exe's: a switch (/d /r
// /l /f) or a %variable, where a POSIX for names its variable bare.
func cmdForHead(words []string) bool {
	return strings.HasPrefix(words[0], "/") || strings.HasPrefix(words[0], "%") && len(words[0]) > 1
}

// drivePathWord reports a word that is a path from a drive's root
// (C:\, d:\work, and C:/Users as cmd.exe also takes it).
func drivePathWord(w string) bool {
	w = strings.Trim(w, `"'`)
	return len(w) >= 3 && w[1] == ':' && (w[2] == '\\' || w[2] == '/' && (len(w) == 3 || w[3] != '/')) && (w[0]|0x20) >= 'a' && (w[0]|0x20) <= 'z'
}

// cmdPath is a cmd.exe path word as WSL sees it: backslashes as slashes,
// a drive letter as its mount (C:\* and C:* both the drive's root), and
// the variables that name the user's profile (the home directory, as
// PowerShell's $env:USERPROFILE is read) or the system's folders.
func cmdPath(w string) string {
	w = cmdFolderVars(cmdResolveVars(w, true))
	w = strings.ReplaceAll(w, `\`, "/")
	if len(w) >= 2 && w[1] == ':' && (len(w) == 2 || w[2] != '/') {
		w = w[:2] + "/" + w[2:]
	}
	w = windowsDrivePath(w)
	if strings.HasSuffix(w, "*.*") && (len(w) == 3 || w[len(w)-4] == '/') {
		w = strings.TrimSuffix(w, ".*") // *.*: every file, as * is
	}
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

// translateCmdCommand translates one command's words: its redirections
// (> F, >> F, 2> F, < F) stay redirections of the translation, a folder
// variable anywhere in a word is the folder (cmd.exe expands them before
// it reads the line: curl -F f=@%USERPROFILE%\.aws\credentials), set
// alone prints the environment, and start and call run the command they
// are given.
func translateCmdCommand(words []string) string {
	words, redir := cmdRedirects(cmdSwitches(words))
	if len(words) == 0 {
		return ""
	}
	name := strings.TrimSuffix(strings.ToLower(words[0]), ".exe")
	if name == "icacls" {
		return translateIcacls(words[1:]) // icacls.go
	}
	var flags, operands []string
	excluded := false // robocopy /XD and /XF take the names after them
	for _, w := range words[1:] {
		if strings.HasPrefix(w, "/") && (len(w) <= 3 || name == "robocopy" && !strings.ContainsAny(w[1:], `/\`)) {
			// robocopy's switches are longer (/MIR, /PURGE, /R:0, /XD)
			flags = append(flags, strings.ToLower(w))
			excluded = name == "robocopy" && (strings.EqualFold(w, "/xd") || strings.EqualFold(w, "/xf"))
		} else if !excluded {
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
	case "cd", "chdir", "pushd":
		argv = append([]string{"cd"}, paths()...) // cd /d D:\x: the drive's path
	case "type", "more":
		argv = append([]string{"cat"}, paths()...)
	case "findstr":
		// findstr [/switches] PATTERN FILE...: the files read, /s those
		// below each directory too
		argv = []string{"grep", "-e"}
		if has("/s") {
			argv = []string{"grep", "-r", "-e"}
		}
		if len(operands) > 0 {
			argv = append(argv, operands[0])
			for _, o := range operands[1:] {
				argv = append(argv, cmdPath(o))
			}
		}
	case "robocopy":
		// robocopy SRC DST [FILES] [/switches]: /MIR and /PURGE delete what
		// DST holds that SRC does not, as rsync --delete does
		ps := paths()
		if (has("/mir") || has("/purge")) && len(ps) >= 2 {
			argv = []string{"rsync", "-r", "--delete", strings.TrimSuffix(ps[0], "/") + "/", ps[1]}
			break
		}
		argv = []string{"cp"}
		if has("/s") || has("/e") || has("/mir") {
			argv = append(argv, "-r")
		}
		argv = append(argv, ps[:min(len(ps), 2)]...) // file names after DST filter
	case "copy", "xcopy":
		argv = []string{"cp"}
		if name != "copy" && (has("/s") || has("/e") || has("/mir")) {
			argv = append(argv, "-r")
		}
		argv = append(argv, paths()...)
	case "move", "ren", "rename":
		argv = append([]string{"mv"}, paths()...)
	case "format":
		argv = append([]string{"mkfs"}, paths()...)
	case "set":
		if len(operands) == 0 && len(flags) == 0 {
			argv = []string{"env"} // the whole environment printed
		} else {
			argv = words
		}
	case "call":
		// call SCRIPT: the script runs, as it would by its name
		if len(words) > 1 {
			return translateCmdCommand(append(words[1:], redir...))
		}
		argv = words
	case "start":
		// start [/b /min /wait /d DIR] ["title"] PROG ARGS: PROG runs; a URL
		// or a folder is opened
		rest := words[1:]
		for len(rest) > 0 && (strings.HasPrefix(rest[0], "/") && len(rest[0]) <= 8 || rest[0] == "" && len(rest) > 1) {
			// its switches, and an empty title ("") before PROG
			if strings.EqualFold(rest[0], "/d") && len(rest) > 1 {
				rest = rest[1:]
			}
			rest = rest[1:]
		}
		if len(rest) == 0 || isURL(rest[0]) || rest[0] == "." || rest[0] == "" {
			argv = words
			break
		}
		return translateCmdCommand(append(rest, redir...))
	default:
		argv = words
	}
	q := make([]string, 0, len(argv)+len(redir))
	for i, w := range argv {
		switch {
		case i > 0 && name != "set":
			w = cmdVarsIn(w)
		case i == 0 && (strings.ContainsRune(w, '\\') || cmdFolderAt(w)):
			w = cmdPath(w) // %TEMP%\a.exe, C:\tools\x.exe: the program's file
		}
		q = append(q, cmdQuoteWord(w))
	}
	for i := 0; i+1 < len(redir); i += 2 {
		q = append(q, redir[i], cmdQuoteWord(cmdPath(redir[i+1])))
	}
	return strings.Join(q, " ")
}

// cmdRedirects takes cmd.exe's redirections out of a command's words:
// the rest, and pairs of a POSIX operator and its file.
func cmdRedirects(words []string) (rest, redir []string) {
	for i := 0; i < len(words); i++ {
		w := words[i]
		op := ""
		for _, o := range [...]string{"2>>", ">>", "2>", "1>", ">", "<"} {
			if strings.HasPrefix(w, o) {
				op = o
				break
			}
		}
		if op == "" {
			rest = append(rest, w)
			continue
		}
		file := w[len(op):]
		if file == "" && i+1 < len(words) {
			i++
			file = words[i]
		}
		if file == "" || strings.HasPrefix(file, "&") {
			continue // 2>&1
		}
		if strings.EqualFold(file, "nul") {
			file = "/dev/null"
		}
		redir = append(redir, op, file)
	}
	return rest, redir
}

// cmdVarsIn is a word with a folder variable or a drive's path inside it
// (f=@%USERPROFILE%\x, --out=C:\x) as WSL sees the place; other words
// as they are, but for a drive's path at their start.
func cmdVarsIn(w string) string {
	w = cmdResolveVars(w, false)
	if len(w) >= 2 && w[1] == ':' && (w[0]|0x20) >= 'a' && (w[0]|0x20) <= 'z' && (len(w) == 2 || w[2] == '\\' || w[2] == '/') {
		return cmdPath(w)
	}
	i := strings.IndexByte(w, '%')
	if i < 0 || !cmdFolderAt(w[i:]) {
		return w
	}
	return w[:i] + cmdPath(w[i:])
}

// cmdFolderAt reports a folder variable at the start of s.
func cmdFolderAt(s string) bool {
	for _, f := range cmdFolders {
		if len(s) >= len(f[0]) && strings.EqualFold(s[:len(f[0])], f[0]) {
			return true
		}
	}
	return false
}

// cmdQuoteWord quotes a translated word for the POSIX walk, with the home
// a folder variable named (~, ~/x, f=@~/x) as "$HOME", which the walk
// resolves: a quoted ~ would be a file named ~. A name run on after the
// variable (%USERPROFILE%x, which a POSIX shell leaves of
// %USERPROFILE%\x) is the home's path and the name, C:\Users\devx: never
// the home of a user named x, as ~x would be.
func cmdQuoteWord(w string) string {
	if strings.Contains(w, cmdUnknown) {
		// a variable nobody can read here (cmdvars.go): the walk's
		// unknown expansion between the word's quoted pieces
		pieces := strings.Split(w, cmdUnknown)
		for i, p := range pieces {
			if p != "" {
				pieces[i] = cmdQuoteWord(p)
			}
		}
		return strings.Join(pieces, "$_")
	}
	if strings.ContainsAny(w, "*?") && !strings.ContainsAny(w, "~'") {
		return cmdQuoteGlob(w)
	}
	i := strings.Index(w, "~")
	if i < 0 || i > 0 && !strings.ContainsRune("=@:", rune(w[i-1])) || i+1 < len(w) && w[i+1] != '/' && !isIdent(w[i+1]) {
		return quoteWord(w) // (~*: every home, as C:\Users\dev* may be more than one)
	}
	out := `"$HOME"`
	if i > 0 {
		out = quoteWord(w[:i]) + out
	}
	if i+1 < len(w) {
		out += quoteWord(w[i+1:])
	}
	return out
}

// cmdQuoteGlob quotes a word with cmd.exe's wildcards (del /s /q *.*,
// build\*.o) for the POSIX walk, its * and ? left bare as the patterns
// they are.
func cmdQuoteGlob(w string) string {
	var b strings.Builder
	start := 0
	for i := 0; i <= len(w); i++ {
		if i < len(w) && w[i] != '*' && w[i] != '?' {
			continue
		}
		if i > start {
			b.WriteString(quoteWord(w[start:i]))
		}
		if i < len(w) {
			b.WriteByte(w[i])
		}
		start = i + 1
	}
	return b.String()
}

// cmdFolders are cmd.exe's variables for well-known folders, longest
// first, and the paths they stand for.
var cmdFolders = [...][2]string{
	{"%HOMEDRIVE%%HOMEPATH%", "~"}, {"%USERPROFILE%", "~"}, {"%HOMEPATH%", "~"}, {"%HOMEDRIVE%", "C:"}, {"%HOME%", "~"}, {"%ONEDRIVE%", `~\OneDrive`},
	{"%ONEDRIVECONSUMER%", `~\OneDrive`}, {"%COMSPEC%", `C:\Windows\System32\cmd.exe`}, {"%LOCALAPPDATA%", `~\AppData\Local`}, {"%APPDATA%", `~\AppData\Roaming`},
	{"%TEMP%", `~\AppData\Local\Temp`}, {"%TMP%", `~\AppData\Local\Temp`}, {"%SYSTEMROOT%", `C:\Windows`}, {"%WINDIR%", `C:\Windows`},
	{"%PROGRAMFILES%", `C:\Program Files`}, {"%PROGRAMDATA%", `C:\ProgramData`}, {"%SYSTEMDRIVE%", "C:"},
	{"%PUBLIC%", `C:\Users\Public`}, {"%ALLUSERSPROFILE%", `C:\ProgramData`},
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

// cmdSwitches splits switches cmd.exe reads without blanks between them:
// a builtin's name joined to its first (rd/s/q C:\x) and switches joined
// to each other (/s/q, /f/s/q), each its own word.
func cmdSwitches(words []string) []string {
	if len(words) == 0 {
		return words
	}
	var out []string
	for i, w := range words {
		if i == 0 {
			if k := strings.IndexByte(w, '/'); k > 0 && cmdBuiltins.Get(strings.ToLower(w[:k])) {
				out = append(out, w[:k])
				w = w[k:]
			} else {
				out = append(out, w)
				continue
			}
		}
		if len(w) > 3 && w[0] == '/' && cmdSwitchRun(w) {
			for _, f := range strings.Split(w[1:], "/") {
				out = append(out, "/"+f)
			}
			continue
		}
		out = append(out, w)
	}
	return out
}

// cmdSwitchRun reports a word of one-letter switches joined (/s/q/f).
func cmdSwitchRun(w string) bool {
	for i := 0; i < len(w); i += 2 {
		if w[i] != '/' || i+1 >= len(w) || !(w[i+1]|0x20 >= 'a' && w[i+1]|0x20 <= 'z') {
			return false
		}
	}
	return len(w)%2 == 0
}

// CmdExeLine reports a line of cmd.exe's builtins, as cmdLine does: a
// batch file's line a reader may tell from a POSIX shell's.
func CmdExeLine(src string) bool { return cmdLine(src) }

// cmdSwitchIn reports a word of the line that may be one of cmd.exe's
// switches: a / after a blank, then up to sixteen letters or digits ended
// by a blank, a colon, the line's end or another switch (/s, /q, /MIR,
// /R:0, /grant, /s/q), the cheap test before cmdLine reads each command. A POSIX
// path (/tmp/out.txt, /usr/bin) is a / and a name ended by another name.
func cmdSwitchIn(src string) bool {
	for at := 0; ; {
		k := strings.Index(src[at:], " /")
		if k < 0 {
			return false
		}
		i := at + k + 2
		j := i
		for j < len(src) && j-i < 17 && (src[j]|0x20 >= 'a' && src[j]|0x20 <= 'z' || src[j] >= '0' && src[j] <= '9') {
			j++
		}
		if j > i && j-i <= 16 && (j == len(src) || src[j] == ' ' || src[j] == '\t' || src[j] == ':' || src[j] == '"' ||
			src[j] == '/' && j-i == 1) {
			return true
		}
		at = i
	}
}
