package shell

import (
	"encoding/base64"
	"slices"
	"strings"
	"unicode/utf16"

	"rampart.dev/pkg/internal/table"
)

// PowerShell code (pwsh -Command CODE, -EncodedCommand B64, a cmdlet run
// by name) is read by translation: each command of each pipeline becomes
// the POSIX command with the same effect (Remove-Item -Recurse becomes rm
// -r, Invoke-WebRequest -Uri U -InFile F becomes curl -T F U, a pipeline
// into Invoke-Expression becomes one into sh), and the translation is
// walked like any shell string. A cmdlet the table does not know, other
// than the read-only verbs, and any value computed at run time become
// "$_", so what nobody can see into is unknown, never silently allowed.

// foldEqual reports whether s is lower, an ASCII lower-case word, in any
// ASCII case.
func foldEqual(s, lower string) bool {
	if len(s) != len(lower) {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		if c != lower[i] {
			return false
		}
	}
	return true
}

// pwshCmdlet reports a program word that is a PowerShell cmdlet the
// translation table knows by its Verb-Noun name (Remove-Item,
// Invoke-WebRequest): no POSIX program is called so.
func pwshCmdlet(name string) bool {
	// Lower-casing neither makes nor removes a "-": the cheap test first.
	return strings.IndexByte(name, '-') >= 0 && pwshVerbs.Get()[strings.ToLower(name)] != nil
}

// pwshMember reports a variable's name with the properties read from it
// (s, r.StatusCode, r.Content.Length): no method is called, nothing
// indexed.
func pwshMember(s string) bool {
	if s == "" || s[0] == '.' || s[len(s)-1] == '.' {
		return false
	}
	for i := 0; i < len(s); i++ {
		if !isIdent(s[i]) && s[i] != '.' {
			return false
		}
	}
	return true
}

// pwshCode gives the code a PowerShell command line runs: -Command's words
// (the rest of the line), -EncodedCommand's decoded text, or, with
// neither, the first operand when it is not a script file. stdin is true
// when the code comes from standard input (-Command -, or nothing given).
func pwshCode(words []string) (code string, ok, stdin bool) {
	for i := 1; i < len(words); i++ {
		w := words[i]
		if !strings.HasPrefix(w, "-") && !strings.HasPrefix(w, "/") {
			return strings.Join(words[i:], " "), true, false
		}
		name, val, eq := strings.Cut(strings.ToLower(strings.TrimLeft(w, "-/")), ":")
		next := func() string {
			if eq {
				return val
			}
			if i+1 < len(words) {
				i++
				return words[i]
			}
			return ""
		}
		switch {
		case name == "":
			continue
		case pwshParam(name, "command", 1):
			if !eq && i+1 < len(words) && words[i+1] == "-" {
				return "", false, true
			}
			if eq {
				return strings.Join(append([]string{val}, words[i+1:]...), " "), true, false
			}
			return strings.Join(words[i+1:], " "), i+1 < len(words), false
		case pwshParam(name, "encodedcommand", 1) || name == "ec" || name == "enc":
			text, decoded := decodeUTF16Base64(next())
			return text, decoded, false
		case pwshParam(name, "file", 1):
			// -File - reads the script from standard input
			return "", false, !eq && i+1 < len(words) && words[i+1] == "-"
		case pwshParam(name, "executionpolicy", 2) || name == "ep" || pwshParam(name, "windowstyle", 1) ||
			pwshParam(name, "inputformat", 2) || pwshParam(name, "outputformat", 2) || pwshParam(name, "workingdirectory", 2) ||
			name == "wd" || pwshParam(name, "configurationname", 4) || pwshParam(name, "settingsfile", 2):
			next()
		}
	}
	return "", false, true
}

// pwshFile is the script a PowerShell command line runs with -File.
func pwshFile(words []string) string {
	for i := 1; i+1 < len(words); i++ {
		if name := strings.ToLower(strings.TrimLeft(words[i], "-/")); strings.HasPrefix(words[i], "-") && pwshParam(name, "file", 1) {
			return words[i+1]
		}
	}
	// pwsh s.ps1: a first operand that is a script is -File's (PowerShell
	// 7 reads a bare first operand as the file to run).
	for i := 1; i < len(words); i++ {
		w := words[i]
		if strings.HasPrefix(w, "-") {
			name := strings.ToLower(strings.TrimLeft(w, "-"))
			if pwshParam(name, "command", 1) || pwshParam(name, "encodedcommand", 1) || name == "ec" || name == "enc" {
				return "" // -c 'irm U -OutFile x.ps1': code, whatever it ends with
			}
			for _, p := range [...]string{"executionpolicy", "workingdirectory", "configurationname", "settingsfile", "outputformat", "inputformat", "windowstyle", "custompipename"} {
				if pwshParam(name, p, 2) {
					i++ // its value
					break
				}
			}
			continue
		}
		if strings.HasSuffix(strings.ToLower(w), ".ps1") {
			return w
		}
		return ""
	}
	return ""
}

// pwshParam reports whether name abbreviates param, at least min letters
// long (PowerShell accepts any unambiguous prefix).
func pwshParam(name, param string, min int) bool {
	return len(name) >= min && strings.HasPrefix(param, name)
}

// pwshEncodedUnreadable reports a PowerShell command line whose
// -EncodedCommand does not decode to a script: not base64 of UTF-16LE, or
// text that is mostly not ASCII (base64 of UTF-8 read as UTF-16 is).
func pwshEncodedUnreadable(words []string) bool {
	for i := 1; i < len(words); i++ {
		w := words[i]
		if !strings.HasPrefix(w, "-") && !strings.HasPrefix(w, "/") {
			return false
		}
		name, val, eq := strings.Cut(strings.ToLower(strings.TrimLeft(w, "-/")), ":")
		if !(pwshParam(name, "encodedcommand", 1) || name == "ec" || name == "enc") || pwshParam(name, "command", 1) {
			continue
		}
		if !eq {
			if i+1 >= len(words) {
				return false
			}
			val = words[i+1]
		}
		text, ok := decodeUTF16Base64(val)
		if !ok {
			return true
		}
		ascii, n := 0, 0
		for _, r := range text {
			n++
			if r == '\t' || r == '\n' || r == '\r' || r >= 0x20 && r < 0x7f {
				ascii++
			}
		}
		return n > 0 && ascii*5 < n*4
	}
	return false
}

// decodeUTF16Base64 decodes -EncodedCommand's text: base64 of UTF-16LE.
func decodeUTF16Base64(s string) (string, bool) {
	b, err := base64.StdEncoding.DecodeString(strings.TrimSpace(s))
	if err != nil || len(b)%2 != 0 {
		return "", false
	}
	u := make([]uint16, len(b)/2)
	for i := range u {
		u[i] = uint16(b[2*i]) | uint16(b[2*i+1])<<8
	}
	return string(utf16.Decode(u)), true
}

// pwshVerb is what a cmdlet or alias does, as the POSIX program with the
// same effect and how its parameters map.
type pwshVerb struct {
	program string
	// params maps a parameter (lower case, full name) to the POSIX
	// option it becomes; "" drops it, "=" keeps its value as an operand.
	params map[string]string
	// switches are parameters that take no value.
	switches map[string]bool
}

// scVerbs are sc.exe's verbs, which name what the service controller does.
var scVerbs = table.Map[string, bool]{Words: `create config delete stop start pause continue query queryex qc qdescription
	qfailure qfailureflags qsidtype qprivs qtriggerinfo qpreferrednode qmanagedaccount qprotection
	description failure failureflags sidtype privs managedaccount sdshow sdset showsid triggerinfo
	preferrednode control interrogate enumdepend getdisplayname getkeyname boot lock querylock`}

// pwshVerbs are the cmdlets and aliases whose effect is known, made on
// first use (a process that judges no PowerShell never makes them).
var pwshVerbs = table.Once[map[string]*pwshVerb]{Build: func() map[string]*pwshVerb {
	pathParams := map[string]string{"path": "=", "literalpath": "=", "filter": "", "include": "", "exclude": ""}
	pwshRemove := &pwshVerb{"rm", pathParams, map[string]bool{"recurse": true, "force": true, "confirm": true, "whatif": true}}
	pwshRead := &pwshVerb{"cat", mergeParams(pathParams, map[string]string{"totalcount": "", "tail": "", "encoding": "", "delimiter": "", "readcount": "", "head": "", "first": ""}), map[string]bool{"raw": true, "wait": true}}
	pwshWrite := &pwshVerb{"tee", mergeParams(pathParams, map[string]string{"filepath": "=", "value": "", "encoding": "", "inputobject": "", "width": ""}), map[string]bool{"append": true, "force": true, "nonewline": true, "noclobber": true}}
	pwshAppend := &pwshVerb{"tee -a", pwshWrite.params, pwshWrite.switches}
	// New-Item writes the path it makes (a link's -Target is written too:
	// what the link points at is written through it)
	pwshNew := &pwshVerb{"tee", mergeParams(pwshWrite.params, map[string]string{"itemtype": "", "type": "", "name": "=", "target": "="}), pwshWrite.switches}
	pwshCopy := &pwshVerb{"cp", mergeParams(pathParams, map[string]string{"destination": "="}), map[string]bool{"recurse": true, "force": true, "container": true, "passthru": true}}
	pwshMove := &pwshVerb{"mv", pwshCopy.params, map[string]bool{"force": true, "passthru": true}}
	pwshWeb := &pwshVerb{"curl", map[string]string{"uri": "=", "method": "-X", "infile": "-T", "body": "-d", "outfile": "-o", "headers": "", "contenttype": "", "usebasicparsing": "", "useragent": "", "timeoutsec": "", "credential": "", "form": "-F", "maximumredirection": "", "proxy": "-x"}, map[string]bool{"usebasicparsing": true, "skipcertificatecheck": true, "usedefaultcredentials": true, "passthru": true}}
	// the project's own test and lint runners: they run the scripts under
	// the path they are given, as go test or npm test run the project's
	pwshTests := &pwshVerb{"pester", map[string]string{"path": "=", "script": "=", "output": "", "tagfilter": "", "tag": "", "excludetag": "", "configuration": "", "outputformat": "", "outputfile": ">", "settings": "", "includerule": "", "excluderule": "", "severity": "", "task": "", "file": "="}, map[string]bool{"ci": true, "passthru": true, "enableexit": true, "recurse": true, "fix": true, "show": true}}
	pwshStart := &pwshVerb{"", map[string]string{"filepath": "=", "argumentlist": "=", "workingdirectory": "", "verb": "verb", "windowstyle": "", "redirectstandardoutput": "", "redirectstandarderror": "", "redirectstandardinput": ""}, map[string]bool{"wait": true, "nonewwindow": true, "passthru": true, "usenewenvironment": true}}
	return map[string]*pwshVerb{
		"remove-item": pwshRemove, "ri": pwshRemove, "rm": pwshRemove, "rmdir": pwshRemove, "rd": pwshRemove, "del": pwshRemove, "erase": pwshRemove,
		"get-content": pwshRead, "gc": pwshRead, "cat": pwshRead, "type": pwshRead,
		"set-content": pwshWrite, "sc": pwshWrite, "out-file": pwshWrite, "new-item": pwshNew, "ni": pwshNew,
		"add-content": pwshAppend, "ac": pwshAppend,
		"copy-item": pwshCopy, "cpi": pwshCopy, "copy": pwshCopy, "cp": pwshCopy,
		"move-item": pwshMove, "mi": pwshMove, "move": pwshMove, "mv": pwshMove, "rename-item": pwshMove, "ren": pwshMove, "rni": pwshMove,
		"invoke-webrequest": pwshWeb, "iwr": pwshWeb, "invoke-restmethod": pwshWeb, "irm": pwshWeb, "curl": pwshWeb, "wget": pwshWeb,
		"start-process": pwshStart, "saps": pwshStart, "start": pwshStart,
		"invoke-pester": pwshTests, "invoke-scriptanalyzer": pwshTests, "invoke-build": pwshTests, "invoke-psake": pwshTests,
		"invoke-expression": {program: "sh"}, "iex": {program: "sh"},
		"stop-computer": {program: "poweroff"}, "restart-computer": {program: "reboot"},
		"clear-disk": {program: "wipefs"}, "format-volume": {program: "mkfs"}, "initialize-disk": {program: "wipefs"},
		"stop-process": {program: "kill"}, "spps": {program: "kill"}, "kill": {program: "kill"},
		"get-item": {program: "ls -d"}, "gi": {program: "ls -d"},
		"get-clipboard": {program: "pbpaste"}, "gcb": {program: "pbpaste"}, // the clipboard read back
		"set-clipboard": {program: "pbcopy"}, "scb": {program: "pbcopy"}, // what it is given put there
		"compress-archive": {"tar -c", map[string]string{"path": "=", "literalpath": "=", "destinationpath": "-f", "compressionlevel": ""}, map[string]bool{"force": true, "update": true, "passthru": true}},
		"expand-archive":   {"unzip", map[string]string{"path": "=", "literalpath": "=", "destinationpath": "-d"}, map[string]bool{"force": true, "passthru": true}},
		"get-childitem":    {program: "ls"}, "gci": {program: "ls"}, "ls": {program: "ls"}, "dir": {program: "ls"},
		"set-location": {program: "cd"}, "cd": {program: "cd"}, "sl": {program: "cd"}, "chdir": {program: "cd"},
		"out-string": {program: "tee"}, "out-null": {program: "true"},
		// the mark of the web taken off a file, as xattr takes macOS's
		// quarantine off: nothing runs
		"unblock-file":  {"xattr -d com.apple.quarantine", pathParams, map[string]bool{"confirm": true, "whatif": true}},
		"clear-content": {"truncate -s 0", pathParams, map[string]bool{"force": true, "confirm": true, "whatif": true}}, "clc": {"truncate -s 0", pathParams, map[string]bool{"force": true}},
		"push-location": {program: "pushd"}, "pushd": {program: "pushd"}, "pop-location": {program: "popd"}, "popd": {program: "popd"},
		// a BITS download: -Source's URL to -Destination (an upload's
		// -TransferType is not known, and so unknown)
		"start-bitstransfer": {"curl", map[string]string{"source": "=", "destination": "-o", "displayname": "", "description": "", "priority": ""}, map[string]bool{"asynchronous": true}},
		"write-output":       {program: "echo"}, "echo": {program: "echo"}, "write": {program: "echo"}, "write-host": {program: "echo"},
	}
}}

// pwshReadOnlyVerbs are cmdlet verbs that only look or format: a cmdlet
// with one of them, which the table does not name, does nothing to judge.
var pwshReadOnlyVerbs = table.Map[string, bool]{Build: func() map[string]bool {
	return map[string]bool{
		"get": true, "select": true, "where": true, "sort": true, "format": true, "measure": true, "test": true,
		"out": false, "write": true, "compare": true, "group": true, "convertto": true, "convertfrom": true, "resolve": true,
		"split": true, "join": true, "show": true, "find": true, "read": true, "trace": false, "foreach": true,
		"wait": true, // Wait-Process, Wait-Job: only wait
	}
}}

func mergeParams(a, b map[string]string) map[string]string {
	m := make(map[string]string, len(a)+len(b))
	for k, v := range a {
		m[k] = v
	}
	for k, v := range b {
		m[k] = v
	}
	return m
}

// command translates one command of a pipeline.
func (t *pwshT) command(words []string) string {
	if len(words) == 0 {
		return ""
	}
	words[0] = pwshUnescape(words[0])
	if s, ok := t.callee(words); ok {
		return s
	}
	name := strings.ToLower(words[0])
	if s, ok := pwshProcess(name, words); ok {
		return s // pwshprocs.go: Stop-Process -Name N, Get-Process N | Stop-Process
	}
	if s, ok := pwshWhere(name, words); ok {
		return s // pwshwhere.go: Where-Object Name -like 'NODE_*'
	}
	if s, ok := t.dotNet(strings.Join(words, " ")); ok {
		return s
	}
	if n, ok := pwshEnvAlone(words[0]); ok && len(words) == 1 {
		return "printenv " + n // $env:GH_TOKEN | …: its value, output
	}
	if len(words) == 1 && strings.HasPrefix(name, "$") && pwshMember(name[1:]) {
		return "echo" // a variable's value or a property of it ($r.StatusCode), output
	}
	if strings.HasPrefix(name, "(") {
		if s, ok := pwshMemberOf(strings.Join(words, " ")); ok {
			return s
		}
	}
	if strings.HasPrefix(name, "$") || strings.HasPrefix(name, "(") || strings.HasPrefix(name, "[") || strings.HasPrefix(name, "&") {
		expr := strings.Join(words, " ")
		if code, ok := pwshCallArg(expr, "[scriptblock]::create("); ok {
			return pwshGroup(t.block(code)) // a script block made from a literal
		}
		if u, ok := pwshCallArg(expr, ".uploadfile("); ok {
			if args := pwshSplit(u, ","); len(args) >= 2 {
				return "curl -T " + pwshQuote([]string{pwshValue(strings.TrimSpace(args[len(args)-1]))}) + " " + pwshQuote([]string{pwshValue(strings.TrimSpace(args[0]))})
			}
		}
		// an expression: a download it names is a download
		if u := downloadURL(strings.Join(words, " ")); u != "" {
			return "curl " + quoteWord(u)
		}
		if pwshComparison(words) {
			return "true" // $LASTEXITCODE -ne 0: a truth, nothing run
		}
		return "$_"
	}
	if strings.HasPrefix(name, "'") || strings.HasPrefix(name, `"`) {
		return "echo" // a string is output
	}
	if s, ok := t.blockRun(words); ok {
		return s
	}
	if name == "measure-object" || name == "measure" {
		return "wc -l" // a count of what it is given
	}
	if name == "sc" && len(words) > 1 && scVerbs.Get(strings.ToLower(words[1])) {
		// sc create NAME binPath= …: Windows PowerShell's alias of
		// Set-Content never takes a file named for one of sc.exe's verbs;
		// PowerShell 7 has no such alias, and runs the service controller
		return pwshQuote(words)
	}
	if name == "start-bitstransfer" {
		words = pwshPositional(words, "asynchronous suspended", "-Source", "-Destination")
	}
	v := pwshVerbs.Get()[name]
	if v != nil && pwshWhatIf(words) {
		return "echo" // a cmdlet given -WhatIf only says what it would do
	}
	if v != nil && v.program == "ls" && len(words) > 1 && strings.HasPrefix(strings.ToLower(strings.Trim(words[1], `'"`)), "env:") {
		if n := pwshEnvName(strings.Trim(words[1], `'"`)); n != "" {
			return "printenv " + n // one variable of the drive
		}
		return "env" // the environment drive: every variable
	}
	if v == nil && pwshWhatIf(words) {
		if verb, _, ok := strings.Cut(name, "-"); ok && pwshApprovedVerbs.Get(verb) {
			return "echo" // any cmdlet given -WhatIf only says what it would do
		}
	}
	if v == nil {
		if isPwsh(name) {
			if code, ok, _ := pwshCode(words); ok {
				return "pwsh -c " + quoteWord(translatePwsh(code))
			}
		}
		if pwshProcessScoped(name, words) {
			return "true" // Set-ExecutionPolicy -Scope Process: this process only
		}
		if pwshSecretOutput(name, words) {
			// the secret it outputs, as a keyring lookup prints one
			return "secret-tool lookup " + quoteWord(words[0])
		}
		if verb, _, ok := strings.Cut(name, "-"); ok && pwshReadOnlyVerbs.Get(verb) {
			return "echo"
		}
		if verb, _, _ := strings.Cut(name, "-"); verb == name || !pwshApprovedVerbs.Get(verb) {
			// a native program run from PowerShell: itself (also with a
			// hyphen in its name, dotnet-outdated, docker-compose: no
			// cmdlet's name starts with a word that is not a verb)
			return pwshQuote(pwshValues(words))
		}
		return "$_"
	}
	if v.program == "sh" {
		// Invoke-Expression CODE: the code is PowerShell; piped into, a
		// shell reading what the earlier stage printed.
		if len(words) > 1 {
			args := words[1:]
			if p := strings.ToLower(args[0]); len(args) > 1 && strings.HasPrefix(p, "-c") && strings.HasPrefix("-command", p) {
				args = args[1:]
			}
			arg := strings.Join(args, " ")
			if u := downloadURL(arg); u != "" {
				return "curl " + quoteWord(u) + " | sh"
			}
			if code, ok := pwshBase64(arg); ok {
				return "sh -c " + quoteWord(pwshGroup(t.block(code)))
			}
			if lit, ok := pwshLiteral(pwshHome(arg)); ok && !strings.Contains(lit, "$") {
				return "sh -c " + quoteWord(pwshGroup(t.block(lit)))
			}
			if src, ok := pwshOutputOf(arg); ok {
				// iex (iwr URL), iex (irm URL).Content, iex $(Get-Content
				// x.ps1 -Raw): the command's output run as code
				return src + " | sh"
			}
			return "$_"
		}
		return "sh"
	}
	if v.params == nil {
		return strings.TrimSpace(v.program + " " + pwshQuote(pwshValues(words[1:])))
	}
	var opts, operands []string
	redirect := ""    // a parameter naming a file the cmdlet writes its report to
	elevated := false // Start-Process -Verb RunAs: run as the administrator
	for i := 1; i < len(words); i++ {
		w := words[i]
		if !strings.HasPrefix(w, "-") || len(w) < 2 {
			if !strings.HasPrefix(v.program, "tee") || len(operands) == 0 {
				// a write's second positional word is its -Value
				operands = append(operands, pwshValue(w))
			}
			continue
		}
		p, val, attached := strings.Cut(w[1:], ":")
		full := pwshFullParam(strings.ToLower(p), v)
		if _, known := v.params[full]; !known && !v.switches[full] {
			takesValue, common := pwshCommonParam(strings.ToLower(p))
			if !common {
				// a parameter the table does not know: it may take the
				// next word (the path) as its value, or change what the
				// cmdlet does; nobody can tell which
				return "$_"
			}
			if takesValue && !attached {
				i++
			}
			continue
		}
		if v.switches[full] {
			switch full {
			case "recurse":
				opts = append(opts, "-r")
			case "force":
				if v.program == "rm" {
					opts = append(opts, "-f")
				}
			case "append":
				if v.program == "tee" {
					opts = append(opts, "-a")
				}
			}
			continue
		}
		val, i = pwshParamValue(words, i, val, attached)
		switch to := v.params[full]; to {
		case "=":
			if v.program == "" && full == "filepath" {
				// Start-Process -ArgumentList A -FilePath P: the file is
				// the program wherever it is named
				operands = append([]string{pwshValue(val)}, operands...)
				continue
			}
			if strings.HasPrefix(val, "@(") && strings.HasSuffix(val, ")") {
				val = val[2 : len(val)-1] // an array
			}
			for _, part := range pwshSplit(val, ",") {
				operands = append(operands, pwshValue(strings.TrimSpace(part)))
			}
		case "":
		case "verb":
			elevated = strings.EqualFold(pwshValue(val), "runas")
		case ">":
			redirect = " > " + quoteWord(pwshValue(val))
		case "-X": // a method, in any case
			opts = append(opts, to, strings.ToUpper(pwshValue(val)))
		default:
			opts = append(opts, to, pwshValue(val))
		}
	}
	program := v.program
	if program == "" { // Start-Process: the file is the program
		if len(operands) == 0 {
			return "$_"
		}
		if isURL(operands[0]) && !elevated && len(operands) == 1 {
			// Start-Process https://…: the address opened in the browser
			return "xdg-open " + quoteWord(operands[0])
		}
		// the arguments are joined into the started program's command
		// line, which it splits itself: -ArgumentList '-c iwr URL | iex'
		// is four words and a pipe PowerShell runs, /c rd /s /q DIR five.
		// An array's element with a blank in it ("-c", "rm -rf ~") is
		// one argument where the version passes each element as one, and
		// split where it joins them: both readings are judged.
		program = quoteWord(operands[0])
		var split []string
		spaced := false
		for _, a := range operands[1:] {
			w := cmdWords(a)
			spaced = spaced || len(w) > 1
			split = append(split, w...)
		}
		if elevated {
			program = "sudo " + program // elevated, as sudo runs it
		}
		line := strings.TrimSpace(program+" "+pwshQuote(append(opts, split...))) + redirect
		if spaced && len(operands) > 2 {
			line += "\n" + strings.TrimSpace(program+" "+pwshQuote(append(opts, operands[1:]...))) + redirect
		}
		return line
	}
	return strings.TrimSpace(program+" "+pwshQuote(append(opts, operands...))) + redirect
}

// pwshTakesItems are the translations that act on the items a pipeline
// passes them when they name no path.
var pwshTakesItems = table.Map[string, bool]{Words: "rm cp mv cat"}

// pwshPipedInto is the translation t of a later pipeline stage, given the
// stage before it, prev. A cmdlet that names no path acts on the items the
// earlier stage passes: the children of the directory Get-ChildItem
// listed (gci ~ | Remove-Item is rm ~/*), or otherwise whatever came
// (xargs). A web request with no body of its own sends what came.
func pwshPipedInto(prev, t string) string {
	f := strings.Fields(t)
	if len(f) == 0 {
		return t
	}
	if i := slices.Index(f, quoteWord(pwshItem)); i >= 0 {
		f[i] = pwshItem
		t = strings.Join(f, " ")
	}
	if slices.Contains(f, pwshItem) {
		// a ForEach-Object item as a parameter's value (-InFile $_): the
		// children Get-ChildItem listed, or whatever came, each in turn
		if items := pwshListed(prev); len(items) > 0 {
			return strings.Replace(t, " "+pwshItem, " "+strings.Join(items, " "), 1)
		}
		return "xargs -I" + pwshItem + " " + t
	}
	if f[0] == "curl" && !strings.Contains(t, " -d ") && !strings.Contains(t, " -T ") {
		return "curl --data-binary @- " + strings.Join(f[1:], " ")
	}
	if !pwshTakesItems.Get(f[0]) || len(f) != len(pwshOptions(t))+1 {
		return t
	}
	if dirs := pwshListed(prev); len(dirs) > 0 {
		if f[0] == "rm" && pwshRecurses(strings.Fields(prev)[1:]) && !slices.Contains(f, "-r") {
			// gci C:\ -Recurse | Remove-Item: every file of the tree
			t = "rm -r" + strings.TrimPrefix(t, "rm")
		}
		return t + " " + strings.Join(dirs, " ")
	}
	return "xargs " + t
}

// pwshListed is what the translation of a Get-ChildItem stage passes on:
// the children of the directories it lists (ls DIR: DIR/*), or for
// Get-Item (ls -d) the items themselves; nil for any other stage.
func pwshListed(prev string) []string {
	p := strings.Fields(prev)
	if len(p) < 2 || p[0] != "ls" {
		return nil
	}
	var items []string
	for _, w := range p[1:] {
		if !strings.HasPrefix(w, "-") && p[1] == "-d" {
			items = append(items, w)
		} else if !strings.HasPrefix(w, "-") {
			items = append(items, strings.TrimSuffix(w, "/")+"/*")
		}
	}
	return items
}

// pwshRecurses reports a Get-ChildItem that lists a whole tree
// (-Recurse, or a prefix of it; -Depth).
func pwshRecurses(words []string) bool {
	for _, w := range words {
		l := strings.ToLower(w)
		if len(l) > 1 && l[0] == '-' && (strings.HasPrefix("-recurse", l) || l == "-depth") {
			return true
		}
	}
	return false
}

// pwshOptions are the option words of a translated command.
func pwshOptions(t string) []string {
	var opts []string
	for _, w := range strings.Fields(t)[1:] {
		if strings.HasPrefix(w, "-") {
			opts = append(opts, w)
		}
	}
	return opts
}

// pwshCommon are PowerShell's common parameters, which every cmdlet takes
// and none of which changes what it acts on, with their aliases; true
// when the parameter takes a value.
var pwshCommon = table.Map[string, bool]{Build: func() map[string]bool {
	return map[string]bool{
		"verbose": false, "vb": false, "debug": false, "db": false,
		"erroraction": true, "ea": true, "warningaction": true, "wa": true,
		"informationaction": true, "infa": true, "progressaction": true, "proga": true,
		"errorvariable": true, "ev": true, "warningvariable": true, "wv": true,
		"informationvariable": true, "iv": true, "outvariable": true, "ov": true,
		"outbuffer": true, "ob": true, "pipelinevariable": true, "pv": true,
	}
}}

// pwshCommonParam reports whether p (lower case, without the dash) names
// a common parameter, in full, by an alias or by an unambiguous prefix,
// and whether it takes a value.
func pwshCommonParam(p string) (takesValue, ok bool) {
	if v, found := pwshCommon.Lookup(p); found {
		return v, true
	}
	n := 0
	for full, v := range pwshCommon.All() {
		if len(full) > 4 && strings.HasPrefix(full, p) {
			takesValue, n = v, n+1
		}
	}
	return takesValue, n == 1
}

// pwshFullParam is the parameter a prefix names for a verb.
func pwshFullParam(p string, v *pwshVerb) string {
	if _, ok := v.params[p]; ok || v.switches[p] {
		return p
	}
	for full := range v.params {
		if strings.HasPrefix(full, p) {
			return full
		}
	}
	for full := range v.switches {
		if strings.HasPrefix(full, p) {
			return full
		}
	}
	return p
}

// downloadURL finds a .NET download in an expression:
// (New-Object Net.WebClient).DownloadString('URL'), DownloadFile, DownloadData.
func downloadURL(expr string) string {
	// lower-cased byte for byte, so that its indexes are expr's
	b := []byte(expr)
	for i, c := range b {
		if 'A' <= c && c <= 'Z' {
			b[i] = c + 'a' - 'A'
		}
	}
	l := string(b)
	for _, m := range []string{".downloadstring(", ".downloaddata(", ".downloadfile(", ".openread("} {
		if i := strings.Index(l, m); i >= 0 {
			rest := strings.TrimLeft(expr[i+len(m):], " ")
			if rest == "" {
				return ""
			}
			q := rest[0]
			if q != '\'' && q != '"' {
				return "$_"
			}
			if j := strings.IndexByte(rest[1:], q); j >= 0 {
				return rest[1 : 1+j]
			}
		}
	}
	return ""
}

// pwshValues maps each word through pwshValue.
func pwshValues(words []string) []string {
	out := make([]string, len(words))
	for i, w := range words {
		out[i] = pwshValue(w)
	}
	return out
}

// pwshValue is what a PowerShell word stands for: a quoted literal
// unquoted, the home directory for ~, $HOME, ${HOME}, $env:HOME and
// $env:USERPROFILE, backslashes as slashes, a drive's path as WSL mounts
// it; anything else computed is "$_".
func pwshValue(w string) string {
	if pwshUserProfile(w) {
		return "~"
	}
	if j, ok := pwshJoinedPath(w); ok {
		return j
	}
	if name, ok := pwshProcessID(w); ok {
		return "\x03pgrep " + quoteWord(name) + "\x04" // a process's id, as $(pgrep NAME)
	}
	if sub, ok := pwshSubexpr(w); ok {
		return sub
	}
	if lit, ok := pwshLiteral(pwshUnescape(w)); ok {
		w = lit
	} else {
		return "$_"
	}
	if strings.HasPrefix(strings.ToLower(w), "$profile") && (len(w) == 8 || !isIdent(w[8])) {
		w = pwshProfile + w[8:]
	}
	for _, h := range []string{"$env:userprofile", "$env:home", "${env:home}", "${env:userprofile}", "${home}", "$home"} {
		if len(w) >= len(h) && strings.EqualFold(w[:len(h)], h) {
			w = "~" + w[len(h):]
			break
		}
	}
	w = pwshEnvVars(pwshFolderVar(w))
	if strings.Contains(w, "$") {
		return "$_"
	}
	return windowsDrivePath(strings.ReplaceAll(w, `\`, "/"))
}

// pwshJoinedPath is the path an expression joins from its parts:
// (Join-Path $HOME '.ssh/id_rsa'), $(Join-Path -Path A -ChildPath B),
// [IO.Path]::Combine($HOME, '.aws', 'credentials'), with each part's own
// value (pwshValue). A part that is not known makes the whole unknown.
func pwshJoinedPath(w string) (string, bool) {
	inner := strings.TrimPrefix(w, "$")
	if len(inner) < 3 || inner[0] != '(' || pwshClose(inner) != len(inner)-1 {
		return "", false
	}
	inner = strings.TrimSpace(inner[1 : len(inner)-1])
	var parts []string
	if words := pwshWords(inner); len(words) >= 3 && strings.EqualFold(words[0], "join-path") {
		for _, p := range words[1:] {
			if strings.HasPrefix(p, "-") {
				continue // -Path, -ChildPath, -AdditionalChildPath
			}
			parts = append(parts, p)
		}
	} else if args, ok := pwshCallArg(inner, "::combine("); ok && pathClass(inner) {
		for _, p := range pwshSplit(args, ",") {
			parts = append(parts, strings.TrimSpace(p))
		}
	}
	if len(parts) < 2 {
		return "", false
	}
	out := ""
	for i, p := range parts {
		v := pwshValue(p)
		if v == "$_" || strings.ContainsAny(v, "\x03") {
			return "$_", true
		}
		if i == 0 {
			out = strings.TrimSuffix(v, "/")
		} else {
			out += "/" + strings.TrimPrefix(v, "/")
		}
	}
	return out, true
}

// pwshScopedCmdlets are cmdlets that change a setting for the scope
// -Scope names: given Process, only the PowerShell that runs them, gone
// when it ends.
var pwshScopedCmdlets = table.Map[string, bool]{Words: "set-executionpolicy"}

// pwshProcessScoped reports one of pwshScopedCmdlets given -Scope Process.
func pwshProcessScoped(name string, words []string) bool {
	if !pwshScopedCmdlets.Get(name) {
		return false
	}
	for i := 1; i < len(words); i++ {
		p, val, attached := strings.Cut(strings.ToLower(words[i]), ":")
		if !strings.HasPrefix(p, "-s") || !strings.HasPrefix("-scope", p) {
			continue
		}
		if !attached && i+1 < len(words) {
			val = strings.ToLower(words[i+1])
		}
		return strings.Trim(val, `'"`) == "process"
	}
	return false
}

// pwshProcessID reports the id of a process found by name,
// ((Get-Process -Name lsass).Id), $((gps lsass).Id), an argument
// (Get-Process lsass).Id, and the name.
func pwshProcessID(w string) (string, bool) {
	inner := strings.TrimPrefix(w, "$")
	if len(inner) < 3 || inner[0] != '(' {
		return "", false
	}
	if pwshClose(inner) == len(inner)-1 {
		inner = strings.TrimSpace(inner[1 : len(inner)-1])
	} // else (Get-Process x).Id as an argument: the member read of the bracketed command
	l := strings.ToLower(inner)
	if !strings.HasSuffix(l, ").id") || inner[0] != '(' || pwshClose(inner) != len(inner)-4 {
		return "", false
	}
	words := pwshWords(inner[1 : len(inner)-4])
	if len(words) < 2 || !pwshProcessCmdlets.Get(strings.ToLower(words[0])) {
		return "", false
	}
	for _, x := range words[1:] {
		if strings.HasPrefix(x, "-") {
			continue // -Name
		}
		if lit, ok := pwshLiteral(x); ok && lit != "" && !strings.ContainsAny(lit, "$*?") {
			return strings.TrimSuffix(lit, ".exe"), true
		}
		return "", false
	}
	return "", false
}

// pwshProcessCmdlets are Get-Process and its aliases.
var pwshProcessCmdlets = table.Map[string, bool]{Words: "get-process gps ps"}

// pathClass reports an expression that calls .NET's Path class
// ([IO.Path]::, [System.IO.Path]::).
func pathClass(expr string) bool {
	l := strings.ToLower(expr)
	return strings.HasPrefix(l, "[io.path]::") || strings.HasPrefix(l, "[system.io.path]::")
}

// pwshFolderVar replaces a leading $env:NAME or ${env:NAME} that names
// one of Windows' well-known folders ($env:APPDATA, $env:LOCALAPPDATA,
// $env:TEMP: cmd.exe's %NAME%, cmdFolders) by the path it stands for.
func pwshFolderVar(w string) string {
	if len(w) < 6 || w[0] != '$' {
		return w
	}
	rest := w[1:]
	braced := rest[0] == '{'
	if braced {
		rest = rest[1:]
	}
	if len(rest) < 5 || !strings.EqualFold(rest[:4], "env:") {
		return w
	}
	rest = rest[4:]
	n := 0
	for n < len(rest) && isIdent(rest[n]) {
		n++
	}
	name, tail := rest[:n], rest[n:]
	if braced {
		if !strings.HasPrefix(tail, "}") {
			return w
		}
		tail = tail[1:]
	}
	for _, f := range cmdFolders {
		if len(f[0]) == n+2 && strings.EqualFold(f[0][1:n+1], name) {
			return f[1] + tail
		}
	}
	return w
}

// windowsDrivePath is a path written with a drive letter (C:/Users/dev)
// as the Linux side of WSL sees the same files (/mnt/c/Users/dev); any
// other word is itself.
func windowsDrivePath(w string) string {
	if len(w) < 2 || w[1] != ':' || len(w) > 2 && w[2] != '/' {
		return w
	}
	c := w[0] | 0x20
	if c < 'a' || c > 'z' {
		return w
	}
	return "/mnt/" + string(c) + w[2:]
}

// pwshProfile is the file $PROFILE names: PowerShell's startup script.
const pwshProfile = "~/.config/powershell/Microsoft.PowerShell_profile.ps1"

// pwshUserProfile reports an expression for the home directory:
// [Environment]::GetFolderPath("UserProfile").
func pwshUserProfile(w string) bool {
	l := strings.ToLower(strings.NewReplacer(" ", "", "'", `"`, "system.", "").Replace(w))
	l = strings.TrimSuffix(strings.TrimPrefix(l, "("), ")")
	return l == `[environment]::getfolderpath("userprofile"` || l == `[environment]::getfolderpath("userprofile")`
}

// pwshSubexpr is the value of a command's output used as a value,
// (CMD) or $(CMD): a marker pwshQuoteWord writes as the POSIX $(CMD) of
// its translation, so that what the command reads is followed to where the
// value goes. Not for literals, variables or deep nesting.
func pwshSubexpr(w string) (string, bool) {
	inner := strings.TrimPrefix(w, "$")
	if len(inner) < 3 || inner[0] != '(' || pwshClose(inner) != len(inner)-1 || strings.Count(inner, "(") > 8 {
		return "", false
	}
	inner = strings.TrimSpace(inner[1 : len(inner)-1])
	if inner == "" {
		return "", false
	}
	if strings.ContainsAny(inner[:1], "@(") {
		return pwshNestedSubexpr(inner)
	}
	if strings.ContainsAny(inner[:1], "$'\"0123456789") {
		return "", false // ([IO.File]::ReadAllText(P)) is translated: pwshDotNet
	}
	t := translatePwsh(inner)
	if t == "" || t == "$_" || t == "echo" || strings.ContainsAny(t, "\n\x03\x04") {
		return "", false
	}
	return "\x03" + t + "\x04", true
}

// pwshEnvName is the variable a path of the environment drive names
// (Env:PATH, env:\HOME), or "" for the whole drive or a wildcard.
func pwshEnvName(p string) string {
	n := strings.TrimLeft(p[len("env:"):], `\/`)
	for i := 0; i < len(n); i++ {
		if !isIdent(n[i]) {
			return ""
		}
	}
	return n
}

// pwshMemberOf is the translation of an expression statement that outputs
// a property of a command's output, (Invoke-WebRequest U).StatusCode or
// (Get-AzAccessToken).Token: the command itself, whose output it shows.
// A method called on it (.GetCredentials()) is not read here.
func pwshMemberOf(expr string) (string, bool) {
	end := pwshClose(expr)
	if end < 2 {
		return "", false
	}
	rest := expr[end+1:]
	if rest == "" || rest[0] != '.' {
		return "", false
	}
	for i := 0; i < len(rest); i++ {
		if c := rest[i]; c != '.' && !isIdent(c) {
			return "", false
		}
	}
	inner := strings.TrimSpace(expr[1:end])
	if inner == "" || strings.ContainsAny(inner[:1], "$'\"(@[0123456789") {
		return "", false
	}
	t := translatePwsh(inner)
	if t == "" || t == "$_" || strings.ContainsAny(t, "\n\x03\x04") {
		return "", false
	}
	if m := strings.ToLower(rest); t == "env" && (m == ".name" || m == ".key") {
		return "env | cut -d= -f1", true // (Get-ChildItem env:).Name: the names alone
	}
	return t, true
}

// pwshNestedSubexpr is the value of an expression built around commands'
// output, (@{env = (gci env: | Out-String)} | ConvertTo-Json) or
// ((Get-Content k) -join ','): what it holds is what its innermost
// subexpressions output, so the first of them that is a command stands
// for it.
func pwshNestedSubexpr(expr string) (string, bool) {
	for i := 0; i < len(expr); i++ {
		if expr[i] != '(' {
			continue
		}
		end := pwshClose(expr[i:])
		if end < 0 {
			return "", false
		}
		if sub, ok := pwshSubexpr(expr[i : i+end+1]); ok {
			return sub, true
		}
		i += end
	}
	return "", false
}

// pwshEnvVars turns $env:NAME (other than the home directory's, which
// pwshValue has replaced) into a marker pwshQuote writes as the POSIX
// ${NAME}: the environment is the same.
func pwshEnvVars(w string) string {
	l := strings.ToLower(w)
	var b strings.Builder
	for i := 0; i < len(w); {
		if strings.HasPrefix(l[i:], "$env:") {
			j := i + 5
			for j < len(w) && isIdent(w[j]) {
				j++
			}
			if j > i+5 {
				b.WriteString("\x01" + w[i+5:j] + "\x02")
				i = j
				continue
			}
		}
		b.WriteByte(w[i])
		i++
	}
	return b.String()
}

// pwshLiteral unquotes a word: 'single' is literal, "double" is literal
// unless it expands something other than the home directory; a bare word
// is itself.
func pwshLiteral(w string) (string, bool) {
	w = strings.TrimSpace(w)
	if len(w) >= 2 && (w[0] == '\'' && w[len(w)-1] == '\'' || w[0] == '"' && w[len(w)-1] == '"') {
		inner := w[1 : len(w)-1]
		if w[0] == '\'' {
			return strings.ReplaceAll(inner, "''", "'"), true
		}
		return strings.ReplaceAll(inner, "`\"", `"`), !strings.Contains(strings.ToLower(strings.ReplaceAll(inner, "$home", "")), "$(")
	}
	if strings.ContainsAny(w, "()@") {
		return "", false
	}
	return w, true
}

// pwshSplit splits code at any of seps outside quotes, braces and
// parentheses.
func pwshSplit(code, seps string) []string {
	var out []string
	depth, start := 0, 0
	var quote byte
	for i := 0; i < len(code); i++ {
		c := code[i]
		switch {
		case quote != 0:
			if c == quote {
				quote = 0
			} else if c == '`' {
				i++
			}
		case c == '\'' || c == '"':
			quote = c
		case c == '`':
			i++
		case c == '(' || c == '{':
			depth++
		case c == ')' || c == '}':
			depth--
		case depth <= 0 && strings.IndexByte(seps, c) >= 0:
			out = append(out, code[start:i])
			start = i + 1
		}
	}
	return append(out, code[start:])
}

// pwshWords splits one command into words at blanks outside quotes and
// parentheses, keeping each word's quotes.
func pwshWords(cmd string) []string {
	var out []string
	for _, w := range pwshSplit(strings.TrimSpace(cmd), " \t") {
		if w != "" {
			out = append(out, w)
		}
	}
	return out
}

// pwshQuote quotes words for the shell (quoteWord), leaving "~" at a
// word's start to expand to the home directory.
func pwshQuote(ws []string) string {
	q := make([]string, len(ws))
	for i, w := range ws {
		switch {
		case w == "~":
			q[i] = "~"
		case strings.HasPrefix(w, "~/"):
			q[i] = "~/" + pwshQuoteWord(w[2:])
		default:
			q[i] = pwshQuoteWord(w)
		}
	}
	return strings.Join(q, " ")
}

// pwshQuoteWord quotes a word as quoteWord does, writing the environment
// variables pwshEnvVars marked as ${NAME} inside double quotes.
func pwshQuoteWord(w string) string {
	if strings.HasPrefix(w, "\x03") && strings.HasSuffix(w, "\x04") {
		return `"$(` + w[1:len(w)-1] + `)"`
	}
	if !strings.Contains(w, "\x01") {
		return quoteWord(w)
	}
	var b strings.Builder
	b.WriteByte('"')
	for _, part := range strings.Split(w, "\x01") {
		name, rest, ok := strings.Cut(part, "\x02")
		if ok {
			b.WriteString("${" + name + "}")
		} else {
			rest = part
		}
		for _, c := range []byte(rest) {
			if c == '"' || c == '\\' || c == '$' || c == '`' {
				b.WriteByte('\\')
			}
			b.WriteByte(c)
		}
	}
	b.WriteByte('"')
	return b.String()
}

// pwshCallArg is the argument text of the first call of method (lower
// case, with its opening parenthesis) in expr; for a single literal
// argument, its value.
func pwshCallArg(expr, method string) (string, bool) {
	l := strings.ToLower(expr)
	i := strings.Index(l, method)
	if i < 0 {
		return "", false
	}
	open := i + len(method) - 1
	end := pwshClose(expr[open:])
	if end < 0 {
		return "", false
	}
	arg := strings.TrimSpace(expr[open+1 : open+end])
	if lit, ok := pwshLiteral(arg); ok && arg != "" && (arg[0] == '\'' || arg[0] == '"') && len(pwshSplit(arg, ",")) == 1 {
		return lit, true
	}
	return arg, arg != "" && strings.Contains(arg, ",")
}

// pwshParamValue gives the value of the parameter at words[i] and the
// index of its last word: the value attached to it (-Name:x), else the
// next word, with an array written across blanks ("-c", "rm -rf ~")
// joined back into one.
func pwshParamValue(words []string, i int, val string, attached bool) (string, int) {
	if !attached && i+1 < len(words) {
		i++
		val = words[i]
	}
	for strings.HasSuffix(val, ",") && i+1 < len(words) {
		i++
		val += words[i]
	}
	return val, i
}

// pwshPositional names a cmdlet's positional words by the parameters
// they stand for, in order (Start-BitsTransfer URL FILE is -Source URL
// -Destination FILE), so that each is read as what it is. A word after a
// parameter is that parameter's value, unless switches (lower case,
// blank-separated) names it; the first word is the cmdlet.
func pwshPositional(words []string, switches string, names ...string) []string {
	out := []string{words[0]}
	for i := 1; i < len(words); i++ {
		w := words[i]
		if strings.HasPrefix(w, "-") && len(w) > 1 {
			out = append(out, w)
			sw := slices.Contains(strings.Fields(switches), strings.ToLower(w[1:]))
			if !sw && !strings.Contains(w, ":") && i+1 < len(words) && !strings.HasPrefix(words[i+1], "-") {
				i++
				out = append(out, words[i])
			}
			continue
		}
		if len(names) > 0 {
			out = append(out, names[0])
			names = names[1:]
		}
		out = append(out, w)
	}
	return out
}

// pwshComparisonOps are PowerShell's comparison and logical operators.
var pwshComparisonOps = table.Map[string, bool]{Words: "-eq -ne -gt -ge -lt -le -ieq -ine -ceq -cne -like -notlike -and -or -not"}

// pwshComparison reports an expression that only compares variables'
// values and literals ($LASTEXITCODE -ne 0, $h -eq $expected): each word
// a variable or a property of one, a number or a quoted literal without a
// subexpression, or a comparison operator. No method is called, nothing
// runs.
func pwshComparison(words []string) bool {
	if len(words) < 3 {
		return false
	}
	for _, w := range words {
		lw := strings.ToLower(w)
		switch {
		case pwshComparisonOps.Get(lw):
		case strings.HasPrefix(w, "$") && (w == "$?" || pwshMember(w[1:])):
		case strings.Trim(w, "0123456789.") == "":
		case len(w) >= 2 && w[0] == '\'' && w[len(w)-1] == '\'':
		case len(w) >= 2 && w[0] == '"' && w[len(w)-1] == '"' && !strings.Contains(w, "$("):
		default:
			return false
		}
	}
	return true
}
