package shell

import (
	"encoding/base64"
	"strings"
	"unicode/utf8"

	"rampart.dev/pkg/internal/table"
)

// PowerShell statements beyond one pipeline of cmdlets: variables assigned
// a literal stand for it later ($p = "~"; Remove-Item $p), a hashtable
// splatted (@params) is its parameters, a variable holding a command's
// output piped on is that command ($f = gci DIR; $f | Remove-Item), and
// the code of script blocks (& {...}, Invoke-Command {...}, ForEach-Object
// {...}, if/foreach/while/try bodies) is translated where it runs, a
// ForEach-Object block acting on the items piped into it.

// pwshMaxDepth bounds how deeply blocks nest in a translation.
const pwshMaxDepth = 8

// pwshVar is what a variable holds: a literal value, the parameters of a
// splatted hashtable, or the code whose output it was assigned.
type pwshVar struct {
	lit, splat, code string
	known            bool
}

// pwshT is one translation: the variables assigned so far.
type pwshT struct {
	vars  map[string]pwshVar
	depth int
}

// translatePwsh turns PowerShell code into the POSIX command line with
// the same effects.
func translatePwsh(code string) string {
	t := &pwshT{vars: map[string]pwshVar{}}
	return strings.Join(t.block(code), "\n")
}

// translatePwshCommand translates one command run by its cmdlet name.
func translatePwshCommand(words []string) string {
	t := &pwshT{vars: map[string]pwshVar{}}
	return t.command(words)
}

// block translates a sequence of statements, one line each.
func (t *pwshT) block(code string) []string {
	if t.depth >= pwshMaxDepth {
		return []string{"$_"}
	}
	t.depth++
	defer func() { t.depth-- }()
	var out []string
	for _, stmt := range pwshSplit(code, ";\n") {
		stmt = strings.TrimSpace(stmt)
		if stmt == "" {
			continue
		}
		if t.assign(stmt, &out) {
			continue
		}
		if name, ok := pwshEnvAlone(stmt); ok {
			// $env:GITHUB_TOKEN alone on its statement: its value written
			// to the output, as printenv writes it
			out = append(out, "printenv "+name)
			continue
		}
		if lines, ok := t.control(stmt); ok {
			// its parts are substituted as they are reached, after the
			// assignments before them
			out = append(out, lines...)
			continue
		}
		if s := t.pipeline(t.subst(stmt)); s != "" {
			out = append(out, s)
		}
	}
	return out
}

// pipeline translates one pipeline.
func (t *pwshT) pipeline(stmt string) string {
	var stages []string
	prev := ""
	for k, stage := range pwshSplit(stmt, "|") {
		words := pwshWords(stage)
		var s string
		if inner, ok := pwshForEach(words); ok {
			s = t.forEach(prev, inner, k > 0)
		} else {
			s = t.command(words)
			if k > 0 {
				s = pwshPipedInto(prev, s)
			}
		}
		if s != "" {
			stages = append(stages, s)
		}
		prev = s
	}
	return strings.Join(stages, " | ")
}

// pwshForEach reports a ForEach-Object stage (%, foreach) and the code of
// its block.
func pwshForEach(words []string) (string, bool) {
	if len(words) < 2 {
		return "", false
	}
	switch strings.ToLower(words[0]) {
	case "foreach-object", "%", "foreach":
	default:
		return "", false
	}
	for _, w := range words[1:] {
		if inner, ok := pwshBraces(w); ok {
			return inner, true
		}
	}
	return "", false
}

// pwshItemRefs are the words that name the item a ForEach-Object block is
// given: written alone, they are the item the command acts on.
var pwshItemRefs = table.Map[string, bool]{Words: "$_ $psitem $_.fullname $psitem.fullname $_.name $_.pspath $_.path $psitem.name"}

// forEach translates a ForEach-Object block: each command that names the
// item ($_, $_.FullName, $PSItem) acts on what the earlier stage passes,
// as a cmdlet given no path does.
func (t *pwshT) forEach(prev, code string, piped bool) string {
	var kept []string
	for _, stmt := range pwshSplit(code, ";\n") {
		var words []string
		for _, w := range pwshWords(stmt) {
			if !pwshItemRefs.Get(strings.ToLower(strings.Trim(w, `"`))) {
				words = append(words, w)
			} else if n := len(words); n > 1 && strings.HasPrefix(words[n-1], "-") && !strings.Contains(words[n-1], ":") {
				if piped && !pwshPathParam(words[n-1]) {
					// -InFile $_: the item is that parameter's value
					words = append(words, pwshItem)
					continue
				}
				words = words[:n-1] // -Path $_: the parameter goes with it
			}
		}
		kept = append(kept, strings.Join(words, " "))
	}
	lines := t.block(strings.Join(kept, "\n"))
	for i, l := range lines {
		if piped {
			lines[i] = pwshPipedInto(prev, l)
		}
	}
	return pwshGroup(lines)
}

// pwshItem stands, in a ForEach-Object block's translation, for the item
// given as a parameter's value other than the path (-InFile $_), until
// pwshPipedInto says what the items are.
const pwshItem = "{}"

// pwshPathParam reports the parameters that name the paths a cmdlet acts
// on (-Path, -LiteralPath), which a piped item fills as it is.
func pwshPathParam(p string) bool {
	p = strings.ToLower(strings.TrimLeft(p, "-"))
	return p != "" && (strings.HasPrefix("path", p) || strings.HasPrefix("literalpath", p) && len(p) > 1)
}

// pwshGroup joins translated lines into one command (a brace group when
// there are several).
func pwshGroup(lines []string) string {
	switch len(lines) {
	case 0:
		return ""
	case 1:
		return lines[0]
	}
	return "{ " + strings.Join(lines, "; ") + "; }"
}

// pwshBraces unwraps a script block written as one word: {code}.
func pwshBraces(w string) (string, bool) {
	if len(w) >= 2 && w[0] == '{' && w[len(w)-1] == '}' {
		return w[1 : len(w)-1], true
	}
	return "", false
}

// pwshControl are the statements whose parenthesised parts and blocks run
// as code.
var pwshControl = table.Map[string, bool]{Build: func() map[string]bool {
	return map[string]bool{"if": true, "elseif": true, "else": true, "while": true, "for": true, "foreach": true, "switch": true, "try": true, "catch": true, "finally": true, "do": true, "until": true, "trap": true,
		// a function's body is judged where it is defined, as if it ran
		"function": true, "filter": true}
}}

// control translates a control statement: the commands of its conditions
// and the code of its blocks (foreach ($x in ITEMS) {...} as ITEMS piped
// into a block that names the item $x).
func (t *pwshT) control(stmt string) ([]string, bool) {
	words := pwshWords(stmt)
	if len(words) == 0 || !pwshControl.Get(strings.ToLower(words[0])) {
		return nil, false
	}
	var out []string
	loopVar, items := "", ""
	for _, w := range words[1:] {
		switch {
		case strings.HasPrefix(w, "(") && strings.HasSuffix(w, ")"):
			inner := strings.TrimSpace(w[1 : len(w)-1])
			if strings.EqualFold(words[0], "foreach") {
				if v, rest, ok := strings.Cut(inner, " in "); ok && strings.HasPrefix(strings.TrimSpace(v), "$") {
					loopVar, items = strings.ToLower(strings.TrimSpace(v)), strings.TrimSpace(rest)
					continue
				}
			}
			out = append(out, t.block(inner)...)
		case strings.HasPrefix(w, "{"):
			inner, _ := pwshBraces(w)
			if loopVar != "" {
				out = append(out, t.pipeline(t.subst(strings.TrimPrefix(strings.TrimSuffix(items, ")"), "("))+" | ForEach-Object {"+pwshRenameVar(inner, loopVar, "$_")+"}"))
				loopVar = ""
				continue
			}
			out = append(out, t.block(inner)...)
		}
	}
	return out, true
}

// pwshRenameVar replaces the variable from (lower case, with its $) by to
// wherever it is a whole name.
func pwshRenameVar(code, from, to string) string {
	var b strings.Builder
	l := strings.ToLower(code)
	for i := 0; i < len(code); {
		if strings.HasPrefix(l[i:], from) && (i+len(from) == len(code) || !isIdent(code[i+len(from)])) {
			b.WriteString(to)
			i += len(from)
			continue
		}
		b.WriteByte(code[i])
		i++
	}
	return b.String()
}

// pwshPathDirs turns a Windows search path's directories (";"-separated)
// into a POSIX one's, each as the walk reads its path.
func pwshPathDirs(val string) string {
	var dirs []string
	for _, d := range strings.Split(val, ";") {
		if d != "" {
			dirs = append(dirs, pwshValue(d))
		}
	}
	return strings.Join(dirs, ":")
}

// pwshEnvGrows reads the value of $env:NAME = A + B (+ C…) where the
// first or the last part is the variable itself and the others literals
// ([IO.Path]::PathSeparator among them, a ";"), or a double-quoted string
// that starts or ends with the variable ("C:\x;$env:PATH"): the export
// that puts the literal before or after the variable's value (a PATH's
// directories separated as POSIX separates them). ok is false for any
// other value.
func pwshEnvGrows(n, rhs string) (line string, ok bool) {
	parts := pwshSplit(strings.TrimSpace(rhs), "+")
	if len(parts) == 1 {
		parts = pwshInterpolatedSelf(strings.TrimSpace(rhs), n)
	}
	if len(parts) < 2 {
		return "", false
	}
	self := func(w string) bool {
		w = strings.Trim(strings.TrimSpace(w), "()")
		return strings.EqualFold(w, "$env:"+n) || strings.EqualFold(w, "${env:"+n+"}")
	}
	lits, before := parts[1:], false
	switch {
	case self(parts[0]) && !self(parts[len(parts)-1]):
	case self(parts[len(parts)-1]) && !self(parts[0]):
		lits, before = parts[:len(parts)-1], true
	default:
		return "", false
	}
	var b strings.Builder
	for _, lit := range lits {
		lit = strings.TrimSpace(lit)
		switch {
		case self(lit):
			return "", false
		case pwshPathSeparator(lit):
			b.WriteByte(';')
		case !pwshIsLiteral(lit) || pwshValue(lit) == "$_":
			return "", false
		default:
			b.WriteString(pwshValue(lit))
		}
	}
	val := b.String()
	if strings.EqualFold(n, "path") {
		n = "PATH" // Windows' names ignore case ($env:Path)
		val = pwshPathDirs(val)
		if before {
			val += ":"
		} else {
			val = ":" + val
		}
	}
	if before {
		return "export " + n + "=" + pwshQuoteWord(val) + "\"$" + n + "\"", true
	}
	return "export " + n + "=\"$" + n + "\"" + pwshQuoteWord(val), true
}

// pwshInterpolatedSelf splits a double-quoted string that starts or ends
// with $env:NAME (or ${env:NAME}) into the variable and the quoted rest,
// as NAME's value grown by a literal; nil for any other word.
func pwshInterpolatedSelf(w, n string) []string {
	if len(w) < 2 || w[0] != '"' || w[len(w)-1] != '"' {
		return nil
	}
	inner := w[1 : len(w)-1]
	for _, v := range [...]string{"$env:" + n, "${env:" + n + "}"} {
		if len(inner) > len(v) && strings.EqualFold(inner[len(inner)-len(v):], v) {
			return []string{`"` + inner[:len(inner)-len(v)] + `"`, v}
		}
		if len(inner) > len(v) && strings.EqualFold(inner[:len(v)], v) && !isIdent(inner[len(v)]) {
			return []string{v, `"` + inner[len(v):] + `"`}
		}
	}
	return nil
}

// pwshPathSeparator reports .NET's search-path separator named in code
// ([IO.Path]::PathSeparator, [System.IO.Path]::PathSeparator): ";".
func pwshPathSeparator(w string) bool {
	l := strings.ToLower(w)
	return l == "[io.path]::pathseparator" || l == "[system.io.path]::pathseparator"
}

// assign records a variable assignment ($name = VALUE) and appends the
// translation of the command whose output it takes, if any.
func (t *pwshT) assign(stmt string, out *[]string) bool {
	if len(stmt) < 2 || stmt[0] != '$' {
		return false
	}
	i := 1
	for i < len(stmt) && (isIdent(stmt[i]) || stmt[i] == ':') {
		i++
	}
	name := strings.ToLower(stmt[1:i])
	rest := strings.TrimLeft(stmt[i:], " \t")
	if env, ok := strings.CutPrefix(name, "env:"); ok && env != "" && strings.HasPrefix(rest, "+=") {
		// $env:PATH += ";C:\dev\bin": the variable grows by a literal, for
		// this session, as export PATH="$PATH:…" grows it
		add := strings.TrimSpace(rest[2:])
		if !pwshIsLiteral(add) || pwshValue(add) == "$_" {
			return false
		}
		val := pwshValue(add)
		if env == "path" {
			val = ":" + pwshPathDirs(val)
		}
		n := stmt[5:i]
		if env == "path" {
			n = "PATH" // Windows' names ignore case ($env:Path)
		}
		*out = append(*out, "export "+n+"=\"$"+n+"\""+pwshQuoteWord(val))
		return true
	}
	if name == "" || !strings.HasPrefix(rest, "=") || strings.HasPrefix(rest, "==") {
		return false
	}
	if env, ok := strings.CutPrefix(name, "env:"); ok && env != "" {
		if line, ok := pwshEnvGrows(stmt[5:i], strings.TrimSpace(rest[1:])); ok {
			// $env:PATH = "C:\tmp;" + $env:PATH: the variable with a
			// literal put before or after its own value
			*out = append(*out, line)
			return true
		}
	}
	rhs := strings.TrimSpace(t.subst(rest[1:]))
	v := pwshVar{}
	switch {
	case strings.HasPrefix(rhs, "@{") && strings.HasSuffix(rhs, "}"):
		v.splat = pwshSplat(rhs[2 : len(rhs)-1])
	default:
		if val := pwshValue(rhs); val != "$_" && pwshIsLiteral(rhs) {
			v.lit, v.known = val, true
			if env, ok := strings.CutPrefix(stmt[1:i], "env:"); ok && strings.EqualFold(name[:4], "env:") && env != "" {
				*out = append(*out, "export "+env+"="+pwshQuoteWord(val))
			}
			break
		}
		code := rhs
		if strings.HasPrefix(code, "(") {
			if j := pwshClose(code); j > 0 {
				code = code[1:j]
			}
		}
		v.code = code
		*out = append(*out, t.block(code)...)
	}
	t.vars[name] = v
	return true
}

// pwshIsLiteral reports a value written out: one quoted string or a
// number (a bare word there is a command).
func pwshIsLiteral(rhs string) bool {
	if len(pwshWords(rhs)) != 1 || strings.ContainsAny(rhs, "()|") {
		return false
	}
	if rhs[0] == '\'' || rhs[0] == '"' || rhs[0] == '$' {
		return true
	}
	return strings.Trim(rhs, "0123456789.") == "" || strings.EqualFold(rhs, "$true") || strings.EqualFold(rhs, "$false") || strings.EqualFold(rhs, "$null")
}

// pwshClose is the index of the parenthesis that closes the one code
// opens with, or -1.
func pwshClose(code string) int {
	depth := 0
	var quote byte
	for i := 0; i < len(code); i++ {
		c := code[i]
		switch {
		case quote != 0:
			if c == quote {
				quote = 0
			}
		case c == '\'' || c == '"':
			quote = c
		case c == '(':
			depth++
		case c == ')':
			depth--
			if depth == 0 {
				return i
			}
		}
	}
	return -1
}

// pwshSplat turns a hashtable's entries into parameters: Key = value as
// -Key value, Key = $true as -Key (a switch); $false entries are dropped.
func pwshSplat(body string) string {
	var params []string
	for _, e := range pwshSplit(body, ";\n") {
		k, v, ok := strings.Cut(e, "=")
		k, v = strings.Trim(strings.TrimSpace(k), `'"`), strings.TrimSpace(v)
		if !ok || k == "" {
			continue
		}
		switch strings.ToLower(v) {
		case "$true":
			params = append(params, "-"+k)
		case "$false":
		default:
			params = append(params, "-"+k, v)
		}
	}
	return strings.Join(params, " ")
}

// subst replaces the variables whose values are known: a literal outside
// quotes as a quoted literal, inside double quotes as its text; @name as
// a splatted hashtable's parameters; a variable that opens a pipeline as
// the command whose output it holds.
func (t *pwshT) subst(stmt string) string {
	if len(t.vars) == 0 {
		return stmt
	}
	var b strings.Builder
	var quote byte
	for i := 0; i < len(stmt); i++ {
		c := stmt[i]
		switch {
		case quote == '\'' && c != '\'':
		case c == '\'' || c == '"':
			if quote == 0 {
				quote = c
			} else if quote == c {
				quote = 0
			}
		case (c == '$' || c == '@' && quote == 0) && i+1 < len(stmt):
			j := i + 1
			for j < len(stmt) && (isIdent(stmt[j]) || stmt[j] == ':') {
				j++
			}
			v, ok := t.vars[strings.ToLower(stmt[i+1:j])]
			if rest := strings.TrimLeft(stmt[j:], " \t"); !ok || j < len(stmt) && stmt[j] == '.' || strings.HasPrefix(rest, "=") && !strings.HasPrefix(rest, "==") {
				break // unknown, a property, or the target of an assignment
			}
			switch {
			case c == '@' && v.splat != "":
				b.WriteString(v.splat)
				i = j - 1
				continue
			case c == '$' && v.known && quote == '"':
				b.WriteString(strings.ReplaceAll(v.lit, `"`, "`\""))
				i = j - 1
				continue
			case c == '$' && v.known:
				b.WriteString("'" + strings.ReplaceAll(v.lit, "'", "''") + "'")
				i = j - 1
				continue
			case c == '$' && v.code != "" && strings.TrimSpace(b.String()) == "" && strings.HasPrefix(strings.TrimSpace(stmt[j:]), "|"):
				b.WriteString(v.code)
				i = j - 1
				continue
			}
		}
		b.WriteByte(c)
	}
	return b.String()
}

// pwshCallee is the command the call operator (& or .) runs: a script
// block's code, or a name given as a literal or a concatenation of them.
func (t *pwshT) callee(words []string) (string, bool) {
	w := words[0]
	rest := words[1:]
	if len(w) > 1 && (w[0] == '&' || w[0] == '.') && (w[1] == '{' || w[1] == '\'' || w[1] == '"' || w[1] == '(') {
		rest = append([]string{w[1:]}, words[1:]...)
	} else if w != "&" && w != "." {
		return "", false
	}
	if len(rest) == 0 {
		return "", false
	}
	if inner, ok := pwshBraces(rest[0]); ok {
		return pwshGroup(t.block(inner)), true
	}
	if name, ok := pwshConcat(rest[0]); ok && name != "" && !strings.ContainsAny(name, "$ ") {
		return t.command(append([]string{name}, rest[1:]...)), true
	}
	if w[0] == '&' {
		// & ./x.ps1, & $env:TEMP\x.ps1, & (Join-Path $d x.ps1): the
		// program or script a path names
		v := pwshValue(rest[0])
		if v != "$_" && v != "" && !strings.ContainsAny(v, " \x01\x03") {
			return t.command(append([]string{v}, rest[1:]...)), true
		}
		if strings.Contains(v, " ") && strings.Contains(v, "/") && !strings.ContainsAny(v, "$\x01\x03") {
			// & "C:\Program Files\IIS Express\iisexpress.exe" …: a
			// program's path with a blank in it, run with its arguments,
			// never a cmdlet
			return pwshQuote(append([]string{v}, pwshValues(rest[1:])...)), true
		}
	}
	return "", false
}

// pwshConcat is the value of a literal or a parenthesised concatenation
// of literals ('Remove-'+'Item').
func pwshConcat(w string) (string, bool) {
	if strings.HasPrefix(w, "(") && strings.HasSuffix(w, ")") {
		w = w[1 : len(w)-1]
	}
	var b strings.Builder
	for _, part := range pwshSplit(w, "+") {
		part = strings.TrimSpace(part)
		if part == "" || part[0] != '\'' && part[0] != '"' {
			return "", false
		}
		lit, ok := pwshLiteral(part)
		if !ok || strings.Contains(lit, "$") {
			return "", false
		}
		b.WriteString(lit)
	}
	return b.String(), true
}

// pwshBlockRunners are cmdlets that run a script block they are given
// (Invoke-Command {...}, Start-Job {...}).
var pwshBlockRunners = table.Map[string, bool]{Words: "invoke-command icm start-job sajb start-threadjob"}

// blockRun translates a cmdlet that runs the script block it is given.
func (t *pwshT) blockRun(words []string) (string, bool) {
	if !pwshBlockRunners.Get(strings.ToLower(words[0])) {
		return "", false
	}
	for _, w := range words[1:] {
		if inner, ok := pwshBraces(w); ok {
			return pwshGroup(t.block(inner)), true
		}
	}
	return "$_", true
}

// pwshUnescape removes the backticks of a bare word (R`emove-Item is
// Remove-Item).
func pwshUnescape(w string) string {
	if w == "" || w[0] == '\'' || w[0] == '"' || !strings.Contains(w, "`") {
		return w
	}
	return strings.ReplaceAll(w, "`", "")
}

// pwshWhatIf reports a command given -WhatIf: it only says what it would do.
func pwshWhatIf(words []string) bool {
	for _, w := range words[1:] {
		switch strings.ToLower(w) {
		case "-whatif", "-whatif:$true", "-wi":
			return true
		}
	}
	return false
}

// pwshBase64 finds text decoded from a base64 literal in an expression
// ([Text.Encoding]::UTF8.GetString([Convert]::FromBase64String('...'))),
// as UTF-16LE when the expression names Unicode.
func pwshBase64(expr string) (string, bool) {
	l := strings.ToLower(expr)
	i := strings.Index(l, "frombase64string(")
	if i < 0 {
		return "", false
	}
	rest := strings.TrimLeft(expr[i+len("frombase64string("):], " ")
	if rest == "" || rest[0] != '\'' && rest[0] != '"' {
		return "", false
	}
	j := strings.IndexByte(rest[1:], rest[0])
	if j < 0 {
		return "", false
	}
	lit := rest[1 : 1+j]
	if strings.Contains(l, "unicode") {
		return decodeUTF16Base64(lit)
	}
	b, err := base64.StdEncoding.DecodeString(strings.TrimSpace(lit))
	if err != nil || !utf8.Valid(b) {
		return "", false
	}
	return string(b), true
}

// pwshHomeVars are the spellings of the home directory.
var pwshHomeVars = []string{"${env:userprofile}", "${env:home}", "$env:userprofile", "$env:home", "$home"}

// pwshHome replaces the home directory's spellings in code by ~.
func pwshHome(code string) string {
	for _, h := range pwshHomeVars {
		code = pwshRenameVar(code, h, "~")
	}
	return code
}

// pwshDotNet are .NET static methods on files, directories and the
// environment, by type
// (lower case, without "system.") and method: the POSIX command with the
// same effect and how many of the arguments are paths; made on first use.
var pwshDotNet = table.Once[map[string]map[string]dotNetMethod]{Build: func() map[string]map[string]dotNetMethod {
	return map[string]map[string]dotNetMethod{
		"io.directory": {"delete": {"rm -r", 1}, "move": {"mv", 2}, "getfiles": {"ls", 1}, "enumeratefiles": {"ls", 1}, "createdirectory": {"mkdir -p", 1}},
		"io.file": {"delete": {"rm", 1}, "readalltext": {"cat", 1}, "readallbytes": {"cat", 1}, "readalllines": {"cat", 1}, "openread": {"cat", 1}, "opentext": {"cat", 1},
			"writealltext": {"tee", 1}, "writeallbytes": {"tee", 1}, "writealllines": {"tee", 1}, "appendalltext": {"tee -a", 1}, "appendalllines": {"tee -a", 1},
			"copy": {"cp", 2}, "move": {"mv", 2}, "replace": {"mv", 2}},
		// the whole environment, as env prints it
		"environment": {"getenvironmentvariables": {"env", 0}},
	}
}}

// dotNetMethod is what a .NET static method becomes (see pwshDotNet).
type dotNetMethod struct {
	program string
	paths   int
}

// dotNet translates a call of a static .NET method on files
// ([IO.Directory]::Delete(PATH, $true)); ok is false for other expressions.
func (t *pwshT) dotNet(expr string) (string, bool) {
	l := strings.ToLower(expr)
	if !strings.HasPrefix(l, "[") {
		return "", false
	}
	end := strings.Index(l, "]::")
	open := strings.IndexByte(l, '(')
	if end < 0 || open < end || !strings.HasSuffix(l, ")") {
		return "", false
	}
	typ := strings.TrimPrefix(l[1:end], "system.")
	m, ok := pwshDotNet.Get()[typ][l[end+3:open]]
	if !ok {
		return "", false
	}
	args := pwshSplit(expr[open+1:len(expr)-1], ",")
	if len(args) < m.paths {
		return "$_", true
	}
	var paths []string
	for _, a := range args[:m.paths] {
		paths = append(paths, pwshValue(strings.TrimSpace(a)))
	}
	return m.program + " " + pwshQuote(paths), true
}

// pwshEnvAlone reports a statement that is one environment variable's
// value and nothing else ($env:NAME, ${env:NAME}), which PowerShell
// writes to the output; name is the variable's.
func pwshEnvAlone(stmt string) (name string, ok bool) {
	v := stmt
	if strings.HasPrefix(v, "${") && strings.HasSuffix(v, "}") {
		v = "$" + v[2:len(v)-1]
	}
	if len(v) < 6 || !strings.EqualFold(v[:5], "$env:") {
		return "", false
	}
	name = v[5:]
	for i := 0; i < len(name); i++ {
		if !isIdent(name[i]) {
			return "", false
		}
	}
	return name, name != ""
}

// pwshOutputOf translates a command's output used as a value, (CMD) or
// $(CMD), with a member that takes its text (.Content, .ToString()) or
// none: the command whose output the value is. A command that translates
// to nothing known is "$_". ok is false for any other expression.
func pwshOutputOf(expr string) (string, bool) {
	expr = strings.TrimSpace(strings.TrimPrefix(expr, "$"))
	end := pwshClose(expr)
	if len(expr) < 3 || expr[0] != '(' || end < 2 {
		return "", false
	}
	switch rest := strings.ToLower(strings.TrimSpace(expr[end+1:])); rest {
	case "", ".content", ".tostring()", ".trim()", ".content.trim()", ".rawcontent":
	default:
		return "", false
	}
	inner := strings.TrimSpace(expr[1:end])
	if strings.HasPrefix(inner, "(") {
		return pwshOutputOf(inner) // ((iwr URL).Content): the same output
	}
	if inner == "" || strings.ContainsAny(inner[:1], "$'\"0123456789@([") {
		return "", false // a value, not a command: read by the other forms
	}
	t := translatePwsh(inner)
	if t == "" || t == "echo" {
		return "", false
	}
	if strings.ContainsAny(t, "\n\x03\x04") {
		return "$_", true
	}
	return t, true
}
