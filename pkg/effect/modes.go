package effect

import (
	"strings"

	"rampart.dev/pkg/catalog"
)

// Mode changes that open a file to others. chmod o+r ~/.ssh/id_ed25519,
// chmod 644 ~/.aws/credentials and setfacl -m u:bob:r ~/.netrc hand the
// file to every other user of the machine, as a copy of it would: such a
// change is a Chmod effect with Detail "opens", which the engine also
// judges as a read of the file (what may read it now). A change that only
// narrows access (chmod 600, go-rwx) opens nothing.

// opensToOthers reports whether a chmod or ACL command line grants read
// or write to the group, to others or to a named user.
func opensToOthers(name string, cl *catalog.Classified) bool {
	switch name {
	case "chmod":
		for _, w := range cl.Words {
			if w.Option == "--reference" {
				return true // a mode copied from another file: any mode
			}
		}
		for _, w := range cl.Words {
			if w.Role == catalog.Data && w.Option == "" {
				return modeOpens(w.Text)
			}
		}
	case "setfacl":
		for _, w := range cl.Words {
			switch w.Option {
			case "-m", "--modify", "--set":
				if aclOpens(w.Text) {
					return true
				}
			case "-M", "--modify-file", "--set-file":
				return true // entries nobody can read here
			}
		}
	}
	return false
}

// modeOpens reads a chmod mode: octal (its group and other digits), or
// symbolic clauses ([ugoa]*[+=][rwxXst]*, comma-separated). A mode that
// cannot be read is taken to open.
func modeOpens(m string) bool {
	if m == "" {
		return false
	}
	if strings.Trim(m, "01234567") == "" {
		for len(m) < 2 {
			m = "0" + m // chmod 7 is 0007
		}
		g, o := m[len(m)-2]-'0', m[len(m)-1]-'0'
		return g&6 != 0 || o&6 != 0
	}
	for _, clause := range strings.Split(m, ",") {
		k := strings.IndexAny(clause, "+-=")
		if k < 0 {
			return true
		}
		who, op, perms := clause[:k], clause[k], clause[k+1:]
		if strings.Trim(who, "ugoa") != "" {
			return true
		}
		if op == '-' {
			continue
		}
		others := who == "" || strings.ContainsAny(who, "goa")
		if others && strings.ContainsAny(perms, "rwug") {
			return true // g=u, o=u copy the owner's rights
		}
	}
	return false
}

// aclOpens reads setfacl entries (u:bob:r, g::rw, o::r, m::r): any entry
// for a named user or group, or for others, that grants r or w.
func aclOpens(spec string) bool {
	for _, e := range strings.Split(spec, ",") {
		e = strings.TrimPrefix(strings.TrimPrefix(e, "d:"), "default:")
		parts := strings.Split(e, ":")
		if len(parts) < 2 {
			continue
		}
		tag, qual, perms := parts[0], "", ""
		if len(parts) >= 3 {
			qual, perms = parts[1], parts[2]
		} else {
			perms = parts[1]
		}
		owner := (tag == "u" || tag == "user") && qual == ""
		if !owner && tag != "m" && tag != "mask" && strings.ContainsAny(perms, "rw") {
			return true
		}
	}
	return false
}

// chmodReference adds what chmod --reference=FILE changes: every
// positional is a target then, the first too, which the catalogue reads as
// the mode; the mode copied may be any, so it opens.
func (a *analysis) chmodReference(i int, cl *catalog.Classified, recursive bool) {
	ref := false
	for _, w := range cl.Words {
		ref = ref || w.Option == "--reference"
	}
	if !ref {
		return
	}
	for _, w := range cl.Words {
		if w.Role == catalog.Data && w.Option == "" {
			a.add(Effect{Kind: Chmod, Cmd: i, Path: a.clean(w.Text, i), Recursive: recursive, Detail: "opens"})
			return
		}
	}
}

// worldWritable reports a chmod whose mode lets every user of the machine
// write (777, 666, o+w, a+w, a=rwx): anyone may then change what runs or
// is served from there. A mode copied with --reference may be any.
func worldWritable(cl *catalog.Classified) bool {
	for _, w := range cl.Words {
		if w.Option == "--reference" {
			return false // judged as opening already; its mode is unknown
		}
		if w.Role != catalog.Data || w.Option != "" {
			continue
		}
		m := w.Text
		if m != "" && strings.Trim(m, "01234567") == "" {
			return (m[len(m)-1]-'0')&2 != 0
		}
		for _, clause := range strings.Split(m, ",") {
			k := strings.IndexAny(clause, "+=")
			if k < 0 {
				continue
			}
			who, perms := clause[:k], clause[k+1:]
			if strings.ContainsAny(who, "oa") && strings.Contains(perms, "w") {
				return true
			}
		}
		return false
	}
	return false
}
