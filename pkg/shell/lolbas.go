package shell

import (
	"path"
	"strings"

	"rampart.dev/pkg/internal/table"
)

// Windows' own programs that fetch or run what another place holds (the
// "living off the land" binaries), as WSL, Git Bash and cmd.exe run them,
// are read by translation, as cmd.exe's builtins are (cmdexe.go): each
// becomes the POSIX command with the same effect, walked like any shell
// string. certutil -urlcache -f URL FILE and bitsadmin /transfer J URL
// FILE are curl -o FILE URL (bitsadmin's /upload is curl -T), certutil
// -encode and -decode are base64; regsvr32 /i:URL and a javascript: or
// vbscript: line of rundll32 or mshta that names a URL are curl URL | sh,
// code from there run; pcalua -a PROG, forfiles /c CMD and wmic process
// call create CMD run PROG and CMD; sc create and config run their
// binPath= command, schtasks /create and /change their /tr command, runas
// its command, and reg add of an autorun key (Run, RunOnce, Winlogon's
// Shell and Userinit, a program's Debugger) its /d command; and a program, script or build file run from another
// host's share (\\host\share\x.exe, cscript \\host\s\x.vbs) is that
// host's code run: curl http://host/share/x | sh.
// hh and ieexec run the page or program a URL names, wmic /format:URL runs
// a stylesheet's script, url.dll's and zipfldr.dll's openers run the
// program or script they are given, bitsadmin /SetNotifyCmdLine runs its
// program when a job ends, and esentutl and extrac32
// copying from a share download (curl -o).

// lolbasReaders are the programs read by translation, by lower-case name
// (progName has taken .exe off), and what each becomes.
var lolbasReaders = table.Map[string, func([]string) string]{Words: "certutil bitsadmin regsvr32 rundll32 pcalua forfiles wmic sc mshta schtasks runas reg robocopy cscript wscript msbuild installutil regasm regsvcs msxsl odbcconf hh ieexec esentutl extrac32", Build: func() map[string]func([]string) string {
	share := func(words []string) string { return remoteFirstOperand(words) }
	return map[string]func([]string) string{
		"certutil": certutilLine, "bitsadmin": bitsadminLine, "regsvr32": regsvr32Line,
		"rundll32": rundll32Line, "pcalua": pcaluaLine, "forfiles": forfilesLine,
		"wmic": wmicLine, "sc": scLine, "mshta": mshtaLine,
		"schtasks": schtasksLine, "runas": runasLine, "reg": regAutorunLine,
		"robocopy": translateCmdCommand, // cmdexe.go: /MIR as rsync --delete
		"cscript":  share, "wscript": share, "msbuild": share, "installutil": share,
		"regasm": share, "regsvcs": share, "msxsl": share, "odbcconf": odbcconfLine,
		"hh": remoteOperandRun, "ieexec": remoteOperandRun,
		"esentutl": shareCopyLine, "extrac32": shareCopyLine,
	}
}}

// windowsToolLine is the POSIX line a Windows program's words translate
// to, or "" when they say nothing more than the catalogue does.
func windowsToolLine(name string, words []string) string {
	if u := shareURL(words[0]); u != "" {
		return remoteRun(u) // \\203.0.113.5\s\x.exe: that host's program
	}
	if f := lolbasReaders.Get(strings.ToLower(name)); f != nil {
		return f(words)
	}
	return ""
}

// winOption splits a Windows option word (/i:URL, -urlcache, /S) into its
// lower-case name and its value after ':' or '='; ok is false for an
// operand.
func winOption(w string) (name, value string, ok bool) {
	if len(w) < 2 || w[0] != '/' && w[0] != '-' {
		return "", "", false
	}
	if strings.HasPrefix(w, "//") && !strings.Contains(w[2:], "/") {
		return strings.ToLower(w[2:]), "", true // cscript's //nologo, //E:jscript
	}
	if head, _, _ := strings.Cut(w, ":"); w[0] == '/' && strings.Contains(head[1:], "/") {
		return "", "", false // a POSIX path (/mnt/c/x), not /i:http://…
	}
	w = strings.TrimLeft(w, "-/")
	if i := strings.IndexAny(w, ":="); i >= 0 {
		return strings.ToLower(w[:i]), w[i+1:], true
	}
	return strings.ToLower(w), "", true
}

// winOperands are the words after the program that are no options.
func winOperands(words []string) []string {
	var ops []string
	for _, w := range words[1:] {
		if _, _, ok := winOption(w); !ok {
			ops = append(ops, w)
		}
	}
	return ops
}

// hasWinOption reports an option by lower-case name.
func hasWinOption(words []string, name string) bool {
	for _, w := range words[1:] {
		if n, _, ok := winOption(w); ok && n == name {
			return true
		}
	}
	return false
}

// isURL reports a word that is a URL a program fetches.
func isURL(w string) bool {
	l := strings.ToLower(w)
	return strings.HasPrefix(l, "http://") || strings.HasPrefix(l, "https://") || strings.HasPrefix(l, "ftp://")
}

// urlIn finds the first http(s) URL inside a text (a script: moniker, a
// javascript: line), up to a quote, a space or a bracket.
func urlIn(s string) string {
	l := strings.ToLower(s)
	i := strings.Index(l, "http://")
	if j := strings.Index(l, "https://"); j >= 0 && (i < 0 || j < i) {
		i = j
	}
	if i < 0 {
		return ""
	}
	end := strings.IndexAny(s[i:], "\"' ()<>;")
	if end < 0 {
		return s[i:]
	}
	return s[i : i+end]
}

// shareURL is a path on another host's share (\\host\share\x, or
// //host/share/x as MSYS writes it) as the URL of what it holds, or "".
// The machine's own shares and WSL's are local files (match.windowsLocal).
func shareURL(w string) string {
	w = strings.Trim(w, `"'`)
	if !strings.HasPrefix(w, `\\`) && !strings.HasPrefix(w, "//") {
		return ""
	}
	rest := strings.ReplaceAll(w[2:], `\`, "/")
	host, share, _ := strings.Cut(rest, "/")
	if share == "" {
		return "" // //nologo: an option, no share
	}
	switch strings.ToLower(host) {
	case "", "?", ".", "wsl$", "wsl.localhost", "localhost", "127.0.0.1":
		return ""
	}
	return "http://" + rest
}

// remoteRun is the line for code fetched from u and run unseen.
func remoteRun(u string) string { return "curl -s " + quoteWord(u) + " | sh" }

// remoteFirstOperand is the line for a runner (cscript, msbuild) given a
// file on another host's share, or "".
func remoteFirstOperand(words []string) string {
	for _, w := range winOperands(words) {
		if u := shareURL(w); u != "" {
			return remoteRun(u)
		}
		break
	}
	return ""
}

// certutilLine: -urlcache (and -verifyctl) fetch a URL to a file,
// -encode and -decode are base64's.
func certutilLine(words []string) string {
	ops := winOperands(words)
	switch {
	case hasWinOption(words, "urlcache") || hasWinOption(words, "verifyctl"):
		for i, o := range ops {
			if isURL(o) {
				if i+1 < len(ops) {
					return "curl -o " + cmdQuoteWord(cmdPath(ops[i+1])) + " " + quoteWord(o)
				}
				return "curl -O " + quoteWord(o)
			}
		}
	case len(ops) == 2 && hasWinOption(words, "encode"):
		return "base64 " + cmdQuoteWord(cmdPath(ops[0])) + " > " + cmdQuoteWord(cmdPath(ops[1]))
	case len(ops) == 2 && (hasWinOption(words, "decode") || hasWinOption(words, "decodehex")):
		return "base64 -d " + cmdQuoteWord(cmdPath(ops[0])) + " > " + cmdQuoteWord(cmdPath(ops[1]))
	}
	return ""
}

// bitsadminLine: /transfer JOB [/download|/upload] [/priority P] URL FILE
// (and /addfile JOB URL FILE) move a file between a URL and here.
func bitsadminLine(words []string) string {
	for i := 1; i+2 < len(words); i++ {
		if n, _, ok := winOption(words[i]); ok && n == "setnotifycmdline" {
			// /SetNotifyCmdLine JOB PROG ARGS: PROG runs when the job ends
			return translateProcessLine(cmdJoin(words[i+2:]))
		}
	}
	up := hasWinOption(words, "upload")
	var url, file string
	for i := 1; i < len(words); i++ {
		w := words[i]
		if n, _, ok := winOption(w); ok {
			if n == "priority" || n == "transfer" || n == "addfile" || n == "create" {
				i++ // its value: a priority or the job's name
			}
			continue
		}
		if url == "" && isURL(w) {
			url = w
		} else if url != "" && file == "" {
			file = w
		}
	}
	switch {
	case url == "":
		return ""
	case up && file != "":
		return "curl -T " + cmdQuoteWord(cmdPath(file)) + " " + quoteWord(url)
	case file != "":
		return "curl -o " + cmdQuoteWord(cmdPath(file)) + " " + quoteWord(url)
	}
	return "curl -O " + quoteWord(url)
}

// regsvr32Line: /i:URL hands the scriptlet there to scrobj.dll, which
// runs it.
func regsvr32Line(words []string) string {
	for _, w := range words[1:] {
		if n, v, ok := winOption(w); ok && n == "i" && isURL(v) {
			return remoteRun(v)
		}
	}
	return remoteFirstOperand(words)
}

// rundll32Line: a javascript: or vbscript: line runs what it names (a
// script: moniker's URL); DLL,Entry from a path runs that file, from
// another host's share that host's code.
func rundll32Line(words []string) string {
	if len(words) < 2 {
		return ""
	}
	first := strings.Trim(words[1], `"'`)
	l := strings.ToLower(first)
	if strings.HasPrefix(l, "javascript:") || strings.HasPrefix(l, "vbscript:") {
		if u := urlIn(strings.Join(words[1:], " ")); u != "" {
			return remoteRun(u)
		}
		return ""
	}
	dll, entry, _ := strings.Cut(first, ",")
	if u := shareURL(dll); u != "" {
		return remoteRun(u)
	}
	if runner := rundll32Runners.Get(strings.ToLower(path.Base(strings.ReplaceAll(dll, `\`, "/"))) + "," + strings.ToLower(strings.TrimSpace(entry))); runner && len(words) > 2 {
		// url.dll,FileProtocolHandler X and zipfldr.dll,RouteTheCall X
		// open X as Explorer does: a program or a script is run
		target := strings.Trim(words[2], `"'`)
		switch {
		case shareURL(target) != "":
			return remoteRun(shareURL(target))
		case isURL(target) && runnableName(target):
			return remoteRun(target)
		case !isURL(target) && runnableName(target):
			return cmdQuoteWord(cmdPath(target))
		}
	}
	if strings.ContainsAny(dll, `\/`) {
		return cmdQuoteWord(cmdPath(dll)) // %TEMP%\x.dll,Start: a file the line may have fetched, run
	}
	return ""
}

// mshtaLine: a javascript: or vbscript: line that names a URL runs what
// is there (an http URL itself the catalogue reads).
func mshtaLine(words []string) string {
	if len(words) < 2 {
		return ""
	}
	l := strings.ToLower(strings.Trim(words[1], `"'`))
	if strings.HasPrefix(l, "javascript:") || strings.HasPrefix(l, "vbscript:") {
		if u := urlIn(strings.Join(words[1:], " ")); u != "" {
			return remoteRun(u)
		}
	}
	return remoteFirstOperand(words)
}

// pcaluaLine: -a PROG [-c ARGS] runs PROG.
func pcaluaLine(words []string) string {
	prog, args := "", ""
	for i := 1; i+1 < len(words); i++ {
		switch strings.ToLower(words[i]) {
		case "-a", "/a":
			prog = words[i+1]
		case "-c", "/c":
			args = words[i+1]
		}
	}
	if prog == "" {
		return ""
	}
	if u := shareURL(prog); u != "" {
		return remoteRun(u)
	}
	return translateProcessLine(`"` + prog + `" ` + args)
}

// forfilesLine: /c CMD runs CMD on each file of /p DIR (below it with /s)
// that /m MASK takes, @path and @file naming the file.
func forfilesLine(words []string) string {
	dir, mask, cmd, deep := ".", "*", "", false
	for i := 1; i < len(words); i++ {
		n, v, ok := winOption(words[i])
		if !ok {
			continue
		}
		if v == "" && i+1 < len(words) && (n == "p" || n == "m" || n == "c" || n == "d") {
			i++
			v = words[i]
		}
		switch n {
		case "p":
			dir = v
		case "m":
			mask = v
		case "c":
			cmd = v
		case "s":
			deep = true
		}
	}
	if cmd == "" {
		return ""
	}
	file := strings.TrimRight(dir, `\/`) + `\` + mask
	for _, at := range []string{"@path", "@file", "@fname", "@relpath"} {
		cmd = replaceFold(cmd, at, file)
	}
	if deep {
		cmd += " /s" // every directory below: del /s takes the same files
	}
	return translateProcessLine(cmd)
}

// translateProcessLine translates a command line a program starts itself
// (CreateProcess, no cmd.exe between: wmic process call create, a
// service's binPath=, pcalua -a, forfiles /c, whose documentation has
// cmd.exe's own commands given as cmd /c CMD): one command whose words
// are all its program's. A | or & among them is an argument, never a
// separator: powershell -c iwr URL | iex hands PowerShell the whole
// pipeline, which it joins and runs. A line that starts cmd.exe is
// cmd.exe's to split (cmd /c whoami & rd /s /q DIR runs both).
func translateProcessLine(line string) string {
	words := cmdWords(line)
	if len(words) == 0 {
		return ""
	}
	if name := words[0][strings.LastIndexAny(words[0], `\/`)+1:]; isCmdExe(name) {
		return translateCmdExe(line)
	}
	return translateCmdStatement(words, 0)
}

// replaceFold replaces every old (ASCII, any case) in s by new.
func replaceFold(s, old, new string) string {
	for {
		i := strings.Index(strings.ToLower(s), old)
		if i < 0 {
			return s
		}
		s = s[:i] + new + s[i+len(old):]
	}
}

// wmicLine: process call create CMD starts CMD (after any /node: and
// other global options).
func wmicLine(words []string) string {
	for _, w := range words[1:] {
		if n, v, ok := winOption(w); ok && n == "format" {
			if v = strings.Trim(v, `"'`); isURL(v) || shareURL(v) != "" {
				return remoteRun(firstNonEmpty(shareURL(v), v)) // /format:URL: a stylesheet's script run
			}
		}
	}
	for i := 1; i+2 < len(words); i++ {
		if strings.EqualFold(words[i], "call") && strings.EqualFold(words[i+1], "create") {
			return translateProcessLine(words[i+2])
		}
	}
	return ""
}

// scLine: create and config set the command line a service runs
// (binPath= CMD), each start of the machine: what it runs is judged.
func scLine(words []string) string {
	for i := 1; i < len(words); i++ {
		w := strings.ToLower(words[i])
		if w == "binpath=" && i+1 < len(words) {
			return translateProcessLine(words[i+1])
		}
		if v, ok := strings.CutPrefix(w, "binpath="); ok && v != "" {
			return translateProcessLine(words[i][len("binpath="):])
		}
	}
	return ""
}

// schtasksLine: /create and /change set the command line a task runs
// (/tr CMD), on its schedule: what it runs is judged.
func schtasksLine(words []string) string {
	return processOption(words, "tr")
}

// runasLine: runas [/user:U] [/savecred] CMD starts CMD as that user.
func runasLine(words []string) string {
	if ops := winOperands(words); len(ops) > 0 {
		return translateProcessLine(ops[len(ops)-1])
	}
	return ""
}

// autorunKeys are the registry keys (lower case) whose values Windows runs
// as command lines at each logon or start of a program: a value added
// there is a command run later, as a service's binPath= is.
var autorunKeys = [...]string{`\currentversion\run`, `\currentversion\runonce`, `\currentversion\runservices`,
	`\currentversion\policies\explorer\run`, `\currentversion\winlogon`, `\image file execution options\`}

// regAutorunLine: reg add KEY /v NAME /d CMD, where KEY is an autorun
// key, sets CMD to run later.
func regAutorunLine(words []string) string {
	if len(words) < 3 || !strings.EqualFold(words[1], "add") {
		return ""
	}
	key := strings.ToLower(words[2])
	for _, k := range autorunKeys {
		if strings.Contains(key, k) {
			return processOption(words, "d")
		}
	}
	return ""
}

// processOption is the process line a Windows option gives (/tr CMD,
// /d CMD, attached as /tr:CMD or as the next word), or "".
func processOption(words []string, name string) string {
	for i := 1; i < len(words); i++ {
		n, v, ok := winOption(words[i])
		if !ok || n != name {
			continue
		}
		if v == "" && i+1 < len(words) {
			v = words[i+1]
		}
		return translateProcessLine(v)
	}
	return ""
}

// rundll32Runners are the DLL entry points that open the file or URL
// after them as Explorer does, by "dll,entry" in lower case.
var rundll32Runners = table.Map[string, bool]{Words: `url.dll,fileprotocolhandler url.dll,openurl url.dll,openurla
	zipfldr.dll,routethecall ieframe.dll,openurl shdocvw.dll,openurl shell32.dll,shellexec_rundll`}

// runnableName reports a file or URL Windows runs when it is opened: a
// program, a script or an HTML application.
func runnableName(w string) bool {
	l := strings.ToLower(w)
	if k := strings.IndexAny(l, "?#"); k >= 0 {
		l = l[:k]
	}
	for _, e := range [...]string{".exe", ".hta", ".bat", ".cmd", ".vbs", ".vbe", ".js", ".jse", ".wsf", ".ps1", ".scr", ".com", ".msi", ".lnk"} {
		if strings.HasSuffix(l, e) {
			return true
		}
	}
	return false
}

// remoteOperandRun reads a program that runs the page or program its first
// operand names (hh.exe URL, ieexec.exe URL): another host's, code from
// there run.
func remoteOperandRun(words []string) string {
	for _, w := range winOperands(words) {
		w = strings.Trim(w, `"'`)
		if u := shareURL(w); u != "" {
			return remoteRun(u)
		}
		if isURL(w) {
			return remoteRun(w)
		}
		break
	}
	return ""
}

// odbcconfLine reads odbcconf's actions ({REGSVR \\host\s\x.dll}): a
// DLL from another host's share registered is that host's code run.
func odbcconfLine(words []string) string {
	for _, w := range words[1:] {
		if u := shareURL(strings.Trim(w, "{}\"'")); u != "" {
			return remoteRun(u)
		}
	}
	return ""
}

// shareCopyLine reads a program that copies or unpacks its first operand
// to its second (esentutl /y SRC /d DST, extrac32 /c SRC DST): from another
// host's share, a download to that file (curl -o DST URL), which a later
// command may run.
func shareCopyLine(words []string) string {
	ops := winOperands(words)
	if len(ops) < 2 {
		return ""
	}
	if u := shareURL(ops[0]); u != "" {
		return "curl -o " + cmdQuoteWord(cmdPath(ops[1])) + " " + quoteWord(u)
	}
	return ""
}

// firstNonEmpty returns a unless it is empty, else b.
func firstNonEmpty(a, b string) string {
	if a != "" {
		return a
	}
	return b
}
