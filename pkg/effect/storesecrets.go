package effect

import (
	"path"
	"strings"
)

// A data store's own commands that print the server's secrets: Redis's
// (and Valkey's, KeyDB's) CONFIG GET of a setting that holds a password
// (requirepass, masterauth), named or matched by the glob the command
// takes ('*', '*pass*', 'master*'), and ACL LIST / ACL GETUSER, which print
// its users' password hashes. CONFIG GET maxmemory, ACL WHOAMI print
// settings and names. The command is read from the client's words or the
// text it is fed, as its other statements are (SQL effects).

// storeSecretSettings are the settings that hold a data store's passwords.
var storeSecretSettings = [...]string{"requirepass", "masterauth"}

// printsStoreSecret reports whether a data store's command text prints one
// of the server's secrets.
func printsStoreSecret(text string) bool {
	for line := range strings.FieldsFuncSeq(text, func(r rune) bool { return r == '\n' || r == ';' }) {
		f := strings.Fields(line)
		if len(f) < 2 {
			continue
		}
		switch {
		case strings.EqualFold(f[0], "CONFIG") && strings.EqualFold(f[1], "GET"):
			for _, p := range f[2:] {
				p = strings.ToLower(strings.Trim(p, `'"`))
				for _, s := range storeSecretSettings {
					if ok, _ := path.Match(p, s); ok {
						return true
					}
				}
			}
		case strings.EqualFold(f[0], "ACL") && (strings.EqualFold(f[1], "LIST") || strings.EqualFold(f[1], "GETUSER")):
			return true
		}
	}
	return false
}

// storeSecretShown reports whether command i's statements to a data store
// (its SQL effects, found before the sources are read) print one of the
// server's secrets.
func (a *analysis) storeSecretShown(i int) bool {
	for k := range a.out {
		if e := &a.out[k]; e.Kind == SQL && e.Cmd == i && printsStoreSecret(e.Target) {
			return true
		}
	}
	return false
}
