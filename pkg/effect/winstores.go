package effect

import (
	"strings"

	"rampart.dev/pkg/catalog"
	"rampart.dev/pkg/internal/table"
)

// WindowsStores are the paths that stand for Windows' own credential
// stores, one for each store a command may name: the SAM, SECURITY and
// SYSTEM hives (the accounts' password hashes and the key that opens them),
// the domain's NTDS.dit, and the memory of LSASS, the process that holds
// the logged-on users' passwords and tickets. A command that names one as
// what it reads or dumps reads that path; the profile's credential rules
// name them as they name ~/.ssh.
var WindowsStores = table.Map[string, string]{Build: func() map[string]string {
	return map[string]string{
		"sam":      "/mnt/c/Windows/System32/config/SAM",
		"security": "/mnt/c/Windows/System32/config/SECURITY",
		"system":   "/mnt/c/Windows/System32/config/SYSTEM",
		"ntds":     "/mnt/c/Windows/NTDS/ntds.dit",
		"lsass":    "/mnt/c/Windows/System32/lsass.exe/mem",
	}
}}

// storeWord names the store a word of a command names, or "": a hive's
// file (...\config\SAM, a shadow copy's among them), a hive's registry key
// (HKLM\SAM, HKEY_LOCAL_MACHINE\SECURITY, and HKLMSAM or
// ...System32configSAM, which is how a POSIX shell hands on an unquoted
// one), and NTDS.dit wherever it sits.
// LSASS is named by its process name only to a program that attaches to a
// process (procdump lsass.exe, rundll32 comsvcs.dll MiniDump with
// (Get-Process lsass).Id): elsewhere the name is only looked up.
func storeWord(w string, attaches bool) string {
	if !attaches && !mayNameStore(w) {
		return ""
	}
	return storeWordSlow(w, attaches)
}

// mayNameStore reports whether storeWord could name a store for w when
// the program does not attach to a process: whether w, trimmed and in
// lower case, ends with one of the store names (sam, security, system,
// ntds.dit), as every store storeWord names but LSASS does. A word whose
// last byte (trailing ASCII space aside) is an ASCII letter other than m,
// y or t is answered at once; a word with a non-ASCII byte is left to
// storeWordSlow (case folding may change it), so a false is exact.
func mayNameStore(w string) bool {
	end := len(w)
	for end > 0 && asciiSpace(w[end-1]) {
		end--
	}
	if end == 0 {
		return true
	}
	switch c := w[end-1]; {
	case c >= 0x80:
		return true
	case c|0x20 != 'm' && c|0x20 != 'y' && c|0x20 != 't':
		return false
	}
	w = w[:end]
	for i := 0; i < len(w); i++ {
		if w[i] >= 0x80 {
			return true
		}
	}
	for _, s := range [...]string{"sam", "security", "system", "ntds.dit"} {
		if len(w) >= len(s) && strings.EqualFold(w[len(w)-len(s):], s) {
			return true
		}
	}
	return false
}

// asciiSpace reports whether b is a byte strings.TrimSpace trims.
func asciiSpace(b byte) bool {
	return b == ' ' || b == '\t' || b == '\n' || b == '\v' || b == '\f' || b == '\r'
}

// storeWordSlow is storeWord's reading in full.
func storeWordSlow(w string, attaches bool) string {
	w = strings.ToLower(strings.ReplaceAll(strings.TrimSpace(w), "/", `\`))
	if w == "" {
		return ""
	}
	if attaches && namesLsass(w) {
		return "lsass"
	}
	if strings.HasSuffix(w, "ntds.dit") {
		return "ntds"
	}
	for _, hive := range [...]string{"sam", "security", "system"} {
		switch {
		case strings.HasSuffix(w, `\config\`+hive), strings.HasSuffix(w, "system32config"+hive),
			w == `hklm\`+hive, w == "hklm"+hive,
			w == `hkey_local_machine\`+hive, w == "hkey_local_machine"+hive:
			return hive
		}
	}
	return ""
}

// windowsStores adds a read of each Windows credential store the command
// names (storeWord) or reads whenever it runs: the catalogue's "stores"
// lists the stores a credential dumper reads (mimikatz reads LSASS's
// memory whatever its words say), and "stores-args", when set, the
// operands under which it reads them (ntdsutil ifm copies NTDS.dit and the
// SYSTEM hive; its other commands manage the directory).
func (a *analysis) windowsStores(i int, e *catalog.Entry, cl *catalog.Classified) {
	attaches := e != nil && e.Prop("attaches") != ""
	if e != nil {
		if names := e.Prop("stores"); names != "" {
			on := true
			if args := e.Prop("stores-args"); args != "" {
				on = false
				for _, w := range cl.Words {
					on = on || w.Option == "" && matchesAny(w.Text, args)
				}
			}
			if on {
				for _, n := range strings.Split(names, ",") {
					if p := WindowsStores.Get(n); p != "" {
						a.add(Effect{Kind: Read, Cmd: i, Path: p})
					}
				}
			}
		}
	}
	for _, w := range cl.Words {
		if w.Option != "" && w.Role == catalog.Shell {
			continue
		}
		if n := storeWord(w.Text, attaches); n != "" {
			a.add(Effect{Kind: Read, Cmd: i, Path: WindowsStores.Get(n)})
		}
	}
	if silencesAudit(e, cl) {
		a.add(Effect{Kind: Write, Cmd: i, Path: WindowsEventLogs})
	}
}

// WindowsEventLogs is the directory of Windows' event logs, the Security
// log among them: the host's audit trail, as /var/log/audit is Linux's.
var WindowsEventLogs = "/mnt/c/Windows/System32/winevt/Logs"

// silencesAudit reports whether a command empties the host's event logs or
// stops them recording (the catalogue's "audit-verbs", any operand of which
// does it, with "audit-args", when set, naming what it is done to): sc stop
// EventLog, sc config EventLog start= disabled, net stop eventlog, wevtutil
// cl Security, auditpol /clear, auditpol /set ... /success:disable.
func silencesAudit(e *catalog.Entry, cl *catalog.Classified) bool {
	if e == nil {
		return false
	}
	verbs := e.Prop("audit-verbs")
	if verbs == "" {
		return false
	}
	args := e.Prop("audit-args")
	verb, named := false, args == ""
	for _, w := range cl.Words {
		if w.Option != "" {
			continue
		}
		verb = verb || matchesAny(w.Text, verbs)
		named = named || args != "" && matchesAny(w.Text, args)
	}
	return verb && named
}

// namesLsass reports whether a word names the LSASS process: the name
// itself, or a lookup of its id ((Get-Process lsass).Id, $(pidof lsass)),
// not a dump file named after it (lsass.dmp), which is where it is written.
func namesLsass(w string) bool {
	if strings.HasSuffix(w, ".dmp") {
		return false
	}
	for _, f := range strings.FieldsFunc(w, func(r rune) bool {
		return !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r == '_' || r == '-')
	}) {
		if f == "lsass" {
			return true
		}
	}
	return false
}
