package effect

import (
	"path"
	"slices"
	"strings"

	"rampart.dev/pkg/internal/table"
	"rampart.dev/pkg/match"
	"rampart.dev/pkg/shell"
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
// as they would be. So is the file when a command of the line names it
// without running only after the generator succeeded ("[ -f k ] ||
// ssh-keygen -f k; cat k", "ssh-keygen -f k < /dev/null; cat k": the
// generator may not have run, or refused to overwrite a key that was
// there), or names it before the generator; and a keystore keytool adds
// a key to is fresh for keytool alone, since it may hold keys that were
// there before.

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

// keyGenerators are the programs keyOutputs holds, asked first: a line
// without a key generator, the usual one, is answered from the names
// without building keyOutputs.
var keyGenerators = table.Map[string, bool]{Words: "openssl ssh-keygen keytool mkcert age-keygen"}

// sshKeygenModes are ssh-keygen's options that do something else than make
// a new key in the -f file (print its public half, convert, change its
// passphrase, sign): the file then is an existing key.
var sshKeygenModes = table.Map[string, bool]{Words: "-y -e -i -p -c -l -B -F -H -R -D -k -Q -Y -s -L -A -K -m"}

// generatedKeys finds the files key generators write on the line, with
// the index of the command that writes each.
func (a *analysis) generatedKeys() {
	a.keys = a.keys[:0]
	cmds := a.res.Commands
	if a.relinks() {
		return // a path may lead to another's key
	}
	for i := range cmds {
		c := &cmds[i]
		if !keyGenerators.Get(c.Name) || len(c.Via) > 0 || len(c.Args) == 0 {
			continue
		}
		verbs := keyOutputs.Get(c.Name)
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
		if slices.ContainsFunc(c.Args, helpWord) {
			continue // prints its usage; writes nothing
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
		if !a.onlyAfterGenerator(path.Base(p), i) {
			continue
		}
		// keytool's keystore, when another command names it: what
		// that one reads may be keys the keystore held before
		self := c.Name == "keytool" && a.mentionedElsewhere(path.Base(p), i)
		a.keys = append(a.keys, generatedKey{path: p, cmd: i, self: self})
		if c.Name == "ssh-keygen" {
			a.keys = append(a.keys, generatedKey{path: p + ".pub", cmd: i})
		}
	}
}

// relinkers are the programs that make a path lead to another file's
// content: a link, a copy, a move, a mount.
var relinkers = table.Map[string, bool]{Words: "ln link cp mv install mount bindfs rsync"}

// relinks reports whether a command of the line makes a link, copy, move
// or mount: a key's name may then lead to another's key.
func (a *analysis) relinks() bool {
	for i := range a.res.Commands {
		if relinkers.Get(a.res.Commands[i].Name) {
			return true
		}
	}
	return false
}

// onlyAfterGenerator reports whether every other command of the line
// that names the file base (in a word or a redirection) runs after
// command gen and only if it succeeded.
func (a *analysis) onlyAfterGenerator(base string, gen int) bool {
	for j := range a.res.Commands {
		if j == gen || a.wordsOf(j, gen) || !mentionsFile(&a.res.Commands[j], base) {
			continue
		}
		if j < gen || !shell.GatedOn(a.res, j, gen) {
			return false
		}
	}
	return true
}

// mentionedElsewhere reports whether a command of the line other than
// command gen names the file base.
func (a *analysis) mentionedElsewhere(base string, gen int) bool {
	for j := range a.res.Commands {
		if j != gen && !a.wordsOf(j, gen) && mentionsFile(&a.res.Commands[j], base) {
			return true
		}
	}
	return false
}

// wordsOf reports a command read from command gen's own words (Via
// ending in its program): part of it, not another command.
func (a *analysis) wordsOf(j, gen int) bool {
	v := a.res.Commands[j].Via
	return j > gen && len(v) > 0 && v[len(v)-1] == a.res.Commands[gen].Name
}

// mentionsFile reports a command whose program, arguments, redirections
// or known input name a file called base (as a word's last path segment,
// or followed by a suffix: k.pub, k.bak).
func mentionsFile(c *shell.Command, base string) bool {
	has := func(w string) bool { return namesBase(w, base) }
	if has(c.Program) || slices.ContainsFunc(c.Args, has) || slices.ContainsFunc(c.Stdin, has) {
		return true
	}
	for _, r := range c.Redirects {
		if has(r.Target) {
			return true
		}
	}
	return false
}

// namesBase reports whether base occurs in w as the start of a path
// segment (after the start, /, @, =, :, a quote or a space) not running
// on into a longer name (k in /tmp/k, /tmp/k.pub, f=@k; not in /tmp/kd).
func namesBase(w, base string) bool {
	for from := 0; ; {
		k := strings.Index(w[from:], base)
		if k < 0 {
			return false
		}
		k += from
		end := k + len(base)
		before := k == 0 || strings.IndexByte("/@=: '\"", w[k-1]) >= 0
		after := end == len(w) || w[end] != '-' && !isNameByte(w[end])
		if before && after {
			return true
		}
		from = k + 1
	}
}

// helpWord reports an option that makes a generator print its usage.
func helpWord(w string) bool { return w == "-help" || w == "--help" || w == "-?" }

// generatedKey is a file a key generator writes, and the command that does.
type generatedKey struct {
	path string
	cmd  int
	self bool // fresh for the generating command alone (keytool's keystore)
}

// freshKey reports whether command cmd reads a key generated on the line
// by an earlier command, or by itself (keytool's keystore). cmd past the
// line's commands asks of any command but the keystore's own.
func (a *analysis) freshKey(p string, cmd int) bool {
	for _, k := range a.keys {
		if k.path == p && (k.cmd == cmd || !k.self && k.cmd < cmd) {
			return true
		}
	}
	return false
}
