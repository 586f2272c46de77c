// Package material tells a project's test material from a person's real
// credentials: keys, keystores and certificates a project generates or
// keeps for its tests (certs/dev.key, tls/dev-key.pem,
// keys/id_rsa_test, testdata/server.key) against the keys of the home's
// and the system's credential stores and the real keys a project may hold
// (a copied id_rsa, prod.key, Rails' config/master.key, a release
// keystore).
//
// One reading serves every tool that meets such a file (the read tool, a
// command's reads, an MCP server's file tools, the write tool): where the
// file is, and what it is named. A file is the project's test material
// when
//
//   - it lies inside the project (the working directory of the call),
//     under none of its dot directories (.git/, .ssh/, .github/), and the
//     project is no home, no credential store and no system directory;
//   - it is a key or keystore by its name (*.key, *.pem, *.p12, *.pfx,
//     *.jks, *.keystore, *.p8, id_rsa*, *_key, *private-key*);
//   - a word of its name or of a directory between the project and it says
//     the tests or development made it (test, testdata, fixtures, dev,
//     fake, dummy, mock, example, snakeoil, debug...; the name of the host
//     a certificate serves, localhost-key.pem, is no such word);
//   - and no word says it serves production, a release or a deployment, or
//     keeps a backup (prod, production, live, release, upload, signing,
//     deploy, master, staging, backup...): such a word makes it Real
//     wherever it sits.
//
// The names by which ssh keeps a person's own keys (id_rsa, id_ed25519...)
// say nothing of a test by their directory alone: a copy of the user's key
// is named so, so the test word must be in the file's own name
// (id_rsa_test). What the line does to the file (a copy or link made onto
// it, a key generated into it) is read by the callers: a file the line
// writes is no test material for that line's reads.
package material

import (
	"path"
	"strings"

	"rampart.dev/pkg/internal/table"
	"rampart.dev/pkg/match"
)

// Reading is what a file is taken for.
type Reading uint8

// The readings of a file.
const (
	// Unknown: no key by its name, outside the project, or named for
	// nothing: judged as any credential is.
	Unknown Reading = iota
	// Test: a key or keystore the project keeps for its tests.
	Test
	// Real: named for production, a release, a deployment or a backup:
	// a real credential wherever it sits.
	Real
)

// Verdict is the reading of a file and what it rests on.
type Verdict struct {
	Reading Reading
	// ByName: a test word is in the file's own name, not only in its
	// directories.
	ByName bool
	// Fixture: the file lies in one of the project's fixture directories
	// (Fixture).
	Fixture bool
}

// testWords are the words of a name that say the tests or development
// made the file.
var testWords = table.Map[string, bool]{Words: `test tests testing testdata testkeys testcerts fixture fixtures
	dev devel development fake fakes dummy mock mocks example examples sample samples
	snakeoil insecure demo e2e spec specs stub stubs selfsigned debug throwaway`}

// realWords are the words of a name that say the file serves production,
// a release or a deployment, or keeps a copy of a real one.
var realWords = table.Map[string, bool]{Words: `prod production prd live release releases upload signing
	deploy deployment deployer master staging stage stg preprod uat backup backups bak real customer`}

// keyExts are the extensions of private keys and keystores.
var keyExts = table.Map[string, bool]{Words: "key pem p12 pfx jks keystore bks p8 ppk"}

// keyWords are the words of an extensionless name that make it a key
// (deploy_key, ssh_host_ed25519_key, private-key).
var keyWords = table.Map[string, bool]{Words: "key privkey private"}

// sshKeyPrefixes begin the names of ssh's keys.
var sshKeyPrefixes = [...]string{"id_rsa", "id_dsa", "id_ecdsa", "id_ed25519"}

// storeNames are the names by which ssh keeps a person's own keys.
var storeNames = table.Map[string, bool]{Words: "id_rsa id_dsa id_ecdsa id_ed25519 id_ecdsa_sk id_ed25519_sk identity"}

// systemRoots are directories no project is kept in: a working directory
// under one is no project whose keys are test material.
var systemRoots = [...]string{"/etc", "/root", "/run", "/var", "/proc", "/sys", "/dev", "/boot", "/private", "/mnt", "/media", "/usr", "/Library", "/System"}

// fixtureDirs are the directory names, and runs of names, that hold a
// project's test fixtures.
var fixtureDirs = [...]string{"/testdata/", "/fixtures/", "/__fixtures__/", "/src/test/resources/", "/src/testFixtures/resources/"}

// Fixture reports a path written relative to the working directory,
// without "..", a home or an expansion, inside one of a project's test
// fixture directories (testdata/, fixtures/, __fixtures__/, a JVM build's
// src/test/resources/).
func Fixture(rel string) bool {
	if rel == "" || rel[0] == '/' || rel[0] == '~' || rel[0] == '-' || strings.ContainsAny(rel, "$`*?[{") {
		return false
	}
	q := "/" + strings.TrimPrefix(rel, "./")
	if strings.Contains(q, "/../") || strings.HasSuffix(q, "/..") {
		return false
	}
	for _, d := range fixtureDirs {
		if strings.Contains(q, d) {
			return true
		}
	}
	return false
}

// Project reports whether dir, a cleaned absolute working directory, can
// hold a project whose keys are test material: not the root, a home or a
// directory above one, nothing under a home's dot directories (~/.ssh,
// ~/.config/TOOL) and no system directory.
func Project(dir, home string) bool {
	if len(dir) < 2 || dir[0] != '/' || strings.HasSuffix(dir, "/") {
		return false
	}
	home = strings.TrimSuffix(home, "/")
	if home != "" && under(home, dir) {
		return false
	}
	if strings.Contains(dir, "/.") {
		return false
	}
	for _, r := range systemRoots {
		if under(dir, r) {
			return false
		}
	}
	if dir == "/home" || dir == "/Users" || strings.Count(dir, "/") == 2 && (strings.HasPrefix(dir, "/home/") || strings.HasPrefix(dir, "/Users/")) {
		return false // a home, whoever's
	}
	return true
}

// under reports whether p is dir or lies under it (without a copy of
// either: this is asked of every path a call names).
func under(p, dir string) bool {
	return strings.HasPrefix(p, dir) && (len(p) == len(dir) || p[len(dir)] == '/')
}

// Of reads p, a cleaned absolute path, for a call made in the project dir
// (its working directory), home being the user's home.
func Of(p, dir, home string) Verdict {
	dir = strings.TrimSuffix(dir, "/")
	if len(p) <= len(dir)+1 || p[len(dir)] != '/' || !strings.HasPrefix(p, dir) {
		return Verdict{} // (the cheap test first: most paths lie elsewhere)
	}
	rel := p[len(dir)+1:]
	name := path.Base(rel)
	var bk [4]string
	if o := match.BackupOriginals(bk[:0], name); len(o) > 0 {
		name = o[len(o)-1] // dev.key.bak: the key it keeps
	}
	if !keyName(name) || !Project(dir, home) {
		return Verdict{}
	}
	v := Verdict{Fixture: Fixture(rel)}
	dirTest := false
	for seg := range strings.SplitSeq(path.Dir(rel), "/") {
		if seg == "." {
			continue
		}
		if strings.HasPrefix(seg, ".") {
			return Verdict{} // the project's dot directories: .git/, .ssh/, .github/
		}
		real, test := words(seg)
		if real {
			return Verdict{Reading: Real}
		}
		dirTest = dirTest || test
	}
	real, test := words(name)
	if real {
		return Verdict{Reading: Real}
	}
	v.ByName = test
	switch {
	case test:
		v.Reading = Test
	case storeNames.Get(strings.ToLower(name)):
		// a person's key by its name: a directory's word says nothing
	case dirTest || v.Fixture:
		v.Reading = Test
	}
	return v
}

// SSHKeyStem returns the name of ssh's own key a file name begins with and
// adds a word to (id_rsa for id_rsa_test, id_ed25519 for
// id_ed25519-ci), in lower case; "" for a name that is one as it is, a
// public key's, or none.
func SSHKeyStem(name string) string {
	n := strings.ToLower(name)
	if strings.HasSuffix(n, ".pub") {
		return ""
	}
	for _, s := range sshKeyPrefixes {
		if len(n) > len(s)+1 && strings.HasPrefix(n, s) && (n[len(s)] == '_' || n[len(s)] == '-') {
			return s
		}
	}
	return ""
}

// StoreName reports a file name by which ssh keeps a person's own key
// (id_rsa, id_ed25519, id_ecdsa_sk...), in any case.
func StoreName(name string) bool { return storeNames.Get(strings.ToLower(name)) }

// words reports whether the words of a path segment (split at anything
// not a letter or digit, in any case) hold a real word and a test word.
func words(seg string) (real, test bool) {
	for w := range strings.FieldsFuncSeq(strings.ToLower(seg), notAlnum) {
		real = real || realWords.Get(w)
		test = test || testWords.Get(w)
	}
	return real, test
}

// keyName reports a file name that is a private key's or a keystore's: an
// ssh key's name, a key's or keystore's extension, or, with none, a word
// that says key (deploy_key, ssh_host_ed25519_key).
func keyName(name string) bool {
	n := strings.ToLower(name)
	for _, s := range sshKeyPrefixes {
		if strings.HasPrefix(n, s) {
			return true // id_rsa, id_ed25519_test, id_rsa.bak
		}
	}
	if i := strings.LastIndexByte(n, '.'); i > 0 {
		return keyExts.Get(n[i+1:])
	}
	for w := range strings.FieldsFuncSeq(n, notAlnum) {
		if keyWords.Get(w) {
			return true
		}
	}
	return false
}

func notAlnum(r rune) bool {
	return !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9')
}
