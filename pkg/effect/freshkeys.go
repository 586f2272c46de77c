package effect

import (
	"slices"
	"strings"

	"rampart.dev/pkg/internal/table"
	"rampart.dev/pkg/match"
)

// Keys made on the line: "openssl genpkey -out /tmp/jwt.key && openssl pkey
// -in /tmp/jwt.key -pubout" reads back a key a generator wrote a moment
// before, and "keytool -genkeypair -keystore test.jks" opens the keystore
// it is adding a new key to. Such a key is fresh random material, no
// credential anyone had: its read is marked "generated" (the engine judges
// no credential read of it) and it is no sensitive source for the flow
// pass. A read of the path before the generator wrote it, a line that
// makes a link, copy, move or mount (the path may lead to another key),
// and a generator's output whose name the line cannot resolve, are read
// as they would be.

// keyOutputs are the options by which a key generator names the file it
// writes a new key to, per program and verb ("" for any verb).
var keyOutputs = table.Map[string, map[string]string]{Build: func() map[string]map[string]string {
	return map[string]map[string]string{
		"openssl":    {"genpkey": "-out", "genrsa": "-out", "ecparam": "-out", "req": "-keyout", "rand": "-out"},
		"ssh-keygen": {"": "-f"},
		"keytool":    {"-genkeypair": "-keystore", "-genkey": "-keystore", "-genseckey": "-keystore"},
		"mkcert":     {"": "-key-file"},
		"age-keygen": {"": "-o"},
	}
}}

// sshKeygenModes are ssh-keygen's options that do something else than make
// a new key in the -f file (print its public half, convert, change its
// passphrase, sign): the file then is an existing key.
var sshKeygenModes = table.Map[string, bool]{Build: func() map[string]bool {
	return fieldSet("-y -e -i -p -c -l -B -F -H -R -D -k -Q -Y -s -L -A -K -m")
}}

// generatedKeys finds the files key generators write on the line, with
// the index of the command that writes each.
func (a *analysis) generatedKeys() {
	a.keys = a.keys[:0]
	cmds := a.res.Commands
	for i := range cmds {
		switch cmds[i].Name {
		case "ln", "link", "cp", "mv", "install", "mount", "bindfs", "rsync":
			a.keys = a.keys[:0]
			return // a path may lead to another's key
		}
	}
	for i := range cmds {
		c := &cmds[i]
		verbs, ok := keyOutputs.Lookup(c.Name)
		if !ok || len(c.Via) > 0 || len(c.Args) == 0 {
			continue
		}
		opt, ok := verbs[c.Args[0]]
		if !ok {
			if opt, ok = verbs[""]; !ok {
				continue
			}
		}
		if c.Name == "openssl" && c.Args[0] == "ecparam" && !slices.Contains(c.Args, "-genkey") ||
			c.Name == "openssl" && c.Args[0] == "req" && !slices.Contains(c.Args, "-newkey") {
			continue // ecparam without -genkey, req signing an existing -key
		}
		if c.Name == "ssh-keygen" && slices.ContainsFunc(c.Args, sshKeygenModes.Get) {
			continue
		}
		out := optionValues(c.Args, func(o string) bool { return o == opt })
		if len(out) != 1 || out[0] == "" || hasExpansion(out[0]) || strings.ContainsAny(out[0], "*?[") {
			continue
		}
		cwd := ""
		if i < len(a.cwds) {
			cwd = a.cwds[i]
		}
		if cwd == "" && !strings.HasPrefix(out[0], "/") {
			continue
		}
		p := match.CleanPath(out[0], cwd, a.env.Home)
		a.keys = append(a.keys, generatedKey{path: p, cmd: i})
		if c.Name == "ssh-keygen" {
			a.keys = append(a.keys, generatedKey{path: p + ".pub", cmd: i})
		}
	}
}

// generatedKey is a file a key generator writes, and the command that does.
type generatedKey struct {
	path string
	cmd  int
}

// freshKey reports whether command cmd reads a key generated on the line
// by an earlier command, or by itself (keytool's keystore).
func (a *analysis) freshKey(p string, cmd int) bool {
	for _, k := range a.keys {
		if k.path == p && k.cmd <= cmd {
			return true
		}
	}
	return false
}
