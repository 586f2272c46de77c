package shell

import "strings"

// Windows' icacls changes who may use a path, as chmod does: icacls PATH
// /grant WHO:RIGHTS [/T]. It is read as the chmod with the same reach:
// rights granted to everyone (Everyone, Users, Authenticated Users, *S-1-1-0)
// with full or modify access are chmod 777, any other grant, a reset or an
// inheritance change one that keeps the path its owner's (u+rw), and /T
// makes it recursive. icacls PATH alone, or with /save, /verify or
// /findsid, only lists.

// icaclsOpenGrantees are the grantees that name everybody.
var icaclsOpenGrantees = [...]string{"everyone", "users", "authenticated users", "*s-1-1-0", "*s-1-5-11", "*s-1-5-32-545", "builtin\\users"}

// translateIcacls translates icacls's words after its name.
func translateIcacls(args []string) string {
	var paths []string
	recursive, changes, open := false, false, false
	for i := 0; i < len(args); i++ {
		w := args[i]
		lw := strings.ToLower(w)
		if !strings.HasPrefix(w, "/") {
			paths = append(paths, cmdPath(strings.Trim(w, `"`)))
			continue
		}
		sw, _, _ := strings.Cut(lw, ":")
		switch sw {
		case "/t":
			recursive = true
		case "/grant", "/deny", "/remove", "/setowner", "/setintegritylevel":
			changes = true
			for i+1 < len(args) && !strings.HasPrefix(args[i+1], "/") {
				i++
				spec := strings.ToLower(strings.Trim(args[i], `"`))
				if sw == "/grant" && icaclsOpen(spec) {
					open = true
				}
			}
		case "/reset", "/inheritance", "/restore", "/substitute":
			changes = true
			if sw == "/restore" || sw == "/substitute" {
				for i+1 < len(args) && !strings.HasPrefix(args[i+1], "/") {
					i++
				}
			}
		}
	}
	if len(paths) == 0 {
		return "$_"
	}
	if !changes {
		return "ls -ld " + cmdQuoteAll(paths)
	}
	argv := "chmod "
	if recursive {
		argv += "-R "
	}
	if open {
		argv += "777 "
	} else {
		argv += "u+rw "
	}
	return argv + cmdQuoteAll(paths)
}

// icaclsOpen reports a grant (WHO:RIGHTS, lower case) of full or modify
// access, or write, to everybody.
func icaclsOpen(spec string) bool {
	who, rights, ok := strings.Cut(spec, ":")
	if !ok {
		return false
	}
	for _, g := range icaclsOpenGrantees {
		if who == g {
			// the rights besides the (OI)(CI)(IO)(NP)(I) inheritance
			// flags, bare (F, RX,W) or in brackets themselves ((F), (M))
			for _, r := range strings.FieldsFunc(rights, func(c rune) bool { return c == '(' || c == ')' || c == ',' }) {
				switch r {
				case "oi", "ci", "io", "np", "i":
				default:
					if strings.ContainsAny(r, "fmw") {
						return true
					}
				}
			}
			return false
		}
	}
	return false
}

// cmdQuoteAll quotes translated words for the POSIX walk, blank-separated.
func cmdQuoteAll(ws []string) string {
	q := make([]string, len(ws))
	for i, w := range ws {
		q[i] = cmdQuoteWord(w)
	}
	return strings.Join(q, " ")
}

// icaclsSwitch reports one of icacls's long switches (/grant, /grant:r,
// /inheritance:r, /reset).
func icaclsSwitch(w string) bool {
	sw, _, _ := strings.Cut(strings.ToLower(w), ":")
	switch sw {
	case "/grant", "/deny", "/remove", "/reset", "/inheritance", "/setowner", "/setintegritylevel", "/restore", "/save", "/verify", "/findsid", "/substitute":
		return true
	}
	return false
}
