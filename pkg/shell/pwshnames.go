package shell

import (
	"strings"

	"rampart.dev/pkg/catalog"
	"rampart.dev/pkg/internal/table"
)

// A cmdlet the translation table does not name is still PowerShell when
// an agent's PowerShell tool runs it by name: Set-MpPreference,
// New-NetFirewallRule, Set-ExecutionPolicy. PowerShell names its commands
// Verb-Noun, the verb one of its approved verbs (Get-Verb) and both parts
// capitalised; POSIX programs that share a verb (update-alternatives,
// install-info, start-stop-daemon) are written in lower case. A word of
// that shape is read as a cmdlet, so that one the table does not know is
// judged as PowerShell judges it (pwshT.command): a read-only verb looks,
// any other is unknown, never a silently allowed program.

// pwshApprovedVerbs are PowerShell's approved verbs, lower-cased.
var pwshApprovedVerbs = table.Map[string, bool]{Words: "add approve assert backup block build checkpoint clear close compare complete compress confirm connect convert convertfrom convertto copy debug deny deploy disable disconnect dismount edit enable enter exit expand export find format get grant group hide import initialize install invoke join limit lock measure merge mount move new open optimize out ping pop protect publish push read receive redo register remove rename repair request reset resize resolve restart restore resume revoke save search select send set show skip split start step stop submit suspend switch sync test trace unblock undo uninstall unlock unprotect unpublish unregister update use wait watch write"}

// fieldSet is the set of a text's words (table.Words).
func fieldSet(s string) map[string]bool { return table.Words(s) }

// pwshCmdletShape reports a program word written as a PowerShell cmdlet's
// name: an approved verb, a hyphen and a noun, each capitalised
// (Set-MpPreference).
func pwshCmdletShape(name string) bool {
	verb, noun, ok := strings.Cut(name, "-")
	if !ok || len(verb) < 2 || noun == "" || !upperASCII(verb[0]) || !upperASCII(noun[0]) {
		return false
	}
	for i := 0; i < len(noun); i++ {
		c := noun[i]
		if !(upperASCII(c) || c >= 'a' && c <= 'z' || c >= '0' && c <= '9') {
			return false
		}
	}
	return pwshApprovedVerbs.Get(strings.ToLower(verb))
}

// upperASCII reports an ASCII capital letter.
func upperASCII(c byte) bool { return c >= 'A' && c <= 'Z' }

// pwshLine reports a command line that is PowerShell as an agent's
// PowerShell tool sends it: its first word a cmdlet (one the translation
// table names, or one in a cmdlet's shape), and a word POSIX shells read
// otherwise than PowerShell does: a backslash, which PowerShell keeps as
// a path separator where sh removes it as an escape (C:\Users\dev\*
// would be C:Usersdev*), or $env:NAME, PowerShell's environment; or its
// first word one of PowerShell's aliases no POSIX program is called by
// (gc, iwr, irm), with $env: or one of the cmdlet's parameters. Such a
// line is read as PowerShell code (pwsh -c LINE), so its paths are the
// paths it names.
func pwshLine(src string) bool {
	windows := strings.IndexByte(src, '\\') >= 0 || hasEnvDrive(src)
	if !windows && strings.Index(src, " -") < 0 {
		return false // the common case, decided without allocating
	}
	first := strings.TrimSpace(src)
	if i := strings.IndexAny(first, " \t;|"); i >= 0 {
		first = first[:i]
	}
	if !windows && (catalog.Default().Known(first) || !capitalOption(src)) {
		return false // a POSIX program, or no parameter as PowerShell writes one
	}
	lower := strings.ToLower(first)
	if pwshCmdlet(lower) || pwshCmdletShape(first) {
		return windows // (a cmdlet alone is translated where it is run: wrappers.go)
	}
	if strings.HasPrefix(lower, "$env:") || strings.HasPrefix(lower, "${env:") {
		return true // $env:GH_TOKEN | …: a variable's value output, which sh would run as a program
	}
	// One of its aliases (ri, gci, cat, type) with a path from a drive
	// (C:\Users\dev) or PowerShell's home (~\.ssh, $HOME\.aws), which sh
	// would read as C:Usersdev or ~.ssh, naming nothing, or with
	// PowerShell's environment ($env:USERPROFILE\.ssh), which no POSIX
	// line writes: read as PowerShell even where the alias is also a POSIX
	// program's name (type, cat).
	v := pwshVerbs.Get()[lower]
	if v == nil || v.program == "echo" {
		return false // echo prints its words either way
	}
	if strings.IndexByte(src, '\\') >= 0 {
		for _, w := range strings.Fields(src) {
			if drivePathWord(w) || pwshHomePathWord(w) {
				return true
			}
		}
	}
	for _, w := range strings.Fields(src) {
		if pwshEnvPathWord(w) {
			return true
		}
	}
	// An alias no POSIX program is called by (gc, ri, iwr, irm) with
	// PowerShell's environment ($env:USERPROFILE\.aws) or one of its
	// cmdlet's parameters as PowerShell writes them (-Method, -OutFile).
	// rm, cat, curl and the other aliases that are POSIX programs keep
	// the POSIX reading.
	if catalog.Default().Known(lower) {
		return false
	}
	return hasEnvDrive(src) || pwshParamWord(src, v)
}

// capitalOption reports a word that starts with a dash and a capital
// letter (-OutFile), as PowerShell writes its parameters.
func capitalOption(src string) bool {
	for i := 1; i+1 < len(src); i++ {
		if src[i] == '-' && src[i-1] == ' ' && upperASCII(src[i+1]) {
			return true
		}
	}
	return false
}

// pwshParamWord reports a word of src's first command that is one of
// v's parameters as PowerShell writes them: a dash, a capital letter, and
// a name (or the start of one) the cmdlet takes (-Method, -InFile, -Fo).
func pwshParamWord(src string, v *pwshVerb) bool {
	if i := strings.IndexAny(src, ";|&\n"); i >= 0 {
		src = src[:i]
	}
	for _, w := range strings.Fields(src) {
		if len(w) < 3 || w[0] != '-' || !upperASCII(w[1]) {
			continue
		}
		full := pwshFullParam(strings.ToLower(w[1:]), v)
		if _, ok := v.params[full]; ok || v.switches[full] {
			return true
		}
	}
	return false
}

// hasEnvDrive reports "$env:" or "${env:" in any case, without allocating.
func hasEnvDrive(src string) bool {
	for i := strings.IndexByte(src, '$'); i >= 0 && i+5 <= len(src); {
		if foldEqual(src[i+1:i+4], "env") && src[i+4] == ':' {
			return true
		}
		if src[i+1] == '{' && i+6 <= len(src) && foldEqual(src[i+2:i+5], "env") && src[i+5] == ':' {
			return true // ${env:USERPROFILE}
		}
		j := strings.IndexByte(src[i+1:], '$')
		if j < 0 {
			return false
		}
		i += 1 + j
	}
	return false
}

// A cmdlet that gets a secret outputs it: Get-AzAccessToken, Get-AzStorageAccountKey,
// Get-AzKeyVaultSecret, Get-Secret, Get-AzCosmosDBAccountKey, New-AzStorageAccountSASToken.
// Its name says so whichever module it comes from: a getting verb and a
// noun that ends in what a credential is called. Printed, the secret is in
// the agent's context, as a keyring lookup's is.

// pwshSecretVerbs are the verbs whose cmdlets output what their noun names.
var pwshSecretVerbs = table.Map[string, bool]{Words: "get export show read unprotect convertfrom"}

// pwshSecretNouns are the endings (lower case) of a noun naming a secret.
// A credential object (Get-Credential) is left out: printed, it shows the
// user name and a SecureString, not the password.
var pwshSecretNouns = []string{"token", "tokens", "key", "keys", "secret", "secrets", "password", "passwords", "connectionstring", "connectionstrings", "apikey", "sastoken", "privatekey",
	// a key pair (Get-AzSearchAdminKeyPair), a publishing profile or its
	// credentials (Get-AzWebAppPublishingProfile), a registry's or a
	// cluster's credential (Get-AzContainerRegistryCredential,
	// Get-AzAksClusterUserCredential), an app's settings, which hold its
	// connection strings (Get-AzFunctionAppSetting)
	"keypair", "publishingprofile", "publishingcredential", "publishingcredentials", "registrycredential", "usercredential", "admincredential",
	"appsetting", "appsettings"}

// pwshSecretListers are the cmdlets whose output is a secret only when
// asked for in plain text: Get-AzKeyVaultSecret lists names, and one
// secret as a SecureString, unless -AsPlainText is given.
var pwshSecretListers = table.Map[string, bool]{Words: "get-azkeyvaultsecret"}

// pwshSecretOutput reports a cmdlet (name lower case, words as written)
// that outputs a secret: pwshSecretGetter's, unless it is one of
// pwshSecretListers given no -AsPlainText; and ConvertFrom-SecureString
// -AsPlainText, which prints what a SecureString holds.
func pwshSecretOutput(name string, words []string) bool {
	switch {
	case name == "convertfrom-securestring":
		// -AsPlainText: a secret's text, whatever gave the SecureString
	case !pwshSecretGetter(name):
		return false
	case !pwshSecretListers.Get(name):
		return true
	}
	for _, w := range words[1:] {
		if strings.EqualFold(w, "-AsPlainText") {
			return true
		}
	}
	return false
}

// pwshSecretGetter reports a cmdlet name (lower case) that outputs a
// secret: a getting verb and a secret's noun, or New- of a token (a SAS
// token minted is printed).
func pwshSecretGetter(name string) bool {
	verb, noun, ok := strings.Cut(name, "-")
	if !ok || noun == "" {
		return false
	}
	if strings.HasSuffix(noun, "publickey") || strings.HasSuffix(noun, "publickeys") || strings.HasSuffix(noun, "sshkey") || strings.HasSuffix(noun, "keyvaultkey") {
		return false
	}
	if verb == "new" {
		return strings.HasSuffix(noun, "token")
	}
	if !pwshSecretVerbs.Get(verb) {
		return false
	}
	for _, s := range pwshSecretNouns {
		if strings.HasSuffix(noun, s) {
			return true
		}
	}
	return false
}

// pwshEnvPathWord reports a word that is a path under a folder PowerShell's
// environment names, written with its separator ($env:USERPROFILE\.ssh).
func pwshEnvPathWord(w string) bool {
	w = strings.Trim(w, `"'(`)
	i := strings.IndexByte(w, '\\')
	return len(w) > 5 && foldEqual(w[:5], "$env:") && i > 5 && i+1 < len(w) && (isIdent(w[i+1]) || w[i+1] == '.')
}

// pwshHomePathWord reports a word that is a path under PowerShell's home
// written with its separator: ~\…, $HOME\…, ${HOME}\…, quoted or not.
func pwshHomePathWord(w string) bool {
	w = strings.Trim(w, `"'(`)
	for _, h := range [...]string{`~\`, `$HOME\`, `${HOME}\`, `$home\`} {
		if len(w) > len(h) && strings.HasPrefix(w, h) {
			// a name after the separator (~\.ssh), not an escaped quote (~\")
			c := w[len(h)]
			return isIdent(c) || c == '.' || c == '-'
		}
	}
	return false
}

// pwshShaped reports a line written as PowerShell writes its statements,
// for a line no POSIX shell parses: the call operator or dot-sourcing
// before a block, a string or a bracket (& { … }, & "ri", . { … }), a
// .NET type's member ([IO.File]::ReadAllText(…)), a bracketed command or
// an array first ((Get-Process x).Kill(), @("…") | …), a foreach or if
// statement, or a first word that is a cmdlet or one of its aliases.
func pwshShaped(src string) bool {
	s := strings.TrimSpace(src)
	if len(s) < 2 {
		return false
	}
	switch {
	case (s[0] == '&' || s[0] == '.') && strings.IndexByte(" {('\"", s[1]) >= 0:
		return true
	case s[0] == '[' && strings.Contains(s, "]::"):
		return true
	case s[0] == '(' || strings.HasPrefix(s, "@("):
		s = strings.TrimLeft(s, "@(")
	case strings.HasPrefix(strings.ToLower(s), "foreach (") || strings.HasPrefix(strings.ToLower(s), "if ("):
		return true
	case containsFoldWord(s, "; if (") || containsFoldWord(s, "; foreach ("):
		// npm test; if ($LASTEXITCODE -ne 0) { exit 1 }: a later
		// statement is PowerShell's if or foreach, which no POSIX shell
		// writes with a parenthesised condition
		return true
	}
	first := s
	if i := strings.IndexAny(first, " \t(|;"); i >= 0 {
		first = first[:i]
	}
	alias := pwshVerbs.Get()[strings.ToLower(first)] != nil && !catalog.Default().Known(strings.ToLower(first))
	return pwshCmdlet(strings.ToLower(first)) || pwshCmdletShape(first) || alias ||
		strings.Contains(s, "| ForEach-Object") || strings.Contains(s, "| % {") || strings.Contains(s, "| foreach {")
}

// containsFoldWord reports whether s holds sub, lower-case ASCII text, in
// any case.
func containsFoldWord(s, sub string) bool {
	for i := 0; i+len(sub) <= len(s); i++ {
		if s[i] == sub[0] && foldEqual(s[i:i+len(sub)], sub) {
			return true
		}
	}
	return false
}
