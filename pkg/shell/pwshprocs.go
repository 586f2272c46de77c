package shell

import (
	"strings"

	"rampart.dev/pkg/internal/table"
)

// Processes named to PowerShell's process cmdlets are the processes the
// POSIX finders and killers name: Stop-Process -Name N (spps, kill) ends
// them as killall N does, Get-Process N lists them as pgrep -x N does,
// and a Stop-Process given neither a name nor an id ends the processes
// piped into it (Get-Process N | Stop-Process), as xargs kill ends the
// ids pgrep prints. A wildcard in a name (rampart*) is pgrep's pattern.
// Stop-Process -Id and a parameter not listed here keep the plain
// translation (kill and its words).

// pwshStopCmdlets are Stop-Process and its aliases (Get-Process's are
// pwshProcessCmdlets).
var pwshStopCmdlets = table.Map[string, bool]{Words: "stop-process spps kill"}

// pwshStopParams and pwshGetParams are the parameters of Stop-Process
// and Get-Process read: "name" for one whose value names processes, "id"
// for one whose value picks them otherwise, "value" for another that
// takes a value, "" for a switch.
var (
	pwshStopParams = table.Map[string, string]{Build: func() map[string]string {
		return map[string]string{"name": "name", "processname": "name", "id": "id", "inputobject": "id",
			"force": "", "passthru": "", "confirm": "", "whatif": "", "erroraction": "value"}
	}}
	pwshGetParams = table.Map[string, string]{Build: func() map[string]string {
		return map[string]string{"name": "name", "processname": "name", "id": "id", "inputobject": "id",
			"includeusername": "", "module": "", "fileversioninfo": "", "erroraction": "value", "computername": "id"}
	}}
)

// pwshProcess translates a process cmdlet that names processes, and
// reports whether it did.
func pwshProcess(name string, words []string) (string, bool) {
	stop := pwshStopCmdlets.Get(name)
	if !stop && (name == "ps" || !pwshProcessCmdlets.Get(name)) {
		return "", false
	}
	if stop && pwshWhatIf(words) {
		return "", false // only says what it would do (pwshT.command)
	}
	params := &pwshGetParams
	if stop {
		params = &pwshStopParams
	}
	var names []string
	ids, named := false, false
	for i := 1; i < len(words); i++ {
		w := words[i]
		if !strings.HasPrefix(w, "-") || len(w) < 2 {
			if !stop {
				named = true
				names = append(names, pwshNames(w)...) // Get-Process NAME
				continue
			}
			ids = true // Stop-Process ID
			continue
		}
		p, val, attached := strings.Cut(w[1:], ":")
		kind, ok := pwshProcessParam(params, strings.ToLower(p))
		if !ok {
			return "", false
		}
		if kind == "" {
			continue
		}
		val, i = pwshParamValue(words, i, val, attached)
		switch kind {
		case "name":
			named = true
			names = append(names, pwshNames(val)...)
		case "id":
			ids = true
		}
	}
	switch {
	case stop && len(names) > 0 && !ids:
		return "killall " + quoteWords(names), true
	case stop && !named && !ids:
		return "xargs kill", true // the processes piped in
	case !stop && len(names) == 1:
		return "pgrep " + pgrepPattern(names[0]), true
	}
	return "", false
}

// pwshProcessParam is the kind of a process cmdlet's parameter written
// as p, lower-cased (the full name or an unambiguous prefix), and whether
// it is one.
func pwshProcessParam(params *table.Map[string, string], p string) (string, bool) {
	if k, ok := params.Lookup(p); ok {
		return k, true
	}
	found, kind := 0, ""
	for full, k := range params.All() {
		if strings.HasPrefix(full, p) {
			found, kind = found+1, k
		}
	}
	return kind, found == 1
}

// pwshNames returns the literal process names of a value (a name, or a
// list a,b), without .exe; a value computed at run time names none.
func pwshNames(v string) []string {
	var out []string
	for _, part := range pwshSplit(v, ",") {
		lit, ok := pwshLiteral(strings.TrimSpace(part))
		if !ok || lit == "" || strings.Contains(lit, "$") {
			return nil
		}
		out = append(out, strings.TrimSuffix(lit, ".exe"))
	}
	return out
}

// pgrepPattern is pgrep's pattern for a process name: the name exactly,
// or with PowerShell's wildcards as a regular expression's.
func pgrepPattern(n string) string {
	if !strings.ContainsAny(n, "*?") {
		return "-x " + quoteWord(n)
	}
	r := strings.NewReplacer("*", ".*", "?", ".", ".", "[.]").Replace(n)
	return quoteWord("^" + r + "$")
}
