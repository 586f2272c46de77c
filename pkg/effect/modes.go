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

// modeWorldWritable reads a chmod mode for write granted to every user of
// the machine: an octal mode whose other digit has the write bit (777, 666,
// 1777), or a symbolic clause giving o or a (written out) w. A bare "+w" is
// left to the umask, which keeps others out.
func modeWorldWritable(m string) bool {
	if m == "" {
		return false
	}
	if strings.Trim(m, "01234567") == "" {
		return (m[len(m)-1]-'0')&2 != 0
	}
	for _, clause := range strings.Split(m, ",") {
		k := strings.IndexAny(clause, "+=")
		if k < 0 {
			continue
		}
		who, perms := clause[:k], clause[k+1:]
		if strings.ContainsAny(who, "oa") && strings.ContainsAny(perms, "w") {
			return true
		}
	}
	return false
}

// worldWritableTree reports whether a chmod command line makes the trees
// it names writable by every user of the machine (chmod -R 777 ./uploads):
// anyone there may then plant code in them or delete what they hold.
func worldWritableTree(name string, cl *catalog.Classified) bool {
	if name == "setfacl" {
		// setfacl -R -m o::rwx DIR: the entry for others grants write
		for _, w := range cl.Words {
			switch w.Option {
			case "-m", "--modify", "--set":
				if aclOthersWrite(w.Text) {
					return true
				}
			}
		}
		return false
	}
	if name != "chmod" {
		return false
	}
	for _, w := range cl.Words {
		if w.Role == catalog.Data && w.Option == "" {
			return modeWorldWritable(w.Text)
		}
	}
	return false
}

// aclOthersWrite reports a setfacl entry list that lets others (every
// user of the machine) write: o::w, o:rwx, other::rw.
func aclOthersWrite(spec string) bool {
	for _, e := range strings.Split(spec, ",") {
		e = strings.TrimPrefix(strings.TrimPrefix(e, "d:"), "default:")
		tag, rest, ok := strings.Cut(e, ":")
		if !ok || tag != "o" && tag != "other" {
			continue
		}
		if k := strings.LastIndexByte(rest, ':'); k >= 0 {
			rest = rest[k+1:]
		}
		if strings.Contains(rest, "w") {
			return true
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
